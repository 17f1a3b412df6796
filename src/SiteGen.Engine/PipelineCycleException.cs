using System.Collections.Immutable;

namespace SiteGen.Engine;

/// <summary>The pipelines' dependencies form a cycle; <see cref="Cycle"/> names it, first name repeated last.</summary>
public sealed class PipelineCycleException(ImmutableArray<string> cycle)
    : Exception($"The pipelines depend on each other in a cycle: {string.Join(" -> ", cycle)}. Remove one of these dependencies.")
{
    public ImmutableArray<string> Cycle { get; } = cycle;
}

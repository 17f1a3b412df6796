using System.Collections.Immutable;

namespace SiteGen.Engine;

/// <summary>The run raised warnings while <see cref="Engine.FailOnWarnings"/> was set; nothing was written.</summary>
public sealed class WarningsAsErrorsException(ImmutableArray<string> warnings)
    : Exception($"{warnings.Length} warning(s) fail the build in strict mode.")
{
    public ImmutableArray<string> Warnings { get; } = warnings;
}

using System.Collections.Immutable;

namespace SiteGen.Engine;

/// <summary>What a run produced: each pipeline's documents and timings, and the warnings and notes raised.</summary>
public sealed record EngineResult(ImmutableArray<PipelineReport> Pipelines, ImmutableArray<string> Warnings)
{
    /// <summary>What modules reported that is no problem (<see cref="IExecutionContext.Note"/>), in no set order.</summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    public PipelineReport this[string pipeline] => Pipelines.First(p => p.Name == pipeline);
}

/// <summary>
/// One pipeline's final documents (after Output; none for one read in Process only: <see cref="Pipeline.ReadInProcessOnly"/>)
/// and where its time went.
/// </summary>
public sealed record PipelineReport(
    string Name,
    ImmutableArray<Document> Documents,
    TimeSpan Elapsed,
    ImmutableArray<ModuleTiming> Modules);

/// <summary>How long one module took in one phase.</summary>
public sealed record ModuleTiming(Phase Phase, string Module, TimeSpan Elapsed, int DocumentsOut);

using System.Collections.Immutable;
using SiteGen.Engine;

namespace SiteGen.Site;

/// <summary>What a build did, for the one-paragraph report at its end (and for tests).</summary>
public sealed record BuildSummary(
    string OutputPath,
    int Papers,
    int FilesProduced,
    int FilesWritten,
    int FilesRemoved,
    ImmutableArray<string> Warnings,
    ImmutableArray<PipelineReport> Pipelines,
    TimeSpan Elapsed);

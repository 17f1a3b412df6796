using System.Collections.Immutable;
using SiteGen.Engine;

namespace SiteGen.Site;

/// <summary>What a build did, for the one-paragraph report at its end (and for tests).</summary>
internal sealed record BuildSummary(
    string OutputPath,
    int Papers,
    int FilesProduced,
    int FilesWritten,
    int FilesRemoved,
    ImmutableArray<string> Warnings,
    ImmutableArray<PipelineReport> Pipelines,
    TimeSpan Elapsed)
{
    /// <summary>What the user may want to know but is no problem (what a setting left out): never fails a strict build.</summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    /// <summary>What each capture of the listings folder gave, a line each, in file order (<c>--verbose</c> and <c>check</c> show them).</summary>
    public ImmutableArray<string> Captures { get; init; } = [];

    /// <summary>Whether a one-off rebuild was held off the collector and how that went (<see cref="CollectorHold"/>), for <c>--verbose</c>; null when it was not one to hold.</summary>
    public string? Collector { get; init; }

    /// <summary>True when nothing changed since the last build, so none of the site was made again (<see cref="UpToDateStamp"/>).</summary>
    public bool UpToDate { get; init; }

    /// <summary>The output and cache folders the build wrote, as they really are.</summary>
    internal SiteFolders? Folders { get; init; }

    /// <summary>The cache's files for this output folder, with their sizes (<c>--verbose</c> shows them).</summary>
    public ImmutableArray<(string Path, long Bytes)> Cache { get; init; } = [];

    /// <summary>What the check of internal links found.</summary>
    public Links.LinkReport Links { get; init; } = SiteGen.Links.LinkReport.None;
}

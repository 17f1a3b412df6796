using System.Collections.Immutable;
using SiteGen.Diagnostics;

namespace SiteGen.Listings;

/// <summary>The papers of one capture, in page order and each once, and what could not be read (as warnings).</summary>
internal sealed record ListingParseResult(ImmutableArray<ListingEntry> Entries, ImmutableArray<Diagnostic> Warnings)
{
    /// <summary>How the capture was saved; null when it is none SiteGen knows.</summary>
    public CaptureFormat? Format { get; init; } = CaptureFormat.BrowserCopy;

    /// <summary>What page it is, when that shows: daily, weekly, monthly, search, trending, organization, user, collection, paper.</summary>
    public string? PageKind { get; init; }

    /// <summary>The lines that held no paper (1-based, inclusive ranges): the page's header, footer and the like.</summary>
    public ImmutableArray<(int First, int Last)> Skipped { get; init; } = [];
}

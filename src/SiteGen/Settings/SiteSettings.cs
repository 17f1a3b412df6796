using System.Collections.Immutable;

namespace SiteGen.Settings;

/// <summary>
/// The settings of one build, typed. Key names are Statiq.Web's wherever Statiq.Web has one, so a
/// Statiq user's statiq.json reads the same; docs/settings.md lists every key with its default.
/// </summary>
internal sealed record SiteSettings
{
    public string SiteTitle { get; init; } = "Papers";

    public string SiteDescription { get; init; } = "Research papers, with tag and author-count indexes.";

    /// <summary>Host name for absolute URLs (feeds, sitemap, canonical); none means those are skipped.</summary>
    public string? Host { get; init; }

    /// <summary>Base path the site is served under, "/" or "/repo/".</summary>
    public string LinkRoot { get; init; } = "/";

    public bool LinksUseHttps { get; init; } = true;

    public string OutputPath { get; init; } = "output";

    /// <summary>Where a build keeps what makes the next one fast; safe to delete.</summary>
    public string CachePath { get; init; } = "cache";

    public ImmutableArray<string> InputPaths { get; init; } = ["input"];

    /// <summary>The site's theme folders, over the built-in theme; theme/ by default, and then only when it exists.</summary>
    public ImmutableArray<string> ThemePaths { get; init; } = ["theme"];

    /// <summary>True when ThemePaths was set: then each folder it names must exist.</summary>
    public bool ThemePathsGiven { get; init; }

    public bool GenerateSitemap { get; init; } = true;

    public bool GenerateSearchIndex { get; init; } = true;

    public int ArchivePageSize { get; init; } = 50;

    /// <summary>Papers in each feed (the site's Atom and JSON feeds, each tag's Atom feed), newest first.</summary>
    public int FeedSize { get; init; } = 20;

    /// <summary>
    /// Whether a paper's related papers may be newer than it. Off by default, as Hugo's <c>includeNewer</c>: a day's
    /// new papers then leave every older paper's page as it was, so a daily build writes (and deploys) few files.
    /// </summary>
    public bool RelatedIncludeNewer { get; init; }

    /// <summary>Listing file name -> the year it was captured, for dates shown without a year.</summary>
    public ImmutableSortedDictionary<string, int> ListingCaptureYears { get; init; } =
        ImmutableSortedDictionary<string, int>.Empty;

    public int? CaptureYearOf(string listingFileName) =>
        ListingCaptureYears.TryGetValue(listingFileName, out var year) ? year : null;
}

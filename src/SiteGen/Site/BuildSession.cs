using System.Collections.Immutable;
using SiteGen.Papers;
using SiteGen.Rendering.Views;

namespace SiteGen.Site;

/// <summary>
/// What a long-running process (the preview server) keeps between builds so that a rebuild redoes only
/// what an edit touched: file texts by their timestamp, parsed listings and pages by their text, each
/// paper's tags and view by the paper itself. A one-off build starts with an empty session and loses
/// nothing by it. Everything here is keyed by value, so a stale entry can only be unused, never wrong.
/// </summary>
public sealed class BuildSession(bool remember = true)
{
    /// <summary>A session for one build only: it remembers nothing, so it costs nothing.</summary>
    public static BuildSession OneOff() => new(remember: false);

    internal Memo<(string Path, DateTime Modified, long Length), string> Files { get; } = new(remember);

    internal Memo<(string Path, string Text, int? CaptureYear), (ImmutableArray<Paper> Papers, ImmutableArray<Diagnostics.Diagnostic> Warnings)> Listings { get; } = new(remember);

    internal Memo<(string Path, string Text), Paper> Pages { get; } = new(remember);

    internal Memo<Paper, ImmutableArray<string>> Tags { get; } = new(remember);

    internal Memo<Paper, PaperView> Views { get; } = new(remember);

    /// <summary>Each paper's YAML-fronted page, as written to <c>/papers/{slug}.md</c>.</summary>
    internal Memo<Paper, string> FrontMatter { get; } = new(remember);

    /// <summary>Each paper's line of <c>/papers.json</c>.</summary>
    internal Memo<Paper, byte[]> Json { get; } = new(remember);

    /// <summary>
    /// What the memoized values were computed with (the tag vocabulary, the program): when it changes,
    /// nothing of the last build may be reused.
    /// </summary>
    private ulong _basis;

    internal void StartBuild(ulong basis)
    {
        if (basis != _basis)
        {
            Tags.Clear();
            Views.Clear();
            _basis = basis;
        }
        Files.NextGeneration();
        Listings.NextGeneration();
        Pages.NextGeneration();
        Tags.NextGeneration();
        Views.NextGeneration();
        FrontMatter.NextGeneration();
        Json.NextGeneration();
    }
}

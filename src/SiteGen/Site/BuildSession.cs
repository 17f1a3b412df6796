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

    internal Memo<SourceText, (ImmutableArray<Paper> Papers, ImmutableArray<Diagnostics.Diagnostic> Warnings)> Listings { get; } = new(remember);

    internal Memo<SourceText, Paper> Pages { get; } = new(remember);

    /// <summary>Each group of copies of one paper (listings, hand-written page) and the paper merged from them.</summary>
    internal Memo<PaperGroup, (Paper Paper, ImmutableArray<Diagnostics.Diagnostic> Warnings)> Merged { get; } = new(remember);

    // From here on, papers are keys by reference: the memos above hand out the same object for the same input.
    internal Memo<Paper, string> Identities { get; } = new(remember, ReferenceEqualityComparer.Instance);

    /// <summary>Each merged paper, with the vocabulary's tags added.</summary>
    internal Memo<Paper, Paper> Tagged { get; } = new(remember, ReferenceEqualityComparer.Instance);

    internal Memo<Paper, PaperView> Views { get; } = new(remember, ReferenceEqualityComparer.Instance);

    /// <summary>Each paper's YAML-fronted page, as written to <c>/papers/{slug}.md</c> (UTF-8).</summary>
    internal Memo<Paper, byte[]> FrontMatter { get; } = new(remember, ReferenceEqualityComparer.Instance);

    /// <summary>Each paper's line of <c>/papers.json</c> (UTF-8).</summary>
    internal Memo<Paper, byte[]> Json { get; } = new(remember, ReferenceEqualityComparer.Instance);

    /// <summary>The manifest the last build of this session wrote, and where: the next build need not read it back.</summary>
    private (string Path, IReadOnlyDictionary<string, FileStamp> Stamps)? _manifest;

    internal IReadOnlyDictionary<string, FileStamp>? LastManifest(string path) =>
        _manifest is { } m && m.Path == path && File.Exists(path) ? m.Stamps : null;

    internal void RememberManifest(string path, IReadOnlyDictionary<string, FileStamp> stamps)
    {
        if (remember)
        {
            _manifest = (path, stamps);
        }
    }

    /// <summary>
    /// What the memoized values were computed with (the tag vocabulary, the program): when it changes,
    /// nothing of the last build may be reused.
    /// </summary>
    private ulong _basis;

    internal void StartBuild(ulong basis)
    {
        if (basis != _basis)
        {
            Tagged.Clear();
            Views.Clear();
            _basis = basis;
        }
        Files.NextGeneration();
        Listings.NextGeneration();
        Pages.NextGeneration();
        Merged.NextGeneration();
        Identities.NextGeneration();
        Tagged.NextGeneration();
        Views.NextGeneration();
        FrontMatter.NextGeneration();
        Json.NextGeneration();
    }
}

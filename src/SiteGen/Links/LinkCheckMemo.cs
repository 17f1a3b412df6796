namespace SiteGen.Links;

/// <summary>
/// A session's link check results per page (<see cref="LinkCheck.Session"/>): what each page's links came to, kept while
/// the site's files stay the same. Each check keeps only the pages of that check.
/// </summary>
public sealed class LinkCheckMemo
{
    private Dictionary<PageLinks, (BrokenLink[] Broken, int Links)> _last = new(ReferenceEqualityComparer.Instance);
    private Dictionary<PageLinks, (BrokenLink[] Broken, int Links)> _next = new(ReferenceEqualityComparer.Instance);

    /// <summary>Last check's results, when the site holds the same files; none otherwise (every link is resolved again).</summary>
    internal IReadOnlyDictionary<PageLinks, (BrokenLink[] Broken, int Links)>? For(bool sameFiles)
    {
        _next = new(ReferenceEqualityComparer.Instance);
        return sameFiles ? _last : null;
    }

    internal void Remember(PageLinks page, BrokenLink[] broken, int links) => _next[page] = (broken, links);

    /// <summary>This check's pages (found or reused) become the last check's: a page no longer in the site is forgotten.</summary>
    internal void EndCheck() => _last = _next;
}

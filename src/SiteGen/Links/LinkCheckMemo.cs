namespace SiteGen.Links;

/// <summary>
/// A session's link check results per page (<see cref="LinkCheck.Session"/>): what each page's links came to, kept while
/// the site's files stay the same. While they do, a check only adds the pages it rendered and drops the ones they
/// replaced, rather than building the table again: at 10,000 papers that is 21,000 entries an edit.
/// </summary>
internal sealed class LinkCheckMemo
{
    private Dictionary<PageLinks, (BrokenLink[] Broken, int Links)> _last = new(ReferenceEqualityComparer.Instance);

    /// <summary>True while a check fills a new table (the site's files changed): it replaces the last one at its end.</summary>
    private bool _rebuilding;

    /// <summary>Last check's results, when the site holds the same files; none otherwise (every link is resolved again).</summary>
    internal IReadOnlyDictionary<PageLinks, (BrokenLink[] Broken, int Links)>? For(bool sameFiles, int pages)
    {
        // A table that outgrew the site (entries whose replacement went unreported) is built again.
        _rebuilding = !sameFiles || _last.Count > 2 * pages + 64;
        if (_rebuilding)
        {
            _last = new(ReferenceEqualityComparer.Instance);
            return null;
        }
        return _last;
    }

    internal void Remember(PageLinks page, BrokenLink[] broken, int links) => _last[page] = (broken, links);

    /// <summary>Forgets the pages this check's rendered pages replaced; a rebuilt table holds only this check's pages already.</summary>
    internal void EndCheck(IEnumerable<PageLinks> replaced)
    {
        if (!_rebuilding)
        {
            foreach (var page in replaced)
            {
                _last.Remove(page);
            }
        }
    }
}

using SiteGen.Rendering.Views;

namespace SiteGen.Site;

/// <summary>
/// One page of a paginated list: where it goes, its items, its number (null for the list's front page) and how many
/// numbered pages the list has.
/// </summary>
internal sealed record ListPage<T>(string Destination, int? Number, ArraySegment<T> Items, int Numbered, string Folder)
{
    /// <summary>
    /// The page's navigation (null for a list of one page), made when asked: a session that finds the page as it was
    /// never asks, and making it for every list page of the site was most of what a rebuild's list pipelines allocated.
    /// </summary>
    public PaginationView? Pagination => Numbered == 0 ? null : Paginator.Navigation(Folder, Number, Numbered);
}

/// <summary>
/// Splits a newest-first list into pages that stay put as the list grows, as Nikola's static indexes do. The folder's
/// index (the front page) shows the newest <c>ArchivePageSize</c> papers; the pages behind it are numbered from the
/// oldest, so <c>page/1/</c> always holds the oldest papers and every numbered page but the newest is full. A day's new
/// papers then change a list's front page and its newest numbered page or two, not every page after them, as numbering
/// from the newest would: at 100,000 papers that was 10,805 pages written for a day of 50 papers.
/// </summary>
internal static class Paginator
{
    /// <summary>Page links either side of the current page; the front page and page 1 are always linked.</summary>
    private const int Window = 2;

    public static IEnumerable<ListPage<T>> Paginate<T>(IReadOnlyList<T> items, int pageSize, string folder)
    {
        var all = items as T[] ?? [.. items];
        var front = Math.Min(pageSize, all.Length);
        var numbered = (all.Length - front + pageSize - 1) / pageSize;
        yield return new ListPage<T>(Urls.ListFront(folder), null, new ArraySegment<T>(all, 0, front), numbered, folder);
        for (var number = numbered; number >= 1; number--)
        {
            var end = all.Length - ((number - 1) * pageSize);
            var start = Math.Max(front, end - pageSize);
            yield return new ListPage<T>(Urls.ListPage(folder, number), number, new ArraySegment<T>(all, start, end - start), numbered, folder);
        }
    }

    /// <summary>
    /// Newer and older neighbours, and links from the newest page down: the front page, the window around the current
    /// page and page 1. Far from the newest pages a page's links do not depend on how many pages there are, so it is
    /// not written again when the list grows.
    /// </summary>
    internal static PaginationView Navigation(string folder, int? current, int numbered)
    {
        var front = numbered + 1; // where the front page stands in the order of pages
        var at = current ?? front;
        string UrlOf(int n) => n == front ? Urls.ListFront(folder) : Urls.ListPage(folder, n);
        var pages = new List<PageLinkView>();
        var previous = front + 1;
        for (var n = front; n >= 1; n--)
        {
            var distance = Math.Abs(n - at);
            var end = n == front || n == 1;
            if (end || distance <= Window)
            {
                pages.Add(new PageLinkView(n == front ? null : n, UrlOf(n), n == at, AfterGap: previous - n > 1, IsFar: !end && distance > 1));
                previous = n;
            }
        }
        return new PaginationView(at == front ? null : UrlOf(at + 1), at == 1 ? null : UrlOf(at - 1), pages);
    }
}

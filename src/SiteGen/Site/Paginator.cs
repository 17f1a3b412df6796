using SiteGen.Rendering.Views;

namespace SiteGen.Site;

/// <summary>One page of a paginated list: where it goes, its items, and how many pages the list has.</summary>
internal sealed record ListPage<T>(string Destination, int Number, ArraySegment<T> Items, int Total, string Folder)
{
    /// <summary>
    /// The page's navigation (null for a list of one page), made when asked: a session that finds the page as it was
    /// never asks, and making it for every list page of the site was most of what a rebuild's list pipelines allocated.
    /// </summary>
    public PaginationView? Pagination => Total == 1 ? null : Paginator.Navigation(Folder, Number, Total);
}

/// <summary>
/// Splits a list into pages of <c>ArchivePageSize</c>. Page links are a window (first, last, and two
/// around the current page), so 2,000 pages do not give every page 2,000 links.
/// </summary>
internal static class Paginator
{
    private const int Window = 2;

    public static IEnumerable<ListPage<T>> Paginate<T>(IReadOnlyList<T> items, int pageSize, string folder)
    {
        var all = items as T[] ?? [.. items];
        var total = Math.Max(1, (all.Length + pageSize - 1) / pageSize);
        for (var number = 1; number <= total; number++)
        {
            var start = (number - 1) * pageSize;
            var slice = new ArraySegment<T>(all, start, Math.Min(pageSize, all.Length - start));
            yield return new ListPage<T>(Urls.ListPage(folder, number), number, slice, total, folder);
        }
    }

    internal static PaginationView Navigation(string folder, int current, int total)
    {
        var pages = new List<PageLinkView>();
        for (var n = 1; n <= total; n++)
        {
            if (n == 1 || n == total || Math.Abs(n - current) <= Window)
            {
                pages.Add(new PageLinkView(n, Urls.ListPage(folder, n), n == current));
            }
        }
        return new PaginationView(
            current,
            total,
            current > 1 ? Urls.ListPage(folder, current - 1) : null,
            current < total ? Urls.ListPage(folder, current + 1) : null,
            pages);
    }
}

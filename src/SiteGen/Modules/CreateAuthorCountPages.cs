using System.Collections.Immutable;
using System.Globalization;
using SiteGen.Engine;
using SiteGen.Rendering.Views;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// The author-count index (a bar chart and a list: 1, 2, ... authors, then unknown) and one paginated
/// list per count. Grouped in one pass over the papers.
/// </summary>
internal sealed class CreateAuthorCountPages(string papersPipeline) : IModule
{
    public const string IndexLayout = "authors";
    public const string CountLayout = "author";

    private const double BarWidth = 40;
    private const double BarGap = 14;
    private const double PlotHeight = 160;
    private const double TopMargin = 24;    // room for the count above the tallest bar
    private const double BottomMargin = 32; // room for the label under each bar
    private const double SideMargin = 8;

    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        var known = new SortedDictionary<int, List<PaperView>>();
        var unknown = new List<PaperView>();
        foreach (var document in context.FromPipeline(papersPipeline))
        {
            var view = document.GetRequired<PaperView>(Keys.PaperView);
            if (view.AuthorCount is { } n)
            {
                if (!known.TryGetValue(n, out var list))
                {
                    known[n] = list = [];
                }
                list.Add(view);
            }
            else
            {
                unknown.Add(view);
            }
        }
        var groups = known.Select(g => (Count: (int?)g.Key, Papers: g.Value)).ToList();
        if (unknown.Count > 0)
        {
            groups.Add((null, unknown));
        }

        var max = groups.Count == 0 ? 0 : groups.Max(g => g.Papers.Count);
        var buckets = groups.Select((g, i) =>
        {
            var height = max == 0 ? 0 : Math.Round(PlotHeight * g.Papers.Count / max, 1);
            return new AuthorBucketView(
                Key: g.Count?.ToString(CultureInfo.InvariantCulture) ?? Urls.UnknownAuthorCount,
                Label: g.Count?.ToString(CultureInfo.InvariantCulture) ?? "unknown",
                Count: g.Papers.Count,
                Url: Urls.ListFront(Urls.AuthorCountFolder(g.Count)),
                X: SideMargin + i * (BarWidth + BarGap),
                Y: TopMargin + PlotHeight - height,
                Width: BarWidth,
                Height: height);
        }).ToArray();
        var chart = new ChartView(
            Width: 2 * SideMargin + Math.Max(1, buckets.Length) * (BarWidth + BarGap) - BarGap,
            Height: TopMargin + PlotHeight + BottomMargin,
            BaselineY: TopMargin + PlotHeight,
            MaxCount: max);

        var pages = ImmutableArray.CreateBuilder<Document>();
        pages.Add(PageDocuments.Create(Urls.AuthorsIndex, IndexLayout, siteView =>
            new PageModel(siteView, new PageView("Papers by author count", IndexLayout, Urls.AuthorsIndex,
                "How many papers have one author, two, and so on.")) { Buckets = buckets, Chart = chart }, site));
        foreach (var (count, papers) in groups)
        {
            var label = PaperViews.AuthorLabel(count);
            var title = count is null ? "Papers whose author count is unknown" : $"Papers with {label}";
            var folder = Urls.AuthorCountFolder(count);
            var page = new PageView(title, CountLayout, Urls.ListFront(folder),
                $"{papers.Count.ToString(CultureInfo.InvariantCulture)} papers.");
            pages.AddRange(PageDocuments.ListPages(papers, folder, CountLayout, page, site));
        }
        return Task.FromResult(pages.ToImmutable());
    }
}

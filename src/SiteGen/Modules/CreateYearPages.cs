using System.Collections.Immutable;
using System.Globalization;
using SiteGen.Engine;
using SiteGen.Papers;
using SiteGen.Rendering.Views;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// The year archive: its index (every year with its count, newest first, then the papers without a date if there are
/// any) and one paginated list per year, newest first. Grouped in one pass; papers arrive in the site's order and stay
/// so in every year.
/// </summary>
internal sealed class CreateYearPages(string papersPipeline) : IModule
{
    public const string IndexLayout = "years";
    public const string YearLayout = "year";

    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        // Papers come in the site's order, newest first, so each year's papers do too; a paper without a date of its own
        // comes among those of the day a capture first showed it (Paper.OrderDate), so years are sorted here.
        var years = new Dictionary<int, List<PaperView>>();
        var undated = new List<PaperView>();
        foreach (var document in context.FromPipeline(papersPipeline))
        {
            var view = document.GetRequired<PaperView>(Keys.PaperView);
            if (document.GetRequired<Paper>(Keys.Paper).Published?.Year is { } year)
            {
                (years.TryGetValue(year, out var papers) ? papers : years[year] = []).Add(view);
            }
            else
            {
                undated.Add(view);
            }
        }
        var groups = years.OrderByDescending(pair => pair.Key).Select(pair => (Year: (int?)pair.Key, Papers: pair.Value)).ToList();
        if (undated.Count > 0)
        {
            groups.Add((null, undated));
        }

        var summaries = groups.Select(g => new YearSummaryView(
            Key: g.Year?.ToString("D4", CultureInfo.InvariantCulture) ?? Urls.Undated,
            Label: g.Year?.ToString("D4", CultureInfo.InvariantCulture) ?? "Undated",
            Count: g.Papers.Count,
            Url: Urls.ListFront(Urls.YearFolder(g.Year)))).ToArray();

        var pages = ImmutableArray.CreateBuilder<Document>();
        pages.Add(PageDocuments.Create(Urls.YearsIndex, IndexLayout, siteView =>
            new PageModel(siteView, new PageView("Papers by year", IndexLayout, Urls.YearsIndex,
                "How many papers each year has, newest first.")) { Years = summaries }, site));
        foreach (var ((year, papers), summary) in groups.Zip(summaries))
        {
            var title = year is null ? "Papers without a date" : $"Papers of {summary.Label}";
            var count = papers.Count == 1 ? "1 paper" : $"{papers.Count.ToString(CultureInfo.InvariantCulture)} papers";
            var page = new PageView(title, YearLayout, summary.Url, year is null ? $"{count}, the most recently listed first." : $"{count}, newest first.");
            pages.AddRange(PageDocuments.ListPages(papers, Urls.YearFolder(year), YearLayout, page, site));
        }
        return Task.FromResult(pages.ToImmutable());
    }
}

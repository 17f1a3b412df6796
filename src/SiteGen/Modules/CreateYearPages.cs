using System.Collections.Immutable;
using System.Globalization;
using SiteGen.Engine;
using SiteGen.Papers;
using SiteGen.Rendering.Views;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// The year archive: its index (every year with its count, newest first, then the undated papers if there
/// are any, as the home list puts them last) and one paginated list per year, newest first. Grouped in one
/// pass; papers arrive in the site's order and stay so in every year.
/// </summary>
internal sealed class CreateYearPages(string papersPipeline) : IModule
{
    public const string IndexLayout = "years";
    public const string YearLayout = "year";

    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        // Papers come newest first, so years appear newest first and undated papers come last.
        var groups = new List<(int? Year, List<PaperView> Papers)>();
        foreach (var document in context.FromPipeline(papersPipeline))
        {
            var view = document.GetRequired<PaperView>(Keys.PaperView);
            var year = document.GetRequired<Paper>(Keys.Paper).Published?.Year;
            if (groups.Count == 0 || groups[^1].Year != year)
            {
                groups.Add((year, []));
            }
            groups[^1].Papers.Add(view);
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
            var page = new PageView(title, YearLayout, summary.Url, year is null ? $"{count}, by title." : $"{count}, newest first.");
            pages.AddRange(PageDocuments.ListPages(papers, Urls.YearFolder(year), YearLayout, page, site));
        }
        return Task.FromResult(pages.ToImmutable());
    }
}

using SiteGen.Engine;
using SiteGen.Rendering.Views;

namespace SiteGen.Site;

/// <summary>Makes the document of one page to render: destination, layout and the model its template sees.</summary>
public static class PageDocuments
{
    public static SiteView SiteFor(string destination, SiteServices site) =>
        new(site.Settings.SiteTitle, site.Settings.SiteDescription, Urls.RootFrom(destination))
        {
            Menu = site.Menu,
            HasSearch = site.Settings.GenerateSearchIndex,
            BaseUrl = AbsoluteUrls.BaseOf(site.Settings),
        };

    public static Document Create(string destination, string layout, Func<SiteView, PageModel> model, SiteServices site) =>
        Document.Create(destination: destination)
            .With(Keys.Layout, layout)
            .With(Keys.Model, model(SiteFor(destination, site)));

    /// <summary>The pages of a paginated list of papers; page 2 on says so in its title.</summary>
    public static IEnumerable<Document> ListPages(IReadOnlyList<PaperView> papers, string folder, string layout,
        PageView page, SiteServices site, TagSummaryView? tag = null) =>
        Paginator.Paginate(papers, site.Settings.ArchivePageSize, folder).Select(list =>
            Create(list.Destination, layout, siteView => new PageModel(siteView,
                page with
                {
                    Url = list.Destination,
                    Title = list.Number == 1 ? page.Title : $"{page.Title} (page {list.Number})",
                })
            {
                Papers = list.Items,
                Pagination = list.Pagination,
                Tag = tag,
            }, site));
}

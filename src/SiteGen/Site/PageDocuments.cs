using SiteGen.Engine;
using SiteGen.Rendering.Views;

namespace SiteGen.Site;

/// <summary>Makes the document of one page to render: destination, layout and the model its template sees.</summary>
internal static class PageDocuments
{
    /// <summary>The site as a page at <paramref name="destination"/> sees it: one object per depth, kept by a session.</summary>
    public static SiteView SiteFor(string destination, SiteServices site) =>
        // One per depth, made from the settings (title, description, host) and the menu; memoized in a one-off build too:
        // one per page was 112,000 at 100,000 papers.
        site.Session.Reuse.Memo<string, SiteView>("site views", MadeFrom.Settings | MadeFrom.Navigation, withinOneBuild: true).GetOrAdd(
            Urls.RootFrom(destination), site, static (root, site) => new(site.Settings.SiteTitle, site.Settings.SiteDescription, root)
            {
                Menu = site.Menu,
                HasSearch = site.Settings.GenerateSearchIndex,
                BaseUrl = AbsoluteUrls.BaseOf(site.Settings),
            });

    /// <summary>
    /// A page (about <paramref name="paper"/>, if given); a layout the theme lacks stops the build here, before anything
    /// is written.
    /// </summary>
    public static Document Create(string destination, string layout, Func<SiteView, PageModel> model, SiteServices site, Papers.Paper? paper = null) =>
        Create(destination, layout, model, static (siteView, model) => model(siteView), site, paper);

    /// <summary>
    /// <see cref="Create(string, string, Func{SiteView, PageModel}, SiteServices, Papers.Paper?)"/> with <paramref name="state"/>
    /// handed to <paramref name="model"/>: a static function allocates nothing per page (a paper's page is made in every build).
    /// </summary>
    public static Document Create<TState>(string destination, string layout, TState state, Func<SiteView, TState, PageModel> model, SiteServices site,
        Papers.Paper? paper = null)
    {
        site.Templates.RequireLayout(layout);
        return Page(destination, layout, model(SiteFor(destination, site), state), paper);
    }

    /// <summary>
    /// A page's document, with its model's hash (<see cref="Keys.ProducedFrom"/>), made with the model: a page read back
    /// from the cache's store brings it along, so a rebuild decides to keep the page without hashing its model again.
    /// Made with all its keys at once: a document and a table for each key added was garbage for every paper's page.
    /// </summary>
    public static Document Page(string destination, string layout, PageModel model, Papers.Paper? paper = null)
    {
        var hash = PageFingerprint.HashOf(model);
        return paper is null
            ? Document.Create(destination: destination, metadata: [new(Keys.Layout, layout), new(Keys.Model, model), new(Keys.ProducedFrom, hash)])
            : Document.Create(destination: destination,
                metadata: [new(Keys.Layout, layout), new(Keys.Model, model), new(Keys.ProducedFrom, hash), new(Keys.Paper, paper)]);
    }

    /// <summary>
    /// The pages of a paginated list of papers; a numbered page says so in its title. A numbered page keeps its papers as
    /// the list grows (<see cref="Paginator"/>), so it shows nothing else that grows with the list: no description (which
    /// may count the papers) and no tag count; both are the front page's. In a session, a page that shows the
    /// very same papers as last time, with the same title and navigation, is last time's document, whose model was
    /// hashed then: a rebuild after one edit looks again only at the few list pages that show the edited paper.
    /// </summary>
    public static IEnumerable<Document> ListPages(IReadOnlyList<PaperView> papers, string folder, string layout,
        PageView page, SiteServices site, TagSummaryView? tag = null)
    {
        site.Templates.RequireLayout(layout);
        // The last document of each list page, by destination: it checks by itself that it shows what it showed.
        var listPages = site.Session.Reuse.Memo<string, ListPageMemo>("list pages", MadeFrom.KeyAlone);
        return Paginator.Paginate(papers, site.Settings.ArchivePageSize, folder).Select(list =>
        {
            var pageView = new PageView(list.Number is { } number ? $"{page.Title} (page {number})" : page.Title, page.Kind, list.Destination,
                list.Number is null ? page.Description : null);
            var tagView = list.Number is null || tag is null ? tag : tag with { Count = null };
            var siteView = SiteFor(list.Destination, site);
            return listPages.GetOrAdd(list.Destination, static _ => new ListPageMemo()).For(list, layout, pageView, tagView, siteView,
                () => Page(list.Destination, layout, new PageModel(siteView, pageView)
                {
                    Papers = list.Items,
                    Pagination = list.Pagination,
                    Tag = tagView,
                }));
        });
    }
}

using System.Collections.Immutable;
using SiteGen.Engine;
using SiteGen.Rendering.Views;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// The 404 page. Hosts serve it for any missing path, at any depth, so relative links cannot work
/// there: it is the one page whose links start from <c>LinkRoot</c>.
/// </summary>
internal sealed class CreateNotFoundPage : IModule
{
    public const string Layout = "404";

    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        site.Templates.RequireLayout(Layout);
        var siteView = PageDocuments.SiteFor(Urls.NotFound, site) with { Root = site.Settings.LinkRoot };
        var page = PageDocuments.Page(Urls.NotFound, Layout, new PageModel(siteView, new PageView("Page not found", Layout, Urls.NotFound,
            "There is no page at this address.")));
        return Task.FromResult(inputs.Add(page));
    }
}

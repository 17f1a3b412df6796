using SiteGen.Engine;
using SiteGen.Rendering.Views;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// Turns a Markdown page of the input (<c>about.md</c>) into <c>/about/</c>, rendered with the
/// <c>page</c> layout. Its front matter gives the title and description.
/// </summary>
internal sealed class CreateContentPages : PerDocumentModule
{
    public const string Layout = "page";

    protected override IEnumerable<Document> Execute(Document input, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        var page = ContentPage.Parse(input.Source!, input.Content);
        var name = Path.GetFileNameWithoutExtension(input.Source!);
        var destination = Urls.ContentPage(name);
        yield return PageDocuments.Create(destination, Layout, siteView =>
            new PageModel(siteView, new PageView(page.Title, Layout, destination, page.Description))
            {
                ContentHtml = site.Markdown.ToHtml(page.Body),
            }, site);
    }
}

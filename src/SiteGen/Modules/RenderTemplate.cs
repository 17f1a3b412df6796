using SiteGen.Engine;
using SiteGen.Rendering.Views;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>Renders each page document's layout with its model; documents without a layout pass through.</summary>
public sealed class RenderTemplate : PerDocumentModule
{
    protected override IEnumerable<Document> Execute(Document input, IExecutionContext context)
    {
        var layout = input.Get<string>(Keys.Layout);
        if (layout is null)
        {
            yield return input;
            yield break;
        }
        var site = context.GetService<SiteServices>();
        yield return input.WithContent(site.Templates.Render(layout, input.GetRequired<PageModel>(Keys.Model)));
    }
}

using SiteGen.Engine;
using SiteGen.Links;
using SiteGen.Rendering;
using SiteGen.Rendering.Views;

namespace SiteGen.Site;

/// <summary>
/// Writes one page: kept as the last build left it when its fingerprint (the model's, the layout's and the site-wide
/// part: <see cref="PageFingerprint"/>) is the one its file was made from, else rendered (with the cards of its papers,
/// <see cref="CardCache"/>) and written. Either way its links come back, for the link check: read from the HTML where
/// it was rendered, else as the last build found them.
/// </summary>
internal static class PageWriter
{
    /// <param name="modelHash">The hash of <paramref name="model"/> (<see cref="PageFingerprint.HashOf"/>), made with it (<see cref="PageDocuments.Page"/>).</param>
    public static (FileStamp Stamp, PageLinks Links) Write(string destination, string layout, PageModel model, ulong modelHash, SiteServices site)
    {
        var inputs = Fingerprint.Of(site.Fingerprint, modelHash, layout);
        if (site.Output.TryKeep(destination, inputs, out var kept))
        {
            return (kept, site.Links.Kept(destination, inputs));
        }
        if (model.Papers.Count > 0)
        {
            model = model with { CardsHtml = site.Cards.For(model.Papers, model.Site) };
        }
        var html = TextBuffer.ForThisThread();
        site.Templates.Render(layout, model, html);
        var links = site.Links.Rendered(destination, html.Written, inputs);
        return (site.Output.WriteText(destination, html.Written, inputs), links);
    }
}

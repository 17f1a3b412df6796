using System.Globalization;
using SiteGen.Diagnostics;

namespace SiteGen.Links;

/// <summary>
/// One broken link, reported once however many pages have it (a layout's link is on every page of that layout):
/// the first page in path order, what its href resolved to there, and how many pages have that href.
/// </summary>
internal sealed record BrokenLink(string Page, string Href, string Target, bool Outside, int Pages)
{
    public Diagnostic ToDiagnostic()
    {
        var others = Pages > 1 ? string.Create(CultureInfo.InvariantCulture, $", and on {Pages - 1} other page(s)") : "";
        var where = Outside ? $"{Target}, outside the site" : Target;
        return Diagnostic.Warning(Page, 0,
            $"broken link '{Href}' (-> {where}){others}; no file of the site is there: fix the link in the layout, partial or page that makes it");
    }

    public override string ToString() => ToDiagnostic().ToString();
}

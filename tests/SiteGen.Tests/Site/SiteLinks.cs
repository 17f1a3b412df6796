using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SiteGen.Tests.Site;

/// <summary>Reads built pages with AngleSharp: their links, and what each link points at on disk.</summary>
public static class SiteLinks
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>Every URL a page refers to: links, stylesheets, scripts, images.</summary>
    public static IEnumerable<string> References(IDocument page) =>
        page.QuerySelectorAll("a[href], link[href]").Select(e => e.GetAttribute("href")!)
            .Concat(page.QuerySelectorAll("script[src], img[src], source[src]").Select(e => e.GetAttribute("src")!));

    public static bool IsExternal(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("//", StringComparison.Ordinal);

    /// <summary>
    /// The file an internal URL of <paramref name="pagePath"/> lands on, or null for a link that needs no
    /// file (a fragment on the same page, a data: icon). Root-absolute URLs resolve against the output root.
    /// </summary>
    public static string? Target(string outputRoot, string pagePath, string url)
    {
        var path = url.Split('#', 2)[0].Split('?', 2)[0];
        if (path.Length == 0 || url.StartsWith("data:", StringComparison.Ordinal))
        {
            return null;
        }
        var baseFolder = path.StartsWith('/') ? outputRoot : Path.GetDirectoryName(pagePath)!;
        var target = Path.GetFullPath(Path.Combine(baseFolder, Uri.UnescapeDataString(path.TrimStart('/'))));
        return path.EndsWith('/') ? Path.Combine(target, "index.html") : target;
    }

    /// <summary>The distinct paper pages a list page links to, inside its main content.</summary>
    public static HashSet<string> PaperLinks(IDocument page) =>
        [.. page.QuerySelectorAll("main a[href]")
            .Select(a => a.GetAttribute("href")!)
            .Where(href => href.Contains("papers/", StringComparison.Ordinal) && href.EndsWith("/index.html", StringComparison.Ordinal))
            .Select(href => href[(href.LastIndexOf("papers/", StringComparison.Ordinal) + "papers/".Length)..^"/index.html".Length])];
}

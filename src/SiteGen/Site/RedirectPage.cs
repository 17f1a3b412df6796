using System.Net;
using System.Text;

namespace SiteGen.Site;

/// <summary>
/// A page that sends the reader to another (a paper's page, from its arXiv id): a refresh to it, a link for those
/// without one, and <c>rel=canonical</c>, so search engines count the target and not this page. Static hosts have no
/// redirects of their own that work everywhere; this does, from disk too.
/// </summary>
internal static class RedirectPage
{
    /// <param name="from">Where this page is, relative to the site root.</param>
    /// <param name="to">The page it sends to, relative to the site root.</param>
    /// <param name="baseUrl">The site's absolute base URL (<see cref="AbsoluteUrls.BaseOf"/>), or null.</param>
    public static byte[] Html(string from, string to, string title, string? baseUrl)
    {
        var back = Urls.RootFrom(from);
        var relative = WebUtility.HtmlEncode(back + to);
        var canonical = baseUrl is null ? relative : WebUtility.HtmlEncode(AbsoluteUrls.Of(baseUrl, to));
        return Encoding.UTF8.GetBytes($"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>{WebUtility.HtmlEncode(title)}</title>
            <link rel="canonical" href="{canonical}">
            <meta http-equiv="refresh" content="0; url={relative}">
            <meta name="robots" content="noindex">
            </head>
            <body>
            <p><a href="{relative}">{WebUtility.HtmlEncode(title)}</a></p>
            </body>
            </html>

            """);
    }
}

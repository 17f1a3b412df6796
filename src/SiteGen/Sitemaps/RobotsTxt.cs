using System.Text;

namespace SiteGen.Sitemaps;

/// <summary>
/// <c>robots.txt</c>: every crawler may read everything, and the sitemap is there. Crawlers read it only at the
/// host's root: under a <c>LinkRoot</c> such as <c>/repo/</c> it is inert, and its Sitemap line belongs in the
/// host root's own robots.txt.
/// </summary>
internal static class RobotsTxt
{
    public static byte[] Write(string sitemapUrl) =>
        Encoding.UTF8.GetBytes($"User-agent: *\nDisallow:\n\nSitemap: {sitemapUrl}\n");
}

using System.Globalization;
using System.Text;
using System.Xml;

namespace SiteGen.Sitemaps;

/// <summary>
/// Sitemaps (https://www.sitemaps.org/protocol.html): a <c>urlset</c> of pages, and a <c>sitemapindex</c> of
/// sitemaps for a site with more pages than one sitemap may hold (50,000).
/// </summary>
internal static class SitemapWriter
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The protocol's limit of URLs in one sitemap file.</summary>
    public const int MaxUrlsPerFile = 50_000;

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        NewLineChars = "\n",
    };

    public static byte[] WriteUrlSet(IEnumerable<SitemapUrl> urls) => Write("urlset", xml =>
    {
        foreach (var url in urls)
        {
            xml.WriteStartElement("url", Namespace);
            xml.WriteElementString("loc", Namespace, url.Location);
            if (url.LastModified is { } date)
            {
                xml.WriteElementString("lastmod", Namespace, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            xml.WriteEndElement();
        }
    });

    public static byte[] WriteIndex(IEnumerable<string> sitemapUrls) => Write("sitemapindex", xml =>
    {
        foreach (var url in sitemapUrls)
        {
            xml.WriteStartElement("sitemap", Namespace);
            xml.WriteElementString("loc", Namespace, url);
            xml.WriteEndElement();
        }
    });

    private static byte[] Write(string root, Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement(root, Namespace);
            body(xml);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }
}

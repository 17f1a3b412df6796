using System.Buffers;
using System.Text;

namespace SiteGen.Sitemaps;

/// <summary>
/// Sitemaps (https://www.sitemaps.org/protocol.html): a <c>urlset</c> of pages, and a <c>sitemapindex</c> of
/// sitemaps for a site with more pages than one sitemap may hold (50,000). Written as UTF-8 straight into one buffer,
/// in the layout an indenting XmlWriter gives: a daily update of 100,000 papers writes its sitemaps of 50,000 URLs again,
/// and an XmlWriter's strings and the URLs joined for it were 100 MB of garbage.
/// </summary>
internal static class SitemapWriter
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The protocol's limit of URLs in one sitemap file.</summary>
    public const int MaxUrlsPerFile = 50_000;

    /// <summary>
    /// The pages at <paramref name="baseUrl"/> followed by each path (a page's <c>index.html</c> left out: <c>papers/x/</c>),
    /// with each page's date, if it has one, as its <c>lastmod</c>.
    /// </summary>
    public static byte[] WriteUrlSet(string baseUrl, IReadOnlyCollection<(string Path, DateOnly? Date)> pages) =>
        Write("urlset", pages.Count, buffer =>
        {
            Span<char> day = stackalloc char[10];
            foreach (var (path, date) in pages)
            {
                Write(buffer, "  <url>\n    <loc>");
                WriteEscaped(buffer, baseUrl);
                WriteEscaped(buffer, Site.AbsoluteUrls.PrettyPart(path));
                Write(buffer, "</loc>\n");
                if (date is { } lastModified && lastModified.TryFormat(day, out var written, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                {
                    Write(buffer, "    <lastmod>");
                    Write(buffer, day[..written]);
                    Write(buffer, "</lastmod>\n");
                }
                Write(buffer, "  </url>\n");
            }
        });

    public static byte[] WriteIndex(IReadOnlyCollection<string> sitemapUrls) =>
        Write("sitemapindex", sitemapUrls.Count, buffer =>
        {
            foreach (var url in sitemapUrls)
            {
                Write(buffer, "  <sitemap>\n    <loc>");
                WriteEscaped(buffer, url);
                Write(buffer, "</loc>\n  </sitemap>\n");
            }
        });

    private static byte[] Write(string root, int count, Action<ArrayBufferWriter<byte>> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + count * 160);
        Write(buffer, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<");
        Write(buffer, root);
        Write(buffer, " xmlns=\"" + Namespace + "\"");
        if (count == 0)
        {
            Write(buffer, " />\n");
        }
        else
        {
            Write(buffer, ">\n");
            body(buffer);
            Write(buffer, "</");
            Write(buffer, root);
            Write(buffer, ">\n");
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Throws on half a surrogate pair, which XML cannot hold either.</summary>
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static void Write(ArrayBufferWriter<byte> buffer, ReadOnlySpan<char> text) =>
        buffer.Advance(Utf8.GetBytes(text, buffer.GetSpan(Utf8.GetMaxByteCount(text.Length))));

    /// <summary>
    /// <paramref name="text"/> as XML character data: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped. A character
    /// XML cannot hold (a control character, half a surrogate pair) throws, as an XmlWriter does: no URL of the site has one.
    /// </summary>
    private static void WriteEscaped(ArrayBufferWriter<byte> buffer, ReadOnlySpan<char> text)
    {
        var rest = text;
        while (rest.IndexOfAny(Special) is var at and >= 0)
        {
            Write(buffer, rest[..at]);
            Write(buffer, rest[at] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => throw new ArgumentException($"'{text.ToString()}' has a character an XML file cannot hold."),
            });
            rest = rest[(at + 1)..];
        }
        Write(buffer, rest);
    }

    private static readonly SearchValues<char> Special = SearchValues.Create(
        "&<>\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");
}

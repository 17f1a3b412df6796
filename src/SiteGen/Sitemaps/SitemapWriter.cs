using System.Buffers;
using System.Text;

namespace SiteGen.Sitemaps;

/// <summary>
/// Sitemaps (https://www.sitemaps.org/protocol.html): a <c>urlset</c> of pages, and a <c>sitemapindex</c> of
/// sitemaps for a site with more pages than one sitemap may hold (50,000). Written as UTF-8 straight into a buffer
/// passed on to the file a chunk at a time (<see cref="Chunks"/>), in the layout an indenting XmlWriter gives: a daily update of 100,000 papers writes its sitemaps of 50,000 URLs again,
/// and an XmlWriter's strings and the URLs joined for it were 100 MB of garbage.
/// </summary>
internal static class SitemapWriter
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The protocol's limit of URLs in one sitemap file.</summary>
    public const int MaxUrlsPerFile = 50_000;

    /// <summary>
    /// Writes into <paramref name="stream"/> the pages at <paramref name="baseUrl"/> followed by each path (a page's
    /// <c>index.html</c> left out: <c>papers/x/</c>), with each page's date, if it has one, as its <c>lastmod</c>.
    /// </summary>
    public static void WriteUrlSet(Stream stream, string baseUrl, IReadOnlyCollection<(string Path, DateOnly? Date)> pages) =>
        Write(stream, "urlset", pages.Count, buffer =>
        {
            Span<char> day = stackalloc char[10];
            foreach (var (path, date) in pages)
            {
                buffer.Write("  <url>\n    <loc>");
                WriteEscaped(buffer, baseUrl);
                WriteEscaped(buffer, Site.AbsoluteUrls.PrettyPart(path));
                buffer.Write("</loc>\n");
                if (date is { } lastModified && lastModified.TryFormat(day, out var written, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                {
                    buffer.Write("    <lastmod>");
                    buffer.Write(day[..written]);
                    buffer.Write("</lastmod>\n");
                }
                buffer.Write("  </url>\n");
            }
        });

    public static void WriteIndex(Stream stream, IReadOnlyCollection<string> sitemapUrls) =>
        Write(stream, "sitemapindex", sitemapUrls.Count, buffer =>
        {
            foreach (var url in sitemapUrls)
            {
                buffer.Write("  <sitemap>\n    <loc>");
                WriteEscaped(buffer, url);
                buffer.Write("</loc>\n  </sitemap>\n");
            }
        });

    private static void Write(Stream stream, string root, int count, Action<Chunks> body)
    {
        var buffer = new Chunks(stream);
        buffer.Write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<");
        buffer.Write(root);
        buffer.Write(" xmlns=\"" + Namespace + "\"");
        if (count == 0)
        {
            buffer.Write(" />\n");
        }
        else
        {
            buffer.Write(">\n");
            body(buffer);
            buffer.Write("</");
            buffer.Write(root);
            buffer.Write(">\n");
        }
        buffer.PassOn();
    }

    /// <summary>
    /// Text written as UTF-8 into a buffer that is passed on to the file whenever it holds a chunk: a sitemap of 50,000
    /// URLs is 6-7 MB, and a daily update writes every part again (held whole, then copied, they were 34 MB of a day at
    /// 100,000 papers). Throws on half a surrogate pair, which XML cannot hold either.
    /// </summary>
    private sealed class Chunks(Stream stream)
    {
        private const int ChunkSize = 64 * 1024;

        private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        private readonly ArrayBufferWriter<byte> _buffer = new(ChunkSize + 1024);

        public void Write(ReadOnlySpan<char> text)
        {
            _buffer.Advance(Utf8.GetBytes(text, _buffer.GetSpan(Utf8.GetMaxByteCount(text.Length))));
            if (_buffer.WrittenCount >= ChunkSize)
            {
                PassOn();
            }
        }

        /// <summary>Passes what the buffer holds on to the file.</summary>
        public void PassOn()
        {
            stream.Write(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
        }
    }

    /// <summary>
    /// <paramref name="text"/> as XML character data: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped. A character
    /// XML cannot hold (a control character, half a surrogate pair) throws, as an XmlWriter does: no URL of the site has one.
    /// </summary>
    private static void WriteEscaped(Chunks buffer, ReadOnlySpan<char> text)
    {
        var rest = text;
        while (rest.IndexOfAny(Special) is var at and >= 0)
        {
            buffer.Write(rest[..at]);
            buffer.Write(rest[at] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => throw new ArgumentException($"'{text.ToString()}' has a character an XML file cannot hold."),
            });
            rest = rest[(at + 1)..];
        }
        buffer.Write(rest);
    }

    private static readonly SearchValues<char> Special = SearchValues.Create(
        "&<>\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");
}

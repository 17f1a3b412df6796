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
    /// Writes into <paramref name="stream"/> the pages at <paramref name="baseUrl"/> followed by each path (a page's
    /// <c>index.html</c> left out: <c>papers/x/</c>), with each page's date, if it has one, as its <c>lastmod</c>.
    /// </summary>
    public static void WriteUrlSet(Stream stream, string baseUrl, IReadOnlyCollection<(string Path, DateOnly? Date)> pages) =>
        Write(stream, "urlset", pages.Count, buffer =>
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
                buffer.PassOnWhenFull();
            }
        });

    public static void WriteIndex(Stream stream, IReadOnlyCollection<string> sitemapUrls) =>
        Write(stream, "sitemapindex", sitemapUrls.Count, buffer =>
        {
            foreach (var url in sitemapUrls)
            {
                Write(buffer, "  <sitemap>\n    <loc>");
                WriteEscaped(buffer, url);
                Write(buffer, "</loc>\n  </sitemap>\n");
                buffer.PassOnWhenFull();
            }
        });

    private static void Write(Stream stream, string root, int count, Action<Chunks> body)
    {
        var buffer = new Chunks(stream);
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
        buffer.PassOn();
    }

    /// <summary>
    /// A buffer passed on to the file a chunk at a time: a sitemap of 50,000 URLs is 6-7 MB, and a daily update writes
    /// every part again (held whole, then copied, they were 34 MB of a day at 100,000 papers).
    /// </summary>
    private sealed class Chunks(Stream stream) : IBufferWriter<byte>
    {
        private const int ChunkSize = 64 * 1024;

        private readonly ArrayBufferWriter<byte> _buffer = new(ChunkSize + 1024);

        public void Advance(int count) => _buffer.Advance(count);

        public Memory<byte> GetMemory(int sizeHint = 0) => _buffer.GetMemory(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => _buffer.GetSpan(sizeHint);

        public void PassOnWhenFull()
        {
            if (_buffer.WrittenCount >= ChunkSize)
            {
                PassOn();
            }
        }

        public void PassOn()
        {
            stream.Write(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
        }
    }

    /// <summary>Throws on half a surrogate pair, which XML cannot hold either.</summary>
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static void Write(Chunks buffer, ReadOnlySpan<char> text) =>
        buffer.Advance(Utf8.GetBytes(text, buffer.GetSpan(Utf8.GetMaxByteCount(text.Length))));

    /// <summary>
    /// <paramref name="text"/> as XML character data: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped. A character
    /// XML cannot hold (a control character, half a surrogate pair) throws, as an XmlWriter does: no URL of the site has one.
    /// </summary>
    private static void WriteEscaped(Chunks buffer, ReadOnlySpan<char> text)
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

using System.Globalization;
using System.Text;
using System.Xml;
using SiteGen.Sitemaps;

namespace SiteGen.Tests.Sitemaps;

/// <summary>The sitemaps, written straight as UTF-8, are byte for byte what an indenting XmlWriter writes.</summary>
public sealed class SitemapWriterTests
{
    private static readonly (string Path, DateOnly? Date)[] Pages =
    [
        ("", null),
        ("papers/diffusion-models/", new DateOnly(2025, 3, 20)),
        ("papers/q&a-<bench>/", new DateOnly(2024, 12, 1)),
        ("papers/schrödinger-猫-𝛼/", null),
        ("tags/it's-\"quoted\"/", new DateOnly(1999, 1, 9)),
    ];

    [Fact]
    public void AUrlSetIsWhatAnXmlWriterWrites()
    {
        Assert.Equal(XmlWriterUrlSet("https://h.org/", Pages), UrlSet("https://h.org/", Pages));
        Assert.Equal(XmlWriterUrlSet("https://h.org/", []), UrlSet("https://h.org/", []));
    }

    [Fact]
    public void APagesIndexHtmlIsLeftOutOfItsUrl()
    {
        (string, DateOnly?)[] destinations = [("index.html", null), ("papers/diffusion-models/index.html", new DateOnly(2025, 3, 20)), ("404.html", null)];
        (string, DateOnly?)[] urls = [("", null), ("papers/diffusion-models/", new DateOnly(2025, 3, 20)), ("404.html", null)];
        Assert.Equal(XmlWriterUrlSet("https://h.org/", urls), UrlSet("https://h.org/", destinations));
    }

    [Fact]
    public void AUrlSetLongerThanTheBufferItIsPassedOnInIsWhatAnXmlWriterWrites()
    {
        // About 130 bytes a page: 2,000 pages pass several chunks of 64 KB on to the file, and end in the middle of one.
        var pages = Enumerable.Range(0, 2_000)
            .Select(i => ($"papers/a-paper-with-a-rather-long-title-number-{i}-&-more/", i % 3 == 0 ? (DateOnly?)null : new DateOnly(2025, 1, 1).AddDays(i)))
            .ToArray();
        var urlSet = UrlSet("https://h.org/", pages);
        Assert.True(Encoding.UTF8.GetByteCount(urlSet) > 3 * 64 * 1024);
        Assert.Equal(XmlWriterUrlSet("https://h.org/", pages), urlSet);
    }

    [Fact]
    public void AnIndexIsWhatAnXmlWriterWrites()
    {
        string[] urls = ["https://h.org/sitemap-1.xml", "https://h.org/a&b/sitemap-2.xml"];
        Assert.Equal(XmlWriterIndex(urls), Index(urls));
    }

    [Theory]
    [InlineData("\u0001")]
    [InlineData("half a surrogate pair")] // made below: an attribute's text cannot hold one
    public void AUrlWithACharacterXmlCannotHoldIsABug(string character)
    {
        var path = $"papers/a{(character.Length == 1 ? character : "\uD835")}b/";
        Assert.ThrowsAny<ArgumentException>(() => UrlSet("https://h.org/", [(path, null)]));
    }

    private static string UrlSet(string baseUrl, IReadOnlyCollection<(string Path, DateOnly? Date)> pages) =>
        Written(stream => SitemapWriter.WriteUrlSet(stream, baseUrl, pages));

    private static string Index(IReadOnlyCollection<string> urls) => Written(stream => SitemapWriter.WriteIndex(stream, urls));

    private static string Written(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    // The writer the sitemaps were written with before, as the reference.
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        NewLineChars = "\n",
    };

    private static string XmlWriterUrlSet(string baseUrl, IEnumerable<(string Path, DateOnly? Date)> pages) => XmlWriterDocument("urlset", xml =>
    {
        foreach (var (path, date) in pages)
        {
            xml.WriteStartElement("url", SitemapWriter.Namespace);
            xml.WriteElementString("loc", SitemapWriter.Namespace, baseUrl + path);
            if (date is { } day)
            {
                xml.WriteElementString("lastmod", SitemapWriter.Namespace, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            xml.WriteEndElement();
        }
    });

    private static string XmlWriterIndex(IEnumerable<string> urls) => XmlWriterDocument("sitemapindex", xml =>
    {
        foreach (var url in urls)
        {
            xml.WriteStartElement("sitemap", SitemapWriter.Namespace);
            xml.WriteElementString("loc", SitemapWriter.Namespace, url);
            xml.WriteEndElement();
        }
    });

    private static string XmlWriterDocument(string root, Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement(root, SitemapWriter.Namespace);
            body(xml);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        stream.WriteByte((byte)'\n');
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

using SiteGen.Links;
using SiteGen.Tests.Site;

namespace SiteGen.Tests.Links;

/// <summary>The scanner that build uses finds what AngleSharp finds, on tricky markup and on every page of the default site.</summary>
public sealed class HtmlReferenceScannerTests(DefaultSiteFixture site) : IClassFixture<DefaultSiteFixture>
{
    [Theory]
    [InlineData("<a href=\"a/index.html\">x</a>", "a/index.html")]
    [InlineData("<a href='single.html'>x</a><img src=bare.png alt=x>", "single.html", "bare.png")]
    [InlineData("<A HREF = \"upper.html\">x</A>", "upper.html")]
    [InlineData("<a href=\"q?a=1&amp;b=2\">x</a>", "q?a=1&b=2")]
    [InlineData("<a title=\"href=&quot;no.html&quot;\" href=\"yes.html\">x</a>", "yes.html")]
    [InlineData("<!-- <a href=\"commented.html\"> --><a href=\"after.html\">x</a>", "after.html")]
    [InlineData("<script>var s = '<a href=\"in-script.html\">';</script><link href=\"after.css\" rel=stylesheet>", "after.css")]
    [InlineData("<style>a[href=\"x.html\"] { }</style><script src=\"s.js\"></script>", "s.js")]
    [InlineData("<a href=\"first.html\" href=\"second.html\">x</a>", "first.html")]
    [InlineData("<p>a &lt;a href=\"escaped.html\"&gt; in text</p></a href=\"end-tag.html\">", new string[0])]
    [InlineData("<br/><a/href=\"slash.html\">x</a>", "slash.html")]
    // An HTML <mi> inside MathML's <mi> (whose content is HTML) ends at its own end tag; the <style> after it is still
    // HTML, so raw text.
    [InlineData("<math><mi><b><mi></mi></b><style><link href=\"in-style.css\"></style></mi></math><a href=\"after.html\">x</a>", "after.html")]
    [InlineData("<math><mi><mi/></mi><style><link href=\"in-style.css\"></style></mi></math>", new string[0])]
    // <math> inside <svg> is an SVG element, so its <mi> is no integration point and <style> there is SVG's, not raw text.
    [InlineData("<svg><math><mi><style><link href=\"in-svg.css\"></style></mi></math></svg>", "in-svg.css")]
    public void FindsTheHrefAndSrcAttributesABrowserSees(string html, params string[] expected)
    {
        Assert.Equal(expected, Scan(html));
        Assert.Equal(expected.Order(StringComparer.Ordinal), Parse(html).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FindsTheSameReferencesAsAngleSharpOnEveryPageOfTheDefaultSite()
    {
        var pages = Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories).ToList();
        Assert.True(pages.Count > 100, $"{pages.Count} pages");
        foreach (var page in pages)
        {
            var html = File.ReadAllText(page);
            var scanned = Scan(html);
            Assert.True(scanned.Count > 5, page);
            Assert.Equal(Parse(html).Order(StringComparer.Ordinal), scanned.Order(StringComparer.Ordinal));
        }
    }

    private static List<string> Scan(string html)
    {
        var found = new List<string>();
        HtmlReferenceScanner.Scan(html, found, span => span.ToString());
        return found;
    }

    private static List<string> Parse(string html)
    {
        var found = new List<string>();
        HtmlReferenceParser.Parse(html, found, span => span.ToString());
        return found;
    }
}

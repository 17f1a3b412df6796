using SiteGen.Rendering;

namespace SiteGen.Tests.Rendering;

public sealed class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = MarkdownRenderer.Default;

    private static string Html(string markdown) => Renderer.ToHtml(markdown).TrimEnd('\n');

    [Theory]
    [InlineData("[x](javascript:alert(1))", "<p>x</p>")]
    [InlineData("[x](JaVaScRiPt:alert(1))", "<p>x</p>")]
    [InlineData("[x](<java\tscript:alert(1)>)", "<p>x</p>")]
    [InlineData("[x](java&#9;script:alert(1))", "<p>x</p>")]
    [InlineData("[x](&#106;avascript:alert(1))", "<p>x</p>")]
    [InlineData("[x](vbscript:msgbox(1))", "<p>x</p>")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)", "<p>x</p>")]
    [InlineData("[x][r]\n\n[r]: javascript:alert(1)", "<p>x</p>")]
    [InlineData("![alt *text*](data:image/png;base64,AAAA)", "<p>alt <em>text</em></p>")]
    [InlineData("[![i](javascript:x)](https://ok.org)", "<p><a href=\"https://ok.org\">i</a></p>")]
    [InlineData("<javascript:alert(1)>", "<p>javascript:alert(1)</p>")]
    [InlineData("<mailto:a@b.org> <a@b.org> <ftp://x.org>", "<p>mailto:a@b.org a@b.org ftp://x.org</p>")]
    public void NeverLinksAUrlThatIsNotHttp(string markdown, string html)
    {
        Assert.Equal(html, Html(markdown));
    }

    [Theory]
    [InlineData("[x](https://ok.org/a?b=1&c=2)", "<p><a href=\"https://ok.org/a?b=1&amp;c=2\">x</a></p>")]
    [InlineData("[x](HTTP://OK.ORG)", "<p><a href=\"HTTP://OK.ORG\">x</a></p>")]
    [InlineData("[up](../x/index.html) [here](#abstract) [root](/about/)", "<p><a href=\"../x/index.html\">up</a> <a href=\"#abstract\">here</a> <a href=\"/about/\">root</a></p>")]
    [InlineData("![fig](https://x.org/f.png)", "<p><img src=\"https://x.org/f.png\" alt=\"fig\" /></p>")]
    [InlineData("<https://x.org/a_b*c>", "<p><a href=\"https://x.org/a_b*c\">https://x.org/a_b*c</a></p>")]
    public void KeepsHttpRelativeAndFragmentLinks(string markdown, string html)
    {
        Assert.Equal(html, Html(markdown));
    }

    [Theory]
    [InlineData("Code: https://github.com/a/b.", "<p>Code: <a href=\"https://github.com/a/b\">https://github.com/a/b</a>.</p>")]
    [InlineData("see http://x.org/a_b_c", "<p>see <a href=\"http://x.org/a_b_c\">http://x.org/a_b_c</a></p>")]
    [InlineData("www.example.com and ftp://x.org and mailto:a@b.org", "<p>www.example.com and ftp://x.org and mailto:a@b.org</p>")]
    public void LinksBareHttpUrlsOnly(string markdown, string html)
    {
        Assert.Equal(html, Html(markdown));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")]
    [InlineData("<div onclick=\"x()\">\nhi\n</div>", "<p>&lt;div onclick=&quot;x()&quot;&gt;\nhi\n&lt;/div&gt;</p>")]
    [InlineData("a <img src=x onerror=alert(1)> b", "<p>a &lt;img src=x onerror=alert(1)&gt; b</p>")]
    [InlineData("<!-- comment -->", "<p>&lt;!-- comment --&gt;</p>")]
    public void WritesRawHtmlAsText(string markdown, string html)
    {
        Assert.Equal(html, Html(markdown));
    }

    [Fact]
    public void EscapedStarsAndUnderscoresStayCharacters()
    {
        Assert.Equal(@"<p>a*b*c and _d_ and snake_case</p>", Html(@"a\*b\*c and \_d\_ and snake_case"));
        Assert.Equal("a*b*c and _d_ and snake_case", Renderer.ToPlainText(@"a\*b\*c and \_d\_ and snake_case"));
    }

    [Theory]
    [InlineData("*a* **b** `c` [d](https://x.org) ![e](https://x.org/e.png)", "a b c d e")]
    [InlineData("para one\nline two\n\n# Heading\n\n- item", "para one\nline two\nHeading\nitem")]
    [InlineData("<https://x.org/?a=1&b=2> &amp; &copy; R&D", "https://x.org/?a=1&b=2 & © R&D")]
    [InlineData("<script> \"quoted\" a > b", "<script> \"quoted\" a > b")]
    [InlineData("*unclosed [bracket", "*unclosed [bracket")]
    [InlineData("[a [b](https://x.org) c] d]", "[a b c] d]")]
    [InlineData("    code block\n", "code block")]
    [InlineData("[x](javascript:alert(1))", "x")]
    [InlineData("", "")]
    public void PlainTextIsWhatAReaderSees(string markdown, string text)
    {
        Assert.Equal(text, Renderer.ToPlainText(markdown));
    }

    [Fact]
    public void RendersTheSameFromManyThreads()
    {
        var markdown = "Some *text* with https://github.com/a/b and [bad](javascript:x).";
        var expected = Renderer.ToHtml(markdown);

        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = Renderer.ToHtml(markdown));

        Assert.All(results, html => Assert.Equal(expected, html));
    }

    [Fact]
    public void RendersHtmlAndPlainText()
    {
        const string Markdown = "Some *text* & <b>, [bad](javascript:x) and https://x.org/?a=1&b=2.\n\n    code";

        Assert.Equal(
            "<p>Some <em>text</em> &amp; &lt;b&gt;, bad and <a href=\"https://x.org/?a=1&amp;b=2\">https://x.org/?a=1&amp;b=2</a>.</p>\n<pre><code>code\n</code></pre>\n",
            Renderer.ToHtml(Markdown));
        Assert.Equal("Some text & <b>, bad and https://x.org/?a=1&b=2.\ncode", Renderer.ToPlainText(Markdown));
    }

    [Fact]
    public void RendersAnEmptyTextAsNothing()
    {
        Assert.Equal("", Renderer.ToHtml(""));
        Assert.Equal("", Renderer.ToPlainText(""));
    }
}

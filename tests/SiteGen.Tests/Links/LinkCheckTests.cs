using SiteGen.Links;

namespace SiteGen.Tests.Links;

public sealed class LinkCheckTests
{
    [Fact]
    public void APageKeepsEachLinkThatMayNeedAFileOnceAndNoOtherReference()
    {
        var check = new LinkCheck("/", Task.FromResult<PageLinkTable?>(null), _ => throw new InvalidOperationException("no page is kept"));
        const string Html = """
            <link rel="canonical" href="https://papers.example.org/papers/x/">
            <a href="../../tags/a/">a</a> <a href="https://github.com/o/r">code</a> <a href="#abstract">abstract</a>
            <img src="//cdn.example.org/x.png"> <a href="mailto:a@example.org">mail</a> <a href="../y/">y</a>
            <a href="../../tags/a/">a again</a> <a href="?page=2">2</a> <a href="/about/">about</a>
            """;

        var links = check.Rendered("papers/x/index.html", Html, inputs: 1);

        Assert.Equal(["../../tags/a/", "../y/", "/about/"], links.Links);
    }
}

using SiteGen.Links;

namespace SiteGen.Tests.Links;

public sealed class LinkResolverTests
{
    [Theory]
    [InlineData("index.html", "tags/index.html", "tags/index.html")]
    [InlineData("papers/x/index.html", "../../tags/a/index.html", "tags/a/index.html")]
    [InlineData("papers/x/index.html", "../y/index.html#related", "papers/y/index.html")]
    [InlineData("papers/x/index.html", "./", "papers/x/index.html")]
    [InlineData("papers/x/index.html", "../../", "index.html")]
    [InlineData("papers/x/index.html", "../x.md", "papers/x.md")]
    [InlineData("tags/a/page/2/index.html", "../../index.html?from=2", "tags/a/index.html")]
    [InlineData("index.html", "papers/caf%C3%A9/index.html", "papers/café/index.html")]
    [InlineData("404.html", "/tags/index.html", "tags/index.html")] // root-absolute, LinkRoot "/"
    [InlineData("404.html", "/", "index.html")]
    public void ResolvesAnInternalLinkAgainstThePagesFolder(string page, string href, string expected)
    {
        Assert.Equal(expected, LinkResolver.Resolve(page, href, "/", out var outside));
        Assert.False(outside);
    }

    [Theory]
    [InlineData("https://example.org/a")]
    [InlineData("HTTP://example.org/")]
    [InlineData("//cdn.example.org/x.js")]
    [InlineData("mailto:someone@example.org")]
    [InlineData("data:,")]
    [InlineData("#main")]
    [InlineData("?page=2")]
    [InlineData("")]
    [InlineData("/other-site/index.html")] // root-absolute outside LinkRoot /papers/
    public void LeavesAloneWhatNeedsNoFileOfTheSite(string href)
    {
        Assert.Null(LinkResolver.Resolve("about/index.html", href, "/papers/", out _));
    }

    [Theory]
    [InlineData("https://example.org/a")]
    [InlineData(" HTTP://example.org/")]
    [InlineData("//cdn.example.org/x.js")]
    [InlineData("mailto:someone@example.org")]
    [InlineData("#main")]
    [InlineData("?page=2")]
    [InlineData("")]
    public void SaysWhichReferencesNeedNoFileFromAnyPage(string href)
    {
        Assert.True(LinkResolver.NeedsNoFile(href));
        Assert.Null(LinkResolver.Resolve("papers/x/index.html", href, "/", out _));
    }

    [Theory]
    [InlineData("../../tags/a/")]
    [InlineData("papers/x/index.html#related")]
    [InlineData("/tags/index.html")]
    [InlineData("/other-site/index.html")] // outside LinkRoot on one site, inside it on another: left to Resolve
    [InlineData("./")]
    public void LeavesToResolveEveryReferenceThatMayNeedAFile(string href)
    {
        Assert.False(LinkResolver.NeedsNoFile(href));
        Assert.NotNull(LinkResolver.Resolve("papers/x/index.html", href, "/", out _));
    }

    [Fact]
    public void ALinkUnderLinkRootResolvesFromTheOutputFolder()
    {
        Assert.Equal("tags/index.html", LinkResolver.Resolve("404.html", "/papers/tags/index.html", "/papers/", out _));
    }

    [Fact]
    public void ALinkThatClimbsOutOfTheSiteSaysSo()
    {
        Assert.Equal("../elsewhere/index.html", LinkResolver.Resolve("about/index.html", "../../elsewhere/index.html", "/", out var outside));
        Assert.True(outside);
    }
}

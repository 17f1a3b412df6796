using SiteGen.Papers;

namespace SiteGen.Tests.Papers;

public sealed class WebUrlsTests
{
    private static string[] Urls(string text) => [.. WebUrls.Find(text).Select(url => text.Substring(url.Start, url.Length))];

    [Theory]
    [InlineData("Code: https://github.com/CVL-hub/GPRN.", "https://github.com/CVL-hub/GPRN")]
    [InlineData("at https://github.com/Tencent/FlashVDM, and", "https://github.com/Tencent/FlashVDM")]
    [InlineData("(see https://x.org/a)", "https://x.org/a")]
    [InlineData("(see https://x.org/a_(b)).", "https://x.org/a_(b)")]
    [InlineData("[https://x.org/a]", "https://x.org/a")]
    [InlineData("x https://x.org/a?b=1&c=2#d!?", "https://x.org/a?b=1&c=2#d")]
    [InlineData("\"https://x.org\";", "https://x.org")]
    [InlineData("<https://x.org>", "https://x.org")]
    [InlineData("`https://x.org`", "https://x.org")]
    [InlineData("“https://x.org/パス”。", "https://x.org/パス")]
    [InlineData("HTTPS://X.ORG/A", "HTTPS://X.ORG/A")]
    [InlineData("https://github.com/pagand/e2etransfuser/tree/cvpr-w to", "https://github.com/pagand/e2etransfuser/tree/cvpr-w")]
    public void FindsAUrlWithoutTheSentenceAroundIt(string text, string url)
    {
        Assert.Equal(new[] { url }, Urls(text));
    }

    [Theory]
    [InlineData("xhttps://x.org")]
    [InlineData("https://")]
    [InlineData("https:// x.org")]
    [InlineData("http://-x.org")]
    [InlineData("www.x.org ftp://x.org mailto:a@b.org")]
    public void IgnoresWhatIsNotAWebUrl(string text)
    {
        Assert.Empty(Urls(text));
    }

    [Fact]
    public void FindsEveryUrlInOrder()
    {
        Assert.Equal(new[] { "https://a.org", "http://b.org/x" }, Urls("https://a.org and http://b.org/x."));
    }

    [Theory]
    [InlineData("Paper https://arxiv.org/abs/1. Code: https://github.com/a/b.", "https://github.com/a/b")]
    [InlineData("Code: https://www.github.com/a/b", "https://www.github.com/a/b")]
    [InlineData("Code: https://GitHub.com/a/b", "https://GitHub.com/a/b")]
    [InlineData("Site https://github.com/ and https://github.io/x and https://notgithub.com/a/b", null)]
    [InlineData("No code.", null)]
    public void FindsTheFirstGitHubRepositoryUrl(string text, string? url)
    {
        Assert.Equal(url, WebUrls.FirstGitHubUrl(text));
    }
}

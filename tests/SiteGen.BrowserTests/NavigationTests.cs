using Microsoft.Playwright;

namespace SiteGen.BrowserTests;

/// <summary>A reader finds papers by clicking, as on the real site: home, tag, paper; the author-count chart.</summary>
[Collection(BrowserSiteCollection.Name)]
public sealed class NavigationTests(BrowserSite site)
{
    [Fact]
    public async Task FromTheHomePageATagLinkLeadsToTheTagPageAndAPaperLinkToThePaper()
    {
        await using var page = await site.OpenAsync();
        await page.GotoAsync("index.html");

        var tag = page.Page.Locator("main .card .tags a").First;
        var tagName = (await tag.InnerTextAsync()).Trim();
        await tag.ClickAsync();
        await page.Page.WaitForURLAsync("**/tags/*/index.html");
        Assert.Contains(tagName, await page.Page.Locator("h1").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);

        var paper = page.Page.Locator("main .card .card__title a").First;
        var title = (await paper.InnerTextAsync()).Trim();
        await paper.ClickAsync();
        await page.Page.WaitForURLAsync("**/papers/*/index.html");
        Assert.Equal(title, (await page.Page.Locator("h1").InnerTextAsync()).Trim());
        Assert.StartsWith("papers/", page.RelativeUrl, StringComparison.Ordinal);

        page.AssertCleanRun();
    }

    [Fact]
    public async Task ClickingTheChartBarForFiveAuthorsOpensTheFiveAuthorPage()
    {
        await using var page = await site.OpenAsync();
        await page.GotoAsync("authors/index.html");

        await page.Page.GetByRole(AriaRole.Link, new() { NameRegex = new("^5 authors: \\d+ papers?$") }).ClickAsync();

        await page.Page.WaitForURLAsync("**/authors/5/index.html");
        Assert.Equal("authors/5/index.html", page.RelativeUrl);
        Assert.Contains("5 authors", await page.Page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Page.Locator("main .card").CountAsync() > 0);

        page.AssertCleanRun();
    }
}

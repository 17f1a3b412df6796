using SiteGen.Site;
using SiteGen.Tests.Site;

namespace SiteGen.BrowserTests;

/// <summary>
/// A paper with accented words in its title, found by each word typed with and without its accents: the index and the
/// search box fold text with the one table, whatever the build's globalization support.
/// </summary>
[Collection(BrowserSiteCollection.Name)]
public sealed class AccentSearchTests(BrowserSite site)
{
    [Theory]
    [InlineData("café")]
    [InlineData("cafe")]
    [InlineData("CAFÉ")]
    [InlineData("schrödinger")]
    [InlineData("schrodinger")]
    [InlineData("naïve")]
    [InlineData("naive")]
    [InlineData("İstanbul")]
    [InlineData("istanbul")]
    public async Task EachAccentedWordIsFoundWithAndWithoutItsAccents(string query)
    {
        const string Title = "Schrödinger Bridges for Café Naïve Models in İstanbul";
        using var folder = new TempFolder().WithEmptySite();
        folder.WritePaper("accents", Title);
        folder.WritePaper("other", "Plain Bridges for Coffee Models");
        await SiteBuilder.BuildAsync(new BuildRequest(folder.Path));
        Assert.True(File.Exists(folder["output/papers/schrodinger-bridges-for-cafe-naive-models-in-istanbul/index.html"]));
        await using var server = new StaticFileServer(folder["output"]);
        await using var page = await SitePage.OpenAsync(site.Browser, server.BaseUrl, Microsoft.Playwright.ColorScheme.Light, 1280);
        await page.GotoAsync("index.html");

        await page.Page.Locator("#search-input").FillAsync(query);
        var first = page.Page.Locator("#search-results a").First;
        await first.WaitForAsync();

        Assert.Equal(Title, (await first.InnerTextAsync()).Trim());
        Assert.Equal(1, await page.Page.Locator("#search-results a").CountAsync());
        page.AssertCleanRun();
    }
}

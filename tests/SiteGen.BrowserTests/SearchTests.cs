using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SiteGen.BrowserTests;

/// <summary>
/// The search box, as a reader uses it: a word that only one paper's abstract has finds that paper, from the keyboard
/// and with the mouse, and the index comes from the site itself (<see cref="SitePage.AssertCleanRun"/>).
/// </summary>
[Collection(BrowserSiteCollection.Name)]
public sealed partial class SearchTests(BrowserSite site)
{
    [Fact]
    public async Task AWordFromOnePapersAbstractFindsThatPaperAndEnterOpensIt()
    {
        var (word, title) = AWordOnlyOneAbstractHas();
        await using var page = await site.OpenAsync();
        await page.GotoAsync("tags/index.html");

        await page.Page.Locator("#search-input").FillAsync(word);
        var first = page.Page.Locator("#search-results a").First;
        await first.WaitForAsync();
        Assert.Equal(title, (await first.InnerTextAsync()).Trim());
        Assert.Equal(1, await page.Page.Locator("#search-results a").CountAsync());

        await page.Page.Keyboard.PressAsync("ArrowDown");
        await page.Page.Keyboard.PressAsync("Enter");
        // Enter navigates from a script; Expect polls the address rather than wait for a navigation it may have missed.
        await Assertions.Expect(page.Page).ToHaveURLAsync(PaperPage());
        Assert.Equal(title, (await page.Page.Locator("h1").InnerTextAsync()).Trim());

        page.AssertCleanRun();
    }

    [Fact]
    public async Task ResultsAppearAsYouTypeAndAClickOpensOne()
    {
        await using var page = await site.OpenAsync();
        await page.GotoAsync("index.html");

        var input = page.Page.Locator("#search-input");
        await input.PressSequentiallyAsync("diffus");
        var results = page.Page.Locator("#search-results a");
        await results.First.WaitForAsync();
        Assert.True(await results.CountAsync() > 1, "a prefix of a common word finds several papers");
        Assert.Equal("true", await input.GetAttributeAsync("aria-expanded"));

        var title = (await results.Nth(1).InnerTextAsync()).Trim();
        await results.Nth(1).ClickAsync();
        await page.Page.WaitForURLAsync("**/papers/*/index.html");
        Assert.Equal(title, (await page.Page.Locator("h1").InnerTextAsync()).Trim());

        page.AssertCleanRun();
    }

    [Fact]
    public async Task EscapeClosesTheResults()
    {
        await using var page = await site.OpenAsync();
        await page.GotoAsync("index.html");

        await page.Page.Locator("#search-input").FillAsync("model");
        await page.Page.Locator("#search-results a").First.WaitForAsync();
        await page.Page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(page.Page.Locator("#search-results")).ToBeHiddenAsync();
        page.AssertCleanRun();
    }

    /// <summary>
    /// A word of at least eight letters that exactly one paper's abstract has and no title does, from the site's own
    /// papers.json: the test does not depend on which papers the seed listings hold.
    /// </summary>
    private (string Word, string Title) AWordOnlyOneAbstractHas()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(site.Output, "papers.json")));
        var papers = json.RootElement.EnumerateArray()
            .Select(p => (
                Title: p.GetProperty("title").GetString()!,
                Abstract: Url().Replace(p.GetProperty("abstract").GetString()!, " "), // the index skips URLs
                Tags: p.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!.Replace('-', ' '))))
            .ToArray();
        // A word of a title or a tag name would find more papers than the one abstract.
        var inTitles = papers.SelectMany(p => Words(p.Title).Concat(p.Tags.SelectMany(Words))).ToHashSet();
        var byWord = papers
            .SelectMany(p => Words(p.Abstract).Distinct().Select(w => (Word: w, p.Title)))
            .GroupBy(x => x.Word)
            .Where(g => g.Count() == 1 && !inTitles.Contains(g.Key))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .First();
        return (byWord.Key, byWord.Single().Title);
    }

    private static IEnumerable<string> Words(string text) =>
        LongWord().Matches(text.ToLowerInvariant()).Select(m => m.Value);

    [GeneratedRegex(@"/papers/[a-z0-9-]+/index\.html$")]
    private static partial Regex PaperPage();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();

    /// <summary>Only plain ASCII letters, so the browser's word splitting (accents folded) cannot differ from this one.</summary>
    [GeneratedRegex(@"(?<![a-z0-9])[a-z]{8,}(?![a-z0-9])")]
    private static partial Regex LongWord();
}

namespace SiteGen.BrowserTests;

/// <summary>
/// The place for the client-side search's browser tests, once the site has search: the theme's search box is
/// <c>#search-input</c> and its results list <c>#search-results</c>. Write them like <see cref="NavigationTests"/>:
/// <c>await using var page = await site.OpenAsync(); await page.GotoAsync("index.html");</c>, type into the box
/// (<c>page.Page.FillAsync("#search-input", "diffusion")</c>), check the results and follow one, and end with
/// <c>page.AssertCleanRun()</c> (the index must be fetched from the site itself).
/// </summary>
[Collection(BrowserSiteCollection.Name)]
public sealed class SearchTests(BrowserSite site)
{
    /// <summary>The shared site and browser; unused until the search's tests are written.</summary>
    internal BrowserSite Site { get; } = site;
}

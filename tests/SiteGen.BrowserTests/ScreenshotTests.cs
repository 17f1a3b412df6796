using Microsoft.Playwright;
using SiteGen.Tests;
using Xunit.Abstractions;

namespace SiteGen.BrowserTests;

/// <summary>
/// Screenshots of the main pages in both schemes, for a person to look at after a theme change: they land in
/// <c>TestResults/screenshots/</c> at the repository root, or in the folder <c>SCREENSHOTS_PATH</c> names. Each page
/// must also render cleanly (no console error, nothing fetched from elsewhere) and show its heading.
/// </summary>
[Collection(BrowserSiteCollection.Name)]
public sealed class ScreenshotTests(BrowserSite site, ITestOutputHelper output)
{
    public const string FolderVariable = "SCREENSHOTS_PATH";

    public static TheoryData<string, string> Pages => new()
    {
        { "home", "index.html" },
        { "paper", "papers/unleashing-vecset-diffusion-model-for-fast-shape-generation/index.html" },
        { "tags", "tags/index.html" },
        { "authors", "authors/index.html" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task ScreenshotsOfEachPageInTheLightAndDarkSchemes(string name, string url)
    {
        var folder = Folder();
        Directory.CreateDirectory(folder);
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await using var page = await site.OpenAsync(scheme);
            await page.GotoAsync(url);
            await Assertions.Expect(page.Page.Locator("h1")).ToBeVisibleAsync();

            var file = Path.Combine(folder, $"{name}-{scheme.ToString().ToLowerInvariant()}.png");
            await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = name == "paper" });

            Assert.True(new FileInfo(file).Length > 10_000, $"{file} is too small to show a page");
            page.AssertCleanRun();
            output.WriteLine($"screenshot: {file}");
        }
    }

    [Fact]
    public async Task TheHomePageOnANarrowScreen()
    {
        var file = Path.Combine(Folder(), "home-narrow-light.png");
        Directory.CreateDirectory(Folder());
        await using var page = await site.OpenAsync(ColorScheme.Light, width: 390);
        await page.GotoAsync("index.html");

        await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file });

        // Nothing wider than the screen: no sideways scrolling on a phone.
        Assert.True(await page.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        page.AssertCleanRun();
        output.WriteLine($"screenshot: {file}");
    }

    private static string Folder() =>
        Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } chosen
            ? Path.GetFullPath(chosen)
            : Path.Combine(TestPaths.RepositoryRoot, "TestResults", "screenshots");
}

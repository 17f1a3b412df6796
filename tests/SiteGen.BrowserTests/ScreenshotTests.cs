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

    /// <summary>
    /// The README's pictures: the home page and a paper's page, light and dark, at a laptop's width. Taken on every run into
    /// the screenshots folder; <c>UPDATE_SCREENSHOTS=1</c> also writes them to <c>docs/images/</c>, for a person to
    /// look at before committing. Either way the README's pictures must be there, and be pictures of that size.
    /// </summary>
    [Theory]
    [InlineData("home", "index.html")]
    [InlineData("paper", "papers/unleashing-vecset-diffusion-model-for-fast-shape-generation/index.html")]
    public async Task TheReadmePicturesOfTheHomePageAndAPaper(string name, string url)
    {
        var docs = Path.Combine(TestPaths.RepositoryRoot, "docs", "images");
        var update = Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1";
        Directory.CreateDirectory(Folder());
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await using var page = await site.OpenAsync(scheme, width: ReadmeWidth, height: ReadmeHeight);
            await page.GotoAsync(url);
            await Assertions.Expect(page.Page.Locator("h1")).ToBeVisibleAsync();
            var file = $"{name}-{scheme.ToString().ToLowerInvariant()}.png";
            var taken = Path.Combine(Folder(), "readme-" + file);
            await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = taken });
            page.AssertCleanRun();
            if (update)
            {
                File.Copy(taken, Path.Combine(docs, file), overwrite: true);
            }

            var committed = Path.Combine(docs, file);
            Assert.True(File.Exists(committed), $"docs/images/{file} is missing: run the browser tests with UPDATE_SCREENSHOTS=1");
            Assert.Equal((ReadmeWidth, ReadmeHeight), PngSize(committed));
            Assert.Contains($"(docs/images/{file})", File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md")), StringComparison.Ordinal);
        }
    }

    private const int ReadmeWidth = 1000;
    private const int ReadmeHeight = 720;

    /// <summary>A PNG's width and height, from its header (the IHDR chunk comes first).</summary>
    private static (int Width, int Height) PngSize(string file)
    {
        var bytes = File.ReadAllBytes(file);
        Assert.True(bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), $"{file} is not a PNG");
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    private static string Folder() =>
        Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } chosen
            ? Path.GetFullPath(chosen)
            : Path.Combine(TestPaths.RepositoryRoot, "TestResults", "screenshots");
}

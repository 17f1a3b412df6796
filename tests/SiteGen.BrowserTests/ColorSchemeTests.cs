using Microsoft.Playwright;

namespace SiteGen.BrowserTests;

/// <summary>
/// The header's toggle switches between the light and dark colour schemes; the site starts with the system's,
/// and remembers a reader's choice across pages.
/// </summary>
[Collection(BrowserSiteCollection.Name)]
public sealed class ColorSchemeTests(BrowserSite site)
{
    private const string Toggle = "button[data-scheme-toggle]";

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task TheSiteStartsWithTheSystemSchemeAndTheToggleSwitchesTheBackground(ColorScheme system)
    {
        await using var page = await site.OpenAsync(system);
        await page.GotoAsync("index.html");
        var startsDark = system == ColorScheme.Dark;
        Assert.Equal(startsDark, IsDark(await page.BackgroundAsync()));
        Assert.Equal(startsDark ? "true" : "false", await page.Page.GetAttributeAsync(Toggle, "aria-pressed"));

        await page.Page.ClickAsync(Toggle);

        Assert.Equal(!startsDark, IsDark(await page.BackgroundAsync()));
        Assert.Equal(startsDark ? "false" : "true", await page.Page.GetAttributeAsync(Toggle, "aria-pressed"));
        page.AssertCleanRun();
    }

    [Fact]
    public async Task TheChoiceIsRememberedOnTheNextPageAndForgottenWhenItIsTheSystemsAgain()
    {
        await using var page = await site.OpenAsync(ColorScheme.Light);
        await page.GotoAsync("index.html");
        await page.Page.ClickAsync(Toggle);

        await page.GotoAsync("tags/index.html");
        Assert.True(IsDark(await page.BackgroundAsync()));
        Assert.Equal("dark", await page.Page.GetAttributeAsync("html", "data-theme"));

        await page.Page.ClickAsync(Toggle);
        Assert.False(IsDark(await page.BackgroundAsync()));
        Assert.Null(await page.Page.GetAttributeAsync("html", "data-theme"));
        Assert.Null(await page.Page.EvaluateAsync<string?>("() => localStorage.getItem('sitegen-color-scheme')"));
        page.AssertCleanRun();
    }

    [Fact]
    public async Task TheToggleIsAButtonWithANameAndStaysHiddenWithoutScripts()
    {
        await using var page = await site.OpenAsync();
        await page.GotoAsync("index.html");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "Dark colour scheme" })).ToBeVisibleAsync();

        var html = await File.ReadAllTextAsync(Path.Combine(site.Output, "index.html"));
        Assert.Contains("data-scheme-toggle aria-pressed=\"false\" hidden>", html, StringComparison.Ordinal);
        page.AssertCleanRun();
    }

    /// <summary>Dark when its relative luminance is low: true for the dark scheme's background, false for the light one's.</summary>
    private static bool IsDark((int R, int G, int B) color) => (0.2126 * color.R + 0.7152 * color.G + 0.0722 * color.B) / 255 < 0.5;
}

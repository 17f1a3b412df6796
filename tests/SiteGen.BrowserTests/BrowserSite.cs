using Microsoft.Playwright;
using SiteGen.Site;
using SiteGen.Tests;
using SiteGen.Tests.Site;

namespace SiteGen.BrowserTests;

/// <summary>
/// The default site (the repository's input/ and theme/), built once into a temp folder, served on 127.0.0.1,
/// and one headless Chromium, shared by every browser test. Each test opens its own <see cref="SitePage"/>.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    private readonly TempFolder folder = new();
    private IPlaywright? playwright;

    public StaticFileServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The built site's folder.</summary>
    public string Output => folder["output"];

    public async Task InitializeAsync()
    {
        var chromium = Chromium.ExecutablePath(); // first: a missing browser should say so before a build runs
        await SiteBuilder.BuildAsync(new BuildRequest(TestPaths.RepositoryRoot, Output, Strict: true, Settings: [new("CachePath", folder["cache"])]));
        Server = new StaticFileServer(Output);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true });
    }

    /// <summary>A fresh browser context (no stored colour scheme) showing nothing yet; see <see cref="SitePage.GotoAsync"/>.</summary>
    /// <param name="scheme">The system colour scheme the page sees (prefers-color-scheme).</param>
    /// <param name="width">The viewport's width in CSS pixels.</param>
    public Task<SitePage> OpenAsync(ColorScheme scheme = ColorScheme.Light, int width = 1280, int height = 900) =>
        SitePage.OpenAsync(Browser, Server.BaseUrl, scheme, width, height);

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
        folder.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserSiteCollection : ICollectionFixture<BrowserSite>
{
    public const string Name = "browser";
}

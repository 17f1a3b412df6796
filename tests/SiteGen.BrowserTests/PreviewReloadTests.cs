using Microsoft.Playwright;
using SiteGen.Preview;
using SiteGen.Site;
using SiteGen.Tests.Site;

namespace SiteGen.BrowserTests;

/// <summary>`sitegen preview` in a real browser: the open tab reloads by itself after an edit and shows a broken edit's error.</summary>
[Collection(BrowserSiteCollection.Name)]
public sealed class PreviewReloadTests(BrowserSite site)
{
    private const string Paper = "input/papers/hand-written.md";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TheOpenTabReloadsAfterAnEditAndShowsABrokenEditsErrorUntilItIsFixed()
    {
        using var folder = new TempFolder().WithDefaultSite();
        folder.Write(Paper, PaperText("The first abstract."));
        await using var server = await PreviewServer.StartAsync(new BuildRequest(folder.Path), port: 0, TextWriter.Null, TextWriter.Null);
        await using var page = await SitePage.OpenAsync(site.Browser, server.Address.ToString(), ColorScheme.Light, 1280);
        await page.GotoAsync("papers/a-hand-written-paper/");
        await WaitUntilAsync(() => server.Events.Pages > 0); // the page's script is listening
        // A mark that a reload wipes out: proof the browser loaded the page again, not that the test did.
        await page.Page.EvaluateAsync("() => { window.notReloaded = true; }");

        folder.Write(Paper, PaperText("An abstract edited while the tab is open."));

        // While the tab reloads there is a moment with no body yet: the predicate must say "not yet" then, not throw.
        await page.Page.WaitForFunctionAsync(
            "() => !window.notReloaded && document.body?.textContent.includes('An abstract edited while the tab is open.') === true",
            null, new() { Timeout = (float)Timeout.TotalMilliseconds });

        folder.Write(Paper, "---\ntitle: \"An unclosed title\nauthor_count: 3\n---\nBody.\n");

        var overlay = page.Page.Locator("#sitegen-preview-error");
        await overlay.WaitForAsync(new() { Timeout = (float)Timeout.TotalMilliseconds });
        Assert.Matches(@"input/papers/hand-written\.md:\d+:\d+: error: ", await overlay.TextContentAsync());

        folder.Write(Paper, PaperText("The abstract, fixed."));

        await page.Page.WaitForFunctionAsync(
            "() => !document.getElementById('sitegen-preview-error') && document.body?.textContent.includes('The abstract, fixed.') === true",
            null, new() { Timeout = (float)Timeout.TotalMilliseconds });
        page.AssertCleanRun();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private static string PaperText(string abstractText) =>
        $"---\ntitle: \"A Hand Written Paper\"\nauthor_count: 3\npublished: 2025-03-20\n---\n{abstractText}\n";
}

using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Playwright;

namespace SiteGen.BrowserTests;

/// <summary>
/// One page of the site in its own browser context, recording every request it makes and every error its console
/// shows. A request that would leave 127.0.0.1 is recorded and never sent.
/// </summary>
public sealed class SitePage : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly Uri baseUrl;
    private readonly ConcurrentQueue<string> requests = new();
    private readonly ConcurrentQueue<string> errors = new();

    private SitePage(IBrowserContext context, IPage page, Uri baseUrl)
    {
        this.context = context;
        this.baseUrl = baseUrl;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>Every URL requested so far, in order.</summary>
    public IReadOnlyCollection<string> Requests => requests;

    public static async Task<SitePage> OpenAsync(IBrowser browser, string baseUrl, ColorScheme scheme, int width, int height = 900)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ColorScheme = scheme,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        var site = new SitePage(context, await context.NewPageAsync(), new Uri(baseUrl));
        context.Request += (_, request) => site.requests.Enqueue(request.Url);
        context.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                site.errors.Enqueue($"console {message.Type}: {message.Text} ({message.Location})");
            }
        };
        context.WebError += (_, error) => site.errors.Enqueue($"uncaught: {error.Error}");
        await context.RouteAsync(url => !site.IsLocal(url), route => route.AbortAsync());
        return site;
    }

    /// <summary>Opens a URL of the site (relative to its root, e.g. <c>authors/index.html</c>) and checks that it exists.</summary>
    public async Task GotoAsync(string relativeUrl)
    {
        var response = await Page.GotoAsync(relativeUrl);
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
    }

    /// <summary>The page's URL relative to the site's root: <c>tags/index.html</c>.</summary>
    public string RelativeUrl => baseUrl.MakeRelativeUri(new Uri(Page.Url)).ToString();

    /// <summary>The computed background colour of the page's body, as <c>(r, g, b)</c>.</summary>
    public async Task<(int R, int G, int B)> BackgroundAsync()
    {
        var css = await Page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        var parts = css.Split('(', ')')[1].Split(',').Select(p => int.Parse(p.Trim(), CultureInfo.InvariantCulture)).ToArray();
        return (parts[0], parts[1], parts[2]);
    }

    /// <summary>
    /// The console showed no error or warning, no script threw, and every request went to the site on 127.0.0.1
    /// (or was a <c>data:</c> URL, which goes nowhere).
    /// </summary>
    public void AssertCleanRun()
    {
        Assert.NotEmpty(requests);
        Assert.All(requests, url => Assert.True(IsLocal(url), $"request left the machine: {url}"));
        Assert.Empty(errors);
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();

    private bool IsLocal(string url) =>
        url.StartsWith("data:", StringComparison.Ordinal)
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == "http" && uri.Host == baseUrl.Host && uri.Port == baseUrl.Port);
}

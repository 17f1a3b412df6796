using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using SiteGen.Preview;
using SiteGen.Site;
using SiteGen.Tests.Site;

namespace SiteGen.Tests.Preview;

/// <summary>
/// The preview server in this process, on a free port, over a copy of the default site: it serves the build with
/// the reload script added, rebuilds after an edit and tells the page, shows a broken edit's error and recovers.
/// </summary>
public sealed class PreviewServerTests : IAsyncLifetime
{
    private const string Paper = "input/papers/hand-written.md";
    private const string PaperPage = "papers/a-hand-written-paper/";

    private readonly TempFolder _site = new TempFolder().WithDefaultSite();
    private readonly StringWriter _output = new();
    private readonly StringWriter _errors = new();
    private readonly HttpClient _client = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = EventStream.Timeout };
    private PreviewServer _server = null!;

    public async Task InitializeAsync()
    {
        _site.Write(Paper, PaperText("The first abstract."));
        _server = await PreviewServer.StartAsync(new BuildRequest(_site.Path), port: 0,
            TextWriter.Synchronized(_output), TextWriter.Synchronized(_errors));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _client.Dispose();
        _site.Dispose();
    }

    [Fact]
    public async Task ServesTheHomePageWithTheReloadScriptWhileTheFileOnDiskIsAsBuildWritesIt()
    {
        var home = await GetAsync("");

        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("<script src=\"/_sitegen/reload.js\"></script>\n</body>", home.Text);
        Assert.DoesNotContain("_sitegen", File.ReadAllText(_site["output/index.html"]));
        var script = await GetAsync("_sitegen/reload.js");
        Assert.Contains("new EventSource(\"/_sitegen/events\")", script.Text);
    }

    [Fact]
    public async Task ServesFilesAsStaticHostsDo()
    {
        var folder = await _client.GetAsync(new Uri(_server.Address, "papers/a-hand-written-paper"));
        Assert.Equal(HttpStatusCode.Redirect, folder.StatusCode);
        Assert.Equal("/papers/a-hand-written-paper/", folder.Headers.Location?.OriginalString);

        var missing = await GetAsync("no/such/page/");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Contains("/_sitegen/reload.js", missing.Text); // the site's own 404 page, which reloads too

        var markdown = await _client.GetAsync(new Uri(_server.Address, "papers/a-hand-written-paper.md"));
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("_sitegen", await markdown.Content.ReadAsStringAsync());

        var climbing = await GetAsync("..%2F..%2Fstatiq.json");
        Assert.Equal(HttpStatusCode.NotFound, climbing.Status);
    }

    [Fact]
    public async Task AnEditedPaperIsRebuiltAndTheOpenPageIsToldToReload()
    {
        using var events = await EventStream.OpenAsync(_client, _server.Address);

        _site.Write(Paper, PaperText("An abstract edited during the preview."));

        Assert.Equal("reload", (await events.NextAsync()).Name);
        Assert.Contains("An abstract edited during the preview.", (await GetAsync(PaperPage)).Text);
        Assert.Matches(@"Rebuilt in \d+ ms: [1-9]\d* files written, 0 removed, 0 warnings \(.*hand-written\.md changed\)", _output.ToString());
    }

    [Fact]
    public async Task ABrokenEditShowsItsErrorAndTheNextGoodEditRecoversWithoutARestart()
    {
        using var events = await EventStream.OpenAsync(_client, _server.Address);

        _site.Write(Paper, "---\ntitle: \"An unclosed title\nauthor_count: 3\n---\nBody.\n");

        var error = await events.NextAsync();
        Assert.Equal("error", error.Name);
        Assert.Matches(@"^input/papers/hand-written\.md:\d+:\d+: error: .+", error.Data);
        Assert.Contains(error.Data, _errors.ToString()); // the terminal has the very line build prints
        Assert.Contains("The first abstract.", (await GetAsync(PaperPage)).Text); // the last good build is still served
        using (var later = await EventStream.OpenAsync(_client, _server.Address))
        {
            Assert.Equal(error, await later.NextAsync()); // a page opened now shows the error too
        }

        _site.Write(Paper, PaperText("The abstract, fixed."));

        Assert.Equal("reload", (await events.NextAsync()).Name);
        Assert.Contains("The abstract, fixed.", (await GetAsync(PaperPage)).Text);
    }

    [Fact]
    public async Task AnEditedTemplateChangesThePages()
    {
        using var events = await EventStream.OpenAsync(_client, _server.Address);
        var footer = _site["theme/partials/site-footer.liquid"];

        File.WriteAllText(footer, File.ReadAllText(footer).Replace("</footer>", "<p>Edited footer</p></footer>", StringComparison.Ordinal));

        Assert.Equal("reload", (await events.NextAsync()).Name);
        Assert.Contains("<p>Edited footer</p>", (await GetAsync(PaperPage)).Text);
        Assert.Contains("<p>Edited footer</p>", (await GetAsync("")).Text);
    }

    [Fact]
    public async Task ListensOnTheLoopbackAddressOnly()
    {
        Assert.Equal("127.0.0.1", _server.Address.Host);
        var others = NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => !IPAddress.IsLoopback(a) && a.AddressFamily == AddressFamily.InterNetwork)
            .ToList();
        foreach (var address in others)
        {
            using var socket = new TcpClient();
            await Assert.ThrowsAnyAsync<SocketException>(() => socket.ConnectAsync(address, _server.Address.Port));
        }
    }

    /// <summary>A page elsewhere that points a name of its own at 127.0.0.1 (DNS rebinding) sends that name as the Host.</summary>
    [Theory]
    [InlineData("evil.example", HttpStatusCode.Forbidden)]
    [InlineData("evil.example:5080", HttpStatusCode.Forbidden)]
    [InlineData("127.0.0.1.evil.example", HttpStatusCode.Forbidden)]
    [InlineData("localhost.evil.example", HttpStatusCode.Forbidden)]
    [InlineData("localhost", HttpStatusCode.OK)]
    [InlineData("LOCALHOST:5080", HttpStatusCode.OK)]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    [InlineData("[::1]:5080", HttpStatusCode.OK)]
    public async Task OnlyARequestForTheLoopbackHostIsAnswered(string host, HttpStatusCode expected)
    {
        foreach (var path in new[] { "", ReloadScript.Url.TrimStart('/'), "papers.json" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_server.Address, path));
            request.Headers.Host = host;
            using var response = await _client.SendAsync(request);
            Assert.Equal((expected, path), (response.StatusCode, path));
            if (expected == HttpStatusCode.Forbidden)
            {
                var text = await response.Content.ReadAsStringAsync();
                Assert.StartsWith($"Forbidden: the preview answers only requests for 127.0.0.1, localhost or [::1], and this one was for '{host}'", text, StringComparison.Ordinal);
                Assert.Single(text.TrimEnd('\n').Split('\n'));
            }
        }
    }

    /// <summary>Paths a file server can trip on: a file taken for a folder, doubled slashes, dots, odd escapes.</summary>
    [Theory]
    [InlineData("index.html/")]
    [InlineData("index.html/x")]
    [InlineData("papers.json/")]
    [InlineData("papers//")]
    [InlineData("papers/a-hand-written-paper.md/index.html")]
    [InlineData("papers/a-hand-written-paper.md/")]
    public async Task AnOddPathIsNotFoundNeverAServerError(string path) =>
        Assert.Equal((HttpStatusCode.NotFound, path), ((await GetAsync(path)).Status, path));

    [Fact]
    public async Task ANulInThePathIsABadRequest() => Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync("papers/%00/")).Status);

    private async Task<(HttpStatusCode Status, string Text)> GetAsync(string relative)
    {
        using var response = await _client.GetAsync(new Uri(_server.Address, relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string PaperText(string abstractText) =>
        $"---\ntitle: \"A Hand Written Paper\"\nauthor_count: 3\npublished: 2025-03-20\n---\n{abstractText}\n";
}

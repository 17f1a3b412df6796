using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>
/// The repository's default site built strictly with a Host and served under <c>/repo/</c>, as a GitHub project
/// page would be: the build that makes feeds, the sitemap, robots.txt and canonical URLs.
/// </summary>
public sealed class HostedSiteFixture : IAsyncLifetime
{
    public const string Host = "papers.example.org";
    public const string BaseUrl = "https://papers.example.org/repo/";

    private readonly TempFolder _folder = new();

    public string Output => _folder["output"];

    internal BuildSummary Summary { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Summary = await SiteBuilder.BuildAsync(new BuildRequest(TestPaths.RepositoryRoot, Output, Strict: true,
            Settings: [new("Host", Host), new("LinkRoot", "/repo/"), new("CachePath", _folder["cache"])]));

    public string Read(string relative) => File.ReadAllText(Path.Combine(Output, relative));

    public bool Exists(string relative) => File.Exists(Path.Combine(Output, relative));

    /// <summary>Every page (<c>.../index.html</c> and 404.html), relative to the output folder with forward slashes.</summary>
    public IEnumerable<string> HtmlPages() =>
        Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Output, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

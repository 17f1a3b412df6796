using System.Text.Json;
using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>Builds the repository's default site once, strictly, into a temp folder, for the tests that read it.</summary>
public sealed class DefaultSiteFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public string Output => _folder["output"];

    internal BuildSummary Summary { get; private set; } = null!;

    public JsonElement[] Papers { get; private set; } = [];

    public async Task InitializeAsync()
    {
        // The cache beside the output, not in the repository's cache/ (where each run would leave another output's files).
        Summary = await SiteBuilder.BuildAsync(new BuildRequest(TestPaths.RepositoryRoot, Output, Strict: true,
            Settings: [new("CachePath", _folder["cache"])]));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "papers.json")));
        Papers = [.. json.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(Output, relative));

    public bool Exists(string relative) => File.Exists(Path.Combine(Output, relative));

    /// <summary>The pages of the list in <paramref name="folder"/> as a reader goes through them: the front page, then the numbered pages from the highest (newest) down.</summary>
    public IEnumerable<string> ListPages(string folder)
    {
        var numbered = 0;
        while (Exists($"{folder}page/{numbered + 1}/index.html"))
        {
            numbered++;
        }
        return new[] { $"{folder}index.html" }.Concat(Enumerable.Range(1, numbered).Reverse().Select(n => $"{folder}page/{n}/index.html"));
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

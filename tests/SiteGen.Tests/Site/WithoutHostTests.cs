using SiteGen.Site;
using SiteGen.Tests.Cli;

namespace SiteGen.Tests.Site;

/// <summary>
/// Without a Host nothing absolute can be made: no feeds, sitemap, robots.txt, canonical or og:url. That is said
/// once, as a note that does not fail a strict (CI) build, and the pages link to no feed that is not there.
/// </summary>
public sealed class WithoutHostTests
{
    [Fact]
    public async Task TheDefaultSiteBuildsStrictlyWithoutFeedsOrSitemapAndOneNoteThatSaysWhy()
    {
        using var folder = new TempFolder();
        var summary = await SiteBuilder.BuildAsync(new BuildRequest(TestPaths.RepositoryRoot, folder["output"], Strict: true,
            Settings: [new("CachePath", folder["cache"])]));

        Assert.Empty(summary.Warnings);
        var note = Assert.Single(summary.Notes);
        Assert.Contains("Host", note);
        foreach (var file in new[] { "feed.xml", "feed.json", "sitemap.xml", "robots.txt" })
        {
            Assert.False(File.Exists(folder[$"output/{file}"]), file);
        }
        Assert.Empty(Directory.EnumerateFiles(folder["output/tags"], "feed.xml", SearchOption.AllDirectories));
        var home = SiteLinks.Parse(File.ReadAllText(folder["output/index.html"]));
        Assert.Empty(home.QuerySelectorAll("link[rel=canonical], link[rel=alternate], meta[property='og:url']"));
        Assert.NotNull(home.QuerySelector("meta[property='og:title']"));
    }

    [Fact]
    public async Task AStrictBuildAsCiRunsItExitsZeroAndPrintsTheNoteOnce()
    {
        using var site = new TempFolder().WithDefaultSite();
        var result = await SiteGenProcess.RunAsync("build", "--root", site.Path, "--strict");

        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("note: no Host setting", line);
    }

    [Fact]
    public async Task GenerateSitemapFalseLeavesOutTheSitemapAndRobotsButNotTheFeeds()
    {
        using var folder = new TempFolder();
        await SiteBuilder.BuildAsync(new BuildRequest(TestPaths.RepositoryRoot, folder["output"],
            Settings: [new("Host", "papers.example.org"), new("GenerateSitemap", "false"), new("FeedSize", "3"), new("CachePath", folder["cache"])]));

        Assert.False(File.Exists(folder["output/sitemap.xml"]));
        Assert.False(File.Exists(folder["output/robots.txt"]));
        Assert.True(File.Exists(folder["output/feed.json"]));
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(folder["output/feed.json"]));
        Assert.Equal(3, json.RootElement.GetProperty("items").GetArrayLength());
    }
}

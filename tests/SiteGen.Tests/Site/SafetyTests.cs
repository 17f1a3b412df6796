using SiteGen.Diagnostics;
using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>Hostile input stays text; only http(s) URLs become links; builds are reproducible.</summary>
public sealed class SafetyTests
{
    [Fact]
    public async Task AHostileTitleAndJavascriptLinksShowAsText()
    {
        using var site = new TempFolder().WithDefaultSite();
        site.Write("input/papers/evil.md", """
            ---
            title: "<script>alert(1)</script>"
            slug: evil
            links:
              code: "javascript:alert(1)"
            ---
            See [this](javascript:alert(2)) and <img src=x onerror=alert(3)> and https://example.org/ok.
            """);
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path, site["output"]));

        var html = File.ReadAllText(site["output/papers/evil/index.html"]);
        var page = SiteLinks.Parse(html);
        Assert.Equal("<script>alert(1)</script>", page.QuerySelector("h1")!.TextContent.Trim());
        // The JSON-LD data block holds the title too, escaped (AHostileTitleCannotLeaveTheJsonLdScript); it never runs.
        Assert.DoesNotContain(page.QuerySelectorAll("script:not([type='application/ld+json'])"), s => s.TextContent.Contains("alert"));
        Assert.DoesNotContain(page.QuerySelectorAll("[href]"), e => e.GetAttribute("href")!.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(page.QuerySelectorAll("img[onerror]"));
        Assert.Contains(page.QuerySelectorAll("main a[href]"), a => a.GetAttribute("href") == "https://example.org/ok");
        foreach (var list in new[] { "index.html", "tags/index.html" })
        {
            Assert.DoesNotContain("<script>alert(1)</script>", File.ReadAllText(site[$"output/{list}"]));
        }
    }

    [Fact]
    public async Task ALayoutTheSitesThemeLacksIsTheBuiltInThemes()
    {
        using var site = new TempFolder().WithDefaultSite();
        using var complete = new TempFolder().WithDefaultSite();
        File.Delete(site["theme/layouts/year.liquid"]);

        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        await SiteBuilder.BuildAsync(new BuildRequest(complete.Path));

        TempFolder.AssertSameFiles(TempFolder.Snapshot(complete["output"]), TempFolder.Snapshot(site["output"]));
    }

    [Fact]
    public async Task AHostileTitleCannotLeaveTheJsonLdScript()
    {
        const string title = "Breaking </script><script>alert(1)</script> out";
        using var site = new TempFolder().WithDefaultSite();
        site.Write("input/papers/evil.md", $"---\ntitle: \"{title}\"\nslug: evil\n---\nAn abstract.\n");
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path, site["output"], Settings: [new("Host", "papers.example.org")]));

        var page = SiteLinks.Parse(File.ReadAllText(site["output/papers/evil/index.html"]));
        // The theme's own scripts come from files (src); the only inline script is the JSON-LD data block.
        Assert.All(page.QuerySelectorAll("script:not([type='application/ld+json'])"), s => Assert.Equal("", s.TextContent));
        var script = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        using var json = System.Text.Json.JsonDocument.Parse(script.TextContent);
        Assert.Equal(title, json.RootElement.GetProperty("headline").GetString());
        Assert.Equal("https://papers.example.org/papers/evil/", json.RootElement.GetProperty("url").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("papers.example.org")] // feeds, sitemap, canonical URLs: no time of "now" in any of them
    public async Task TheSameInputBuildsByteIdenticalOutputTwice(string? host)
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        List<KeyValuePair<string, string>> settings = host is null ? [] : [new("Host", host)];
        await SiteBuilder.BuildAsync(new BuildRequest(TestPaths.RepositoryRoot, first["output"], Settings: [.. settings, new("CachePath", first["cache"])]));
        await SiteBuilder.BuildAsync(new BuildRequest(TestPaths.RepositoryRoot, second["output"], Settings: [.. settings, new("CachePath", second["cache"])]));
        Assert.Equal(host is not null, File.Exists(first["output/feed.xml"]));

        var a = TempFolder.Snapshot(first["output"]);
        var b = TempFolder.Snapshot(second["output"]);
        TempFolder.AssertSameFiles(a, b);
    }

    [Fact]
    public async Task ARebuildWithNothingChangedRewritesNoFileAndARemovedPaperLeavesNoStalePage()
    {
        using var site = new TempFolder().WithDefaultSite();
        site.Write("input/papers/extra.md", "---\ntitle: An Extra Paper\n---\nAn abstract.\n");
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        Assert.True(File.Exists(site["output/papers/an-extra-paper/index.html"]));

        var unchanged = await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        Assert.Equal(0, unchanged.FilesWritten);

        File.Delete(site["input/papers/extra.md"]);
        var after = await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        Assert.False(Directory.Exists(site["output/papers/an-extra-paper"]));
        Assert.False(File.Exists(site["output/papers/an-extra-paper.md"]));
        Assert.True(after.FilesRemoved >= 2);
    }

    [Fact]
    public async Task FilesInTheOutputFolderThatSiteGenDidNotWriteAreLeftAlone()
    {
        using var site = new TempFolder().WithDefaultSite();
        site.Write("output/CNAME", "papers.example.org\n");
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));

        Assert.Equal("papers.example.org\n", File.ReadAllText(site["output/CNAME"]));
    }
}

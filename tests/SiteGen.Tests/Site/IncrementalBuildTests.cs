using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>
/// Rebuilds reuse what did not change (pages whose inputs have the same fingerprint are neither rendered
/// nor written), and whatever the sequence of edits, the output equals a cold build of the same input.
/// </summary>
public sealed class IncrementalBuildTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("papers.example.org")] // with feeds, the sitemap and robots.txt
    public async Task AnySequenceOfRebuildsEndsByteIdenticalToAColdBuildOfTheSameInput(string? host)
    {
        using var site = new TempFolder().WithDefaultSite();
        Task<BuildSummary> Build(string root) => IncrementalBuildTests.Build(root, host);
        await Build(site.Path);

        // A new hand-written paper, then an edit of a listing paper's abstract, a template change, a removal.
        site.Write("input/papers/new.md", "---\ntitle: A New Paper on Diffusion Models\nauthor_count: 2\npublished: 2025-11-01\n---\nWe study diffusion models.\n");
        await Build(site.Path);
        var listing = site["input/listings/001_c65d2d98e23c96f3.txt"];
        File.WriteAllText(listing, File.ReadAllText(listing).Replace("Solving a linear system Ax=b", "Solving a large linear system Ax=b"));
        await Build(site.Path);
        File.AppendAllText(site["theme/partials/site-footer.liquid"], "<!-- footer changed -->\n");
        await Build(site.Path);
        File.Delete(site["input/papers/new.md"]);
        var last = await Build(site.Path);

        using var cold = new TempFolder();
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path, cold.Path, Settings: [new("CachePath", cold["cache"]), .. HostSetting(host)]));
        var coldFiles = TempFolder.Snapshot(cold.Path);
        coldFiles.Remove(coldFiles.Keys.Single(k => k.StartsWith("cache/", StringComparison.Ordinal)));
        var incremental = TempFolder.Snapshot(site["output"]);

        TempFolder.AssertSameFiles(coldFiles, incremental);
        Assert.Equal(host is not null, incremental.ContainsKey("feed.xml") && incremental.ContainsKey("sitemap.xml"));
        Assert.True(last.FilesRemoved >= 2, "the removed paper's page and Markdown file are deleted");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("papers.example.org")]
    public async Task ARebuildWithNothingChangedWritesNothingAndTouchesNoTimestamp(string? host)
    {
        using var site = new TempFolder().WithDefaultSite();
        await Build(site.Path, host);
        var before = Directory.EnumerateFiles(site["output"], "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        var again = await Build(site.Path, host);

        Assert.Equal(0, again.FilesWritten);
        Assert.Equal(before.Count, again.FilesProduced);
        Assert.All(before, file => Assert.Equal(file.Value, File.GetLastWriteTimeUtc(file.Key)));
    }

    [Fact]
    public async Task OneChangedAbstractRewritesOnlyThePagesThatShowIt()
    {
        using var site = new TempFolder().WithDefaultSite();
        await Build(site.Path);
        var before = Directory.EnumerateFiles(site["output"], "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);

        var listing = site["input/listings/001_c65d2d98e23c96f3.txt"];
        File.WriteAllText(listing, File.ReadAllText(listing).Replace("Solving a linear system Ax=b", "Solving a large linear system Ax=b"));
        var after = await Build(site.Path);

        var changed = before.Where(f => !f.Value.AsSpan().SequenceEqual(File.ReadAllBytes(f.Key)))
            .Select(f => Path.GetRelativePath(site["output"], f.Key).Replace('\\', '/'))
            .ToHashSet();
        Assert.Equal(changed.Count, after.FilesWritten);
        Assert.Contains("papers/learning-to-relax-setting-solver-parameters-across-a-sequence-of-linear-system/index.html", changed);
        Assert.Contains("papers.json", changed);
        Assert.Contains("authors/unknown/index.html", changed);
        Assert.InRange(after.FilesWritten, 4, 12); // its page and .md, papers.json, a home page, its tags' and author-count pages
    }

    private static Task<BuildSummary> Build(string root, string? host = null) =>
        SiteBuilder.BuildAsync(new BuildRequest(root, Settings: HostSetting(host)));

    private static KeyValuePair<string, string>[] HostSetting(string? host) => host is null ? [] : [new("Host", host)];
}

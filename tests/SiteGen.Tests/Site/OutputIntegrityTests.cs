using SiteGen.Site;
using SiteGen.Tests.Cli;

namespace SiteGen.Tests.Site;

/// <summary>What a user may do to the output folder between builds, and what a build then does: nothing of theirs is lost.</summary>
public sealed class OutputIntegrityTests
{
    private static async Task<TempFolder> BuiltSiteAsync()
    {
        var site = new TempFolder().WithEmptySite();
        site.WritePaper("one", "Diffusion Models for Fast Shape Generation");
        site.WritePaper("two", "A Second Paper");
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        return site;
    }

    [Fact]
    public async Task AFolderWithFilesWhereAPageGoesStopsTheBuildInOneLineAndLeavesTheOutput()
    {
        using var site = await BuiltSiteAsync();
        var page = site["output/papers/a-second-paper/index.html"];
        File.Delete(page);
        site.Write("output/papers/a-second-paper/index.html/notes.txt", "mine");
        var before = TempFolder.Snapshot(site["output"]);
        site.WritePaper("two", "A Second Paper", body: "An edited abstract.");

        var result = await SiteGenProcess.RunAsync("build", "--root", site.Path);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("index.html' is a folder", line);
        TempFolder.AssertSameFiles(before, TempFolder.Snapshot(site["output"]));

        Directory.Delete(page, recursive: true);
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        Assert.Contains("An edited abstract.", File.ReadAllText(page));
    }

    [Fact]
    public async Task AnEmptyFolderWhereAPageGoesIsReplaced()
    {
        using var site = await BuiltSiteAsync();
        var page = site["output/papers/a-second-paper/index.html"];
        File.Delete(page);
        Directory.CreateDirectory(page);

        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));

        Assert.True(File.Exists(page));
    }

    [Fact]
    public async Task AFileOfTheUsersWhereAFolderGoesStopsTheBuildAndIsKept()
    {
        using var site = await BuiltSiteAsync();
        Directory.Delete(site["output/papers"], recursive: true);
        site.Write("output/papers", "a file of mine");
        File.Delete(Directory.EnumerateFiles(site["cache"], "*.manifest").Single()); // so SiteGen cannot know it made it

        var failure = await Assert.ThrowsAnyAsync<IOException>(() => SiteBuilder.BuildAsync(new BuildRequest(site.Path)));

        Assert.Contains("is a file SiteGen did not make", failure.Message);
        Assert.Equal("a file of mine", File.ReadAllText(site["output/papers"]));
        Assert.False(Directory.Exists(site["output/" + OutputFolder.StagingFolder]));
    }
}

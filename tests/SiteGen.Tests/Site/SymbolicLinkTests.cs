using SiteGen.Diagnostics;
using SiteGen.Site;
using SiteGen.Tests.Cli;

namespace SiteGen.Tests.Site;

/// <summary>
/// A build follows a symbolic link in its sources only into the site, never walks a loop, and never writes, deletes or
/// reads through a link in its output or cache folders.
/// </summary>
public sealed class SymbolicLinkTests
{
    private static TempFolder SmallSite()
    {
        var site = new TempFolder().WithEmptySite();
        site.WritePaper("one", "Diffusion Models for Fast Shape Generation");
        return site;
    }

    [Fact]
    public async Task ALinkToAFolderOutsideTheSiteIsNotCopiedAndIsNamedInAWarning()
    {
        using var site = SmallSite();
        using var outside = new TempFolder();
        outside.Write("secret.txt", "not for the site");
        Directory.CreateDirectory(site["input/assets"]);
        Directory.CreateSymbolicLink(site["input/assets/etc"], outside.Path);

        var built = await SiteBuilder.BuildAsync(new BuildRequest(site.Path));

        Assert.False(Directory.Exists(site["output/assets/etc"]));
        var warning = Assert.Single(built.Warnings, w => w.StartsWith("input/assets/etc: warning:", StringComparison.Ordinal));
        Assert.Contains("outside the site folder", warning);
    }

    /// <summary>
    /// The staging folder a stopped build left is removed before a build writes, its folders on every core: links in it,
    /// at either level the removal goes through folders by, are removed themselves, never what they lead to.
    /// </summary>
    [Fact]
    public async Task LinksInAStagingFolderLeftBehindAreRemovedAndWhatTheyLeadToIsKept()
    {
        using var site = SmallSite();
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        using var outside = new TempFolder();
        outside.Write("keep/papers/mine.txt", "not SiteGen's");
        var staging = site["output/" + OutputFolder.StagingFolder];
        site.Write($"output/{OutputFolder.StagingFolder}/old/papers/left/index.html", "a page a stopped build moved aside");
        Directory.CreateSymbolicLink(Path.Combine(staging, "new"), outside["keep"]);
        Directory.CreateSymbolicLink(Path.Combine(staging, "old", "tags"), outside["keep"]);
        site.WritePaper("two", "Reinforcement Learning from Sparse Rewards"); // so that the build runs

        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));

        Assert.False(Directory.Exists(staging));
        Assert.Equal("not SiteGen's", File.ReadAllText(outside["keep/papers/mine.txt"]));
    }

    [Fact]
    public async Task AListingThatLinksToAFileOutsideTheSiteIsNotReadAsPapers()
    {
        using var site = SmallSite();
        using var outside = new TempFolder();
        outside.Write("passwd", "root:x:0:0:root:/root:/bin/bash\n\nAn abstract that is not one.\n");
        Directory.CreateDirectory(site["input/listings"]);
        File.CreateSymbolicLink(site["input/listings/p.txt"], outside["passwd"]);

        var built = await SiteBuilder.BuildAsync(new BuildRequest(site.Path));

        Assert.Equal(1, built.Papers);
        Assert.DoesNotContain("root:x", File.ReadAllText(site["output/papers.json"]));
        Assert.Contains(built.Warnings, w => w.StartsWith("input/listings/p.txt: warning:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ALinkThatStaysInsideTheSiteIsFollowed()
    {
        using var site = SmallSite();
        site.Write("shared/listing.txt", "A Paper Kept Elsewhere In The Site\n\nIts abstract.\n");
        Directory.CreateDirectory(site["input/listings"]);
        File.CreateSymbolicLink(site["input/listings/shared.txt"], Path.Combine("..", "..", "shared", "listing.txt"));

        var built = await SiteBuilder.BuildAsync(new BuildRequest(site.Path));

        Assert.Equal(2, built.Papers);
        Assert.Empty(built.Warnings);
        Assert.True(File.Exists(site["output/papers/a-paper-kept-elsewhere-in-the-site/index.html"]));
    }

    [Fact]
    public async Task LoopingFolderLinksAreWalkedOnceAndWarnedOf()
    {
        using var site = SmallSite();
        site.Write("input/assets/a/file.txt", "a");
        site.Write("input/assets/b/file.txt", "b");
        Directory.CreateSymbolicLink(site["input/assets/a/to-b"], site["input/assets/b"]);
        Directory.CreateSymbolicLink(site["input/assets/b/to-a"], site["input/assets/a"]);
        Directory.CreateSymbolicLink(site["input/assets/a/up"], site["input/assets"]);

        var built = await SiteBuilder.BuildAsync(new BuildRequest(site.Path)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("a", File.ReadAllText(site["output/assets/a/file.txt"]));
        Assert.Equal("b", File.ReadAllText(site["output/assets/b/file.txt"])); // folders are read under their own names
        Assert.False(Directory.Exists(site["output/assets/a/to-b"]));
        Assert.False(Directory.Exists(site["output/assets/b/to-a"]));
        Assert.Contains(built.Warnings, w => w.Contains("folder read already", StringComparison.Ordinal));
        Assert.True(Directory.EnumerateFiles(site["output/assets"], "*", SearchOption.AllDirectories).Count() < 10);
    }

    /// <summary>
    /// The failure seen first: a dangling link in the assets and a new paper failed the build after writing the paper's page,
    /// which the next build then took for the user's own file and never removed.
    /// </summary>
    [Fact]
    public async Task ADanglingLinkIsAWarningAndTheNextBuildAfterRemovingItEqualsAColdBuild()
    {
        using var site = SmallSite();
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        Directory.CreateDirectory(site["input/assets"]);
        File.CreateSymbolicLink(site["input/assets/gone.css"], site["input/assets/never-there.css"]);
        site.WritePaper("two", "A Paper Added With A Dangling Link");

        var built = await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        Assert.Contains(built.Warnings, w => w.StartsWith("input/assets/gone.css: warning:", StringComparison.Ordinal) && w.Contains("does not exist"));

        File.Delete(site["input/assets/gone.css"]);
        File.Delete(site["input/papers/two.md"]);
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));

        using var cold = SmallSite();
        await SiteBuilder.BuildAsync(new BuildRequest(cold.Path));
        TempFolder.AssertSameFiles(TempFolder.Snapshot(cold["output"]), TempFolder.Snapshot(site["output"]));
    }

    [Fact]
    public async Task LinksInTheOutputFolderAreReplacedNeverWrittenOrDeletedThrough()
    {
        using var site = SmallSite();
        site.WritePaper("two", "A Second Paper");
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        using var outside = new TempFolder();
        outside.Write("index.html", "outside");
        outside.Write("papers/a-second-paper/index.html", "outside too");
        // A link where SiteGen writes a file, one where it writes a folder, and one on the way to a file it would delete.
        File.Delete(site["output/index.html"]);
        File.CreateSymbolicLink(site["output/index.html"], outside["index.html"]);
        Directory.Delete(site["output/papers/a-second-paper"], recursive: true);
        Directory.CreateSymbolicLink(site["output/papers/a-second-paper"], outside["papers/a-second-paper"]);
        site.WritePaper("one", "Diffusion Models for Faster Shape Generation");
        File.Delete(site["input/papers/two.md"]);

        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));

        Assert.Equal("outside", File.ReadAllText(outside["index.html"]));
        Assert.Equal("outside too", File.ReadAllText(outside["papers/a-second-paper/index.html"]));
        Assert.Null(new FileInfo(site["output/index.html"]).LinkTarget);
        Assert.Contains("<html", File.ReadAllText(site["output/index.html"]));
        using var cold = SmallSite();
        cold.WritePaper("one", "Diffusion Models for Faster Shape Generation");
        await SiteBuilder.BuildAsync(new BuildRequest(cold.Path));
        var built = TempFolder.Snapshot(site["output"]);
        // The link on the way to the removed paper's page stays: SiteGen did not make it, and never deletes through it.
        foreach (var file in built.Keys.Where(k => k.StartsWith("papers/a-second-paper/", StringComparison.Ordinal)).ToList())
        {
            built.Remove(file);
        }
        TempFolder.AssertSameFiles(TempFolder.Snapshot(cold["output"]), built);
    }

    [Fact]
    public async Task APageWhoseFolderIsALinkIsWrittenIntoARealFolder()
    {
        using var site = SmallSite();
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        using var outside = new TempFolder();
        Directory.Delete(site["output/papers"], recursive: true);
        Directory.CreateSymbolicLink(site["output/papers"], outside.Path);
        site.WritePaper("one", "Diffusion Models for Faster Shape Generation");

        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));

        Assert.Empty(Directory.EnumerateFileSystemEntries(outside.Path));
        Assert.Null(new DirectoryInfo(site["output/papers"]).LinkTarget);
        Assert.True(File.Exists(site["output/papers/diffusion-models-for-faster-shape-generation/index.html"]));
    }

    [Fact]
    public async Task APageKeptOnlyThroughALinkOnItsWayIsWrittenAgainIntoARealFolder()
    {
        // The folder of a page replaced by a link to a copy of it (the same bytes, other times): the walk finds the page by
        // its path, with its length, but the way to it is not the output folder's. Without the last stamp the build runs,
        // and trusts no file unseen.
        using var site = SmallSite();
        site.WritePaper("two", "A Second Paper");
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        using var outside = new TempFolder();
        var page = site["output/papers/a-second-paper/index.html"];
        outside.Write("copy/index.html", File.ReadAllText(page));
        Directory.Delete(site["output/papers/a-second-paper"], recursive: true);
        Directory.CreateSymbolicLink(site["output/papers/a-second-paper"], outside["copy"]);
        File.Delete(UpToDateStamp.PathFor(Directory.GetFiles(site["cache"], "*.manifest").Single()));

        var built = await SiteBuilder.BuildAsync(new BuildRequest(site.Path));

        Assert.Equal(1, built.FilesWritten);
        Assert.Null(new DirectoryInfo(site["output/papers/a-second-paper"]).LinkTarget);
        Assert.Equal(File.ReadAllText(outside["copy/index.html"]), File.ReadAllText(page));
    }

    [Theory]
    [InlineData("--output", "/")]
    [InlineData("--output", "")]
    [InlineData("--output", ".")]
    [InlineData("--output", "..")]
    [InlineData("--output", "input")]
    [InlineData("--output", "input/papers")]
    [InlineData("--output", "linked-input")] // a link to input/
    [InlineData("--output", "theme/assets")]
    [InlineData("--setting", "OutputPath=/")]
    [InlineData("--setting", "CachePath=/")]
    [InlineData("--setting", "CachePath=..")]
    [InlineData("--setting", "CachePath=input")]
    [InlineData("--setting", "CachePath=linked-input/cache")]
    [InlineData("--setting", "CachePath=.")]
    [InlineData("--setting", "CachePath=output/cache")] // it would be published with the site
    [InlineData("--setting", "CachePath=output")]
    [InlineData("--output", "cache/site")]
    public async Task AnOutputOrCacheFolderThatIsTheRootTheSiteHoldsOrSitsInItsSourcesOrTheOtherIsOneLineAndExitTwo(string option, string value)
    {
        using var site = SmallSite();
        Directory.CreateSymbolicLink(site["linked-input"], site["input"]);
        var before = TempFolder.Snapshot(site.Path);

        var result = await SiteGenProcess.RunAsync("build", "--root", site.Path, option, value);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.Equal(before.Keys, TempFolder.Snapshot(site.Path).Keys);
    }

    [Fact]
    public async Task AnOutputFolderThatIsALinkOutOfTheSiteIsWrittenWhereItLeads()
    {
        using var site = SmallSite();
        using var published = new TempFolder();
        Directory.CreateSymbolicLink(site["output"], published.Path);

        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));

        Assert.True(File.Exists(published["index.html"]));
        Assert.NotNull(new DirectoryInfo(site["output"]).LinkTarget);
    }

    [Fact]
    public async Task AMissingInputFolderIsAnErrorNotAnEmptySite()
    {
        using var site = SmallSite();
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        var before = TempFolder.Snapshot(site["output"]);

        var error = await Assert.ThrowsAsync<ContentException>(() =>
            SiteBuilder.BuildAsync(new BuildRequest(site.Path, Settings: [new("InputPaths", "inptu")])));

        Assert.Contains("InputPaths names 'inptu'", error.Message);
        TempFolder.AssertSameFiles(before, TempFolder.Snapshot(site["output"]));
    }
}

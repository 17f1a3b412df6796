using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>
/// A build from the command line that finds its inputs, settings and output folder as the last build left them does
/// nothing and says so; any change to one of them runs the build.
/// </summary>
public sealed class UpToDateTests
{
    private static Task<BuildSummary> Build(TempFolder site, params KeyValuePair<string, string>[] settings) =>
        SiteBuilder.BuildAsync(new BuildRequest(site.Path, Settings: settings));

    [Fact]
    public async Task ABuildWithNothingChangedReportsTheLastBuildAndTouchesNothing()
    {
        using var site = new TempFolder().WithDefaultSite();
        var first = await Build(site);
        var before = Directory.EnumerateFiles(site.Path, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        var again = await Build(site);

        Assert.True(again.UpToDate);
        Assert.Empty(again.Pipelines);
        Assert.Equal((first.Papers, first.FilesProduced, 0, 0), (again.Papers, again.FilesProduced, again.FilesWritten, again.FilesRemoved));
        Assert.Equal((first.Links.Pages, first.Links.Links), (again.Links.Pages, again.Links.Links));
        Assert.Equal(before.Keys.Order(), Directory.EnumerateFiles(site.Path, "*", SearchOption.AllDirectories).Order());
        Assert.All(before, file => Assert.Equal(file.Value, File.GetLastWriteTimeUtc(file.Key)));
    }

    [Fact]
    public async Task AnEditedOrTouchedInputRunsTheBuild()
    {
        using var site = new TempFolder().WithDefaultSite();
        await Build(site);
        var listing = site["input/listings/001_c65d2d98e23c96f3.txt"];

        File.SetLastWriteTimeUtc(listing, File.GetLastWriteTimeUtc(listing).AddSeconds(1));
        var touched = await Build(site);
        File.WriteAllText(listing, File.ReadAllText(listing).Replace("Solving a linear system Ax=b", "Solving a large linear system Ax=b"));
        var edited = await Build(site);
        File.AppendAllText(site["theme/partials/site-footer.liquid"], "<!-- footer changed -->\n");
        var themed = await Build(site);

        Assert.False(touched.UpToDate);
        Assert.Equal(0, touched.FilesWritten);
        Assert.False(edited.UpToDate);
        Assert.InRange(edited.FilesWritten, 4, 12);
        Assert.False(themed.UpToDate);
        Assert.True((await Build(site)).UpToDate);
    }

    [Fact]
    public async Task AnotherSettingRunsTheBuild()
    {
        using var site = new TempFolder().WithDefaultSite();
        await Build(site);

        var retitled = await Build(site, new KeyValuePair<string, string>("SiteTitle", "Other papers"));

        Assert.False(retitled.UpToDate);
        Assert.Contains("Other papers", File.ReadAllText(site["output/index.html"]));
    }

    [Fact]
    public async Task AFileDeletedFromOrAddedToTheOutputRunsTheBuild()
    {
        using var site = new TempFolder().WithDefaultSite();
        await Build(site);
        var bytes = File.ReadAllBytes(site["output/index.html"]);

        File.Delete(site["output/index.html"]);
        var restored = await Build(site);
        site.Write("output/CNAME", "papers.example.org\n"); // put there by hand: a link to it is no longer broken
        var added = await Build(site);

        Assert.False(restored.UpToDate);
        Assert.Equal(1, restored.FilesWritten);
        Assert.Equal(bytes, File.ReadAllBytes(site["output/index.html"]));
        Assert.False(added.UpToDate);
        Assert.True(File.Exists(site["output/CNAME"]));
    }

    [Fact]
    public async Task ABuildThatFindsTheOutputChangedWritesAgainAFileCutShortOrDeletedAndKeepsTheOthers()
    {
        // The output is not as the last build left it, so the build looks at each file it keeps, as the walk beside it
        // found them (FileSum.Lengths): a page cut short or deleted is written again, the others are kept as they are.
        using var site = new TempFolder().WithDefaultSite();
        var first = await Build(site);
        var pages = Directory.GetFiles(site["output/papers"], "index.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(2).ToArray();
        File.WriteAllBytes(pages[0], File.ReadAllBytes(pages[0])[..100]);
        File.Delete(pages[1]);
        site.Write("input/papers/new.md", "---\ntitle: A New Paper on Diffusion Models\npublished: 2030-01-01\n---\nWe study diffusion models.\n");

        var rebuilt = await Build(site);

        using var cold = new TempFolder();
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path, cold["output"], Settings: [new("CachePath", cold["cache"])]));
        TempFolder.AssertSameFiles(TempFolder.Snapshot(cold["output"]), TempFolder.Snapshot(site["output"]));
        // The two pages and what the new paper adds and changes; a build that trusted no file it kept would write them all.
        Assert.InRange(rebuilt.FilesWritten, 2, first.FilesProduced / 4);
    }

    [Fact]
    public async Task TheStampOfTheOutputFolderCountedBesideABuildThatAddsReplacesAndRemovesFilesIsTheFolderAsItIs()
    {
        // The build walks the output folder while it renders, and adds what its commit moved in and takes away what it
        // moved aside: the next build finds that sum equal to a walk of the folder, so it is up to date.
        using var site = new TempFolder().WithDefaultSite();
        await Build(site);
        site.Write("input/papers/new.md", "---\ntitle: A New Paper on Diffusion Models\npublished: 2030-01-01\n---\nWe study diffusion models.\n");
        site.Write("output/CNAME", "papers.example.org\n"); // by hand, counted as it is
        var added = await Build(site);
        File.Delete(site["input/papers/new.md"]);
        var removed = await Build(site);
        Directory.CreateDirectory(site["output/papers/left-by-hand"]);
        site.Write("output/papers/left-by-hand/index.html", "<p>mine</p>\n");
        site.Write("input/papers/new.md", "---\ntitle: A New Paper on Diffusion Models\npublished: 2030-01-01\n---\nWe study it again.\n");
        var again = await Build(site);

        Assert.InRange(added.FilesWritten, 4, int.MaxValue);
        Assert.InRange(removed.FilesRemoved, 2, int.MaxValue);
        Assert.InRange(again.FilesWritten, 4, int.MaxValue);
        Assert.True((await Build(site)).UpToDate);
    }

    [Fact]
    public void ALinkToAFolderInTheOutputIsNotWalked()
    {
        using var site = new TempFolder();
        var output = Directory.CreateDirectory(Path.Combine(site.Path, "output")).FullName;
        var elsewhere = Directory.CreateDirectory(Path.Combine(site.Path, "elsewhere")).FullName;
        File.WriteAllText(Path.Combine(elsewhere, "a.html"), "a");
        File.WriteAllText(Path.Combine(elsewhere, "b.html"), "b");
        Directory.CreateDirectory(Path.Combine(output, "papers"));
        File.WriteAllText(Path.Combine(output, "papers", "index.html"), "i");
        Directory.CreateSymbolicLink(Path.Combine(output, "linked"), elsewhere);

        // Only papers/index.html: the enumerator takes the link for a folder, and the walk does not go into it (without
        // that check it counted the two files it leads to).
        Assert.Equal(1UL, UpToDateStamp.FilesOf(output).Count);
    }

    [Fact]
    public async Task ALinkToAFileAddedToTheOutputChangesNothingABuildMakesAndLeavesItUpToDate()
    {
        using var site = new TempFolder().WithDefaultSite();
        await Build(site);
        using var outside = new TempFolder();
        outside.Write("cv.pdf", "a file elsewhere");
        var before = TempFolder.Snapshot(site["output"]);
        File.CreateSymbolicLink(site["output/cv.pdf"], outside["cv.pdf"]);

        var again = await Build(site);

        Assert.True(again.UpToDate);
        Assert.Equal(before.Count + 1, TempFolder.Snapshot(site["output"]).Count);
        Assert.Equal("a file elsewhere", File.ReadAllText(outside["cv.pdf"]));
        // A build that runs anyway (the stamp deleted) makes the same files, and leaves the link as it found it.
        File.Delete(UpToDateStamp.PathFor(Directory.GetFiles(site["cache"], "*.manifest").Single()));
        var built = await Build(site);
        Assert.False(built.UpToDate);
        Assert.Equal(0, built.FilesWritten);
        Assert.NotNull(new FileInfo(site["output/cv.pdf"]).LinkTarget);
    }

    [Fact]
    public async Task TheLastBuildsWarningsAreReportedAgain()
    {
        using var site = new TempFolder().WithDefaultSite();
        site.Write("input/layouts/paper.liquid", File.ReadAllText(site["theme/layouts/paper.liquid"]) + "<a href=\"nowhere/index.html\">x</a>\n");
        var first = await Build(site);

        var again = await Build(site);

        Assert.True(again.UpToDate);
        Assert.NotEmpty(first.Warnings);
        Assert.Equal(first.Warnings.ToArray(), again.Warnings.ToArray()); // ImmutableArray compares by reference
    }

    [Fact]
    public async Task ACheckOrAPreviewSessionNeverTakesTheShortcut()
    {
        using var site = new TempFolder().WithDefaultSite();
        await Build(site);

        var check = await SiteBuilder.BuildAsync(new BuildRequest(site.Path, DryRun: true));
        var session = new BuildSession();
        var preview = await SiteBuilder.BuildAsync(new BuildRequest(site.Path, Session: session));
        await session.FlushAsync();

        Assert.False(check.UpToDate);
        Assert.NotEmpty(check.Pipelines);
        Assert.False(preview.UpToDate);
        Assert.NotEmpty(preview.Pipelines);
    }
}

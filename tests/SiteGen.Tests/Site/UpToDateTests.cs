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
        // found them (WalkedFiles): a page cut short or deleted is written again, the others are kept as they are.
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
        // The build walks the manifest's files while it renders, and adds what its commit moved in and takes away what it
        // replaced or moved aside, and does the same with the times of the folders it moved files in and out of: the next
        // build finds those sums equal to a walk of the folder, so it is up to date.
        using var site = new TempFolder().WithDefaultSite();
        await Build(site);
        site.Write("input/papers/new.md", "---\ntitle: A New Paper on Diffusion Models\npublished: 2030-01-01\n---\nWe study diffusion models.\n");
        var added = await Build(site);
        var afterAdding = await Build(site);
        File.Delete(site["input/papers/new.md"]);
        var removed = await Build(site);
        var afterRemoving = await Build(site);
        site.Write("input/papers/new.md", "---\ntitle: A New Paper on Diffusion Models\npublished: 2030-01-01\n---\nWe study it again.\n");
        var again = await Build(site);

        Assert.InRange(added.FilesWritten, 4, int.MaxValue);
        Assert.True(afterAdding.UpToDate);
        Assert.InRange(removed.FilesRemoved, 2, int.MaxValue);
        Assert.True(afterRemoving.UpToDate);
        Assert.InRange(again.FilesWritten, 4, int.MaxValue);
        Assert.True((await Build(site)).UpToDate);
    }

    [Fact]
    public async Task AFolderChangedByHandBesideAnEditIsCountedAgainByTheNextBuildWhichWritesNothing()
    {
        // A build whose inputs changed takes the folders it does not touch as the last build left them. One changed by hand
        // (a file put in it) and touched by the build leaves a stamp that is not the folder: the next build runs, finds the
        // folders as they are, writes nothing, and leaves the stamp right.
        using var site = new TempFolder().WithDefaultSite();
        await Build(site);
        site.Write("output/CNAME", "papers.example.org\n");
        site.Write("output/papers/left-by-hand/index.html", "<p>mine</p>\n");
        site.Write("input/papers/new.md", "---\ntitle: A New Paper on Diffusion Models\npublished: 2030-01-01\n---\nWe study diffusion models.\n");
        var added = await Build(site);

        var next = await Build(site);

        Assert.InRange(added.FilesWritten, 4, int.MaxValue);
        Assert.False(next.UpToDate);
        Assert.Equal(0, next.FilesWritten);
        Assert.True((await Build(site)).UpToDate);
        Assert.Equal("<p>mine</p>\n", File.ReadAllText(site["output/papers/left-by-hand/index.html"]));
        Assert.True(File.Exists(site["output/CNAME"]));
    }

    [Fact]
    public async Task ALinkToAFileAddedToTheOutputChangesNothingABuildMakesAndIsLeftAsItIs()
    {
        using var site = new TempFolder().WithDefaultSite();
        await Build(site);
        using var outside = new TempFolder();
        outside.Write("cv.pdf", "a file elsewhere");
        var before = TempFolder.Snapshot(site["output"]);
        File.CreateSymbolicLink(site["output/cv.pdf"], outside["cv.pdf"]);

        // Something was added to the output folder (a link to it is no longer broken): the build runs, and writes nothing.
        var built = await Build(site);

        Assert.False(built.UpToDate);
        Assert.Equal(0, built.FilesWritten);
        Assert.Equal(before.Count + 1, TempFolder.Snapshot(site["output"]).Count);
        Assert.Equal("a file elsewhere", File.ReadAllText(outside["cv.pdf"]));
        Assert.NotNull(new FileInfo(site["output/cv.pdf"]).LinkTarget);
        Assert.True((await Build(site)).UpToDate);
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

using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>
/// A session's rebuild told which paths changed looks at those files alone, and lists a folder again whenever a change
/// may hide files from it.
/// </summary>
public sealed class FolderListingsTests
{
    /// <summary>A session's listings of the *.md files of <paramref name="folders"/>, listed once as a first build does.</summary>
    private static (FolderListings Listings, string[] Folders, FoundFile[] First) ListedOnce(TempFolder folder, params string[] folders)
    {
        var listings = new FolderListings(remember: true);
        string[] full = [.. folders.Select(f => folder[f])];
        return (listings, full, listings.List(Tree(folder), full, "*.md", changed: null, []));
    }

    /// <summary>Everything in the test's folder may be read.</summary>
    private static SourceTree Tree(TempFolder folder) => new(folder.Path, []);

    private static IEnumerable<string> Names(FoundFile[] listed) => listed.Select(f => Path.GetFileName(f.Path));

    [Fact]
    public void AChangedFileIsLookedAtAgainAndAnUnchangedListingIsTheSameObject()
    {
        using var folder = new TempFolder();
        folder.Write("papers/a.md", "a");
        folder.Write("papers/b.md", "b");
        var (listings, papers, first) = ListedOnce(folder, "papers");

        folder.Write("papers/a.md", "a, longer");
        var unrelated = listings.List(Tree(folder), papers, "*.md", [folder["elsewhere/x.md"]], []);
        var told = listings.List(Tree(folder), papers, "*.md", [folder["papers/a.md"]], []);

        Assert.Equal(first, unrelated); // not told of a.md: its last time and length stand
        Assert.Equal(9, told.Single(f => f.Path.EndsWith("a.md", StringComparison.Ordinal)).Length);
        Assert.Equal(first[1], told[1]);
    }

    [Fact]
    public void ANewFileAndADeletedOneAreFoundFromTheirPathsAlone()
    {
        using var folder = new TempFolder();
        folder.Write("papers/a.md", "a");
        folder.Write("papers/b.md", "b");
        var (listings, papers, _) = ListedOnce(folder, "papers");

        folder.Write("papers/c.md", "c");
        File.Delete(folder["papers/a.md"]);
        folder.Write("papers/notes.txt", "not a paper");
        var listed = listings.List(Tree(folder), papers, "*.md", [folder["papers/c.md"], folder["papers/a.md"], folder["papers/notes.txt"]], []);

        Assert.Equal(["b.md", "c.md"], Names(listed));
    }

    [Theory]
    [InlineData("papers")] // the folder itself (deleted and made again, moved)
    [InlineData("")] // a folder above it (a watcher that lost events reports its root)
    public void AChangeToTheFolderOrAboveItListsTheFolderAgain(string changedFolder)
    {
        using var folder = new TempFolder();
        folder.Write("papers/a.md", "a");
        var (listings, papers, _) = ListedOnce(folder, "papers");

        folder.Write("papers/b.md", "b"); // no event of its own
        var listed = listings.List(Tree(folder), papers, "*.md", [Path.TrimEndingDirectorySeparator(folder[changedFolder])], []);

        Assert.Equal(["a.md", "b.md"], Names(listed));
    }

    [Fact]
    public void TheFirstFolderHoldingANameWinsAfterAChangeAsInAWalk()
    {
        using var folder = new TempFolder();
        folder.Write("input/papers/a.md", "mine");
        folder.Write("theme/papers/a.md", "the theme's");
        var (listings, papers, _) = ListedOnce(folder, "input/papers", "theme/papers");

        File.Delete(folder["input/papers/a.md"]);
        var afterDelete = listings.List(Tree(folder), papers, "*.md", [folder["input/papers/a.md"]], []);
        folder.Write("input/papers/a.md", "mine again");
        var afterWrite = listings.List(Tree(folder), papers, "*.md", [folder["input/papers/a.md"]], []);

        Assert.Equal(folder["theme/papers/a.md"], Assert.Single(afterDelete).Path);
        Assert.Equal(folder["input/papers/a.md"], Assert.Single(afterWrite).Path);
    }

    [Fact]
    public async Task ASessionToldOfAnEditedPaperBuildsWhatAColdBuildWould()
    {
        using var site = new TempFolder().WithDefaultSite();
        var session = new BuildSession();
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path, Session: session));

        site.Write("input/papers/told.md", "---\ntitle: A Paper Only The Watcher Saw\npublished: 2025-12-03\n---\nIt is new.\n");
        var rebuild = await SiteBuilder.BuildAsync(new BuildRequest(site.Path, Session: session, ChangedFiles: [site["input/papers/told.md"]]));

        Assert.True(File.Exists(site["output/papers/a-paper-only-the-watcher-saw/index.html"]));
        using var cold = new TempFolder();
        var coldBuild = await SiteBuilder.BuildAsync(new BuildRequest(site.Path, cold["output"], Settings: [new("CachePath", cold["cache"])]));
        Assert.Equal(coldBuild.Papers, rebuild.Papers);
        Assert.Equal(TempFolder.Snapshot(cold["output"]), TempFolder.Snapshot(site["output"]));
    }
}

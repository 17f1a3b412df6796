using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>The sources a build reads: with a build's folder entries, each folder is listed once and read as it was then.</summary>
public sealed class SourceTreeTests
{
    [Fact]
    public void TreesThatShareABuildsFolderEntriesListEachFolderOnceAndAnotherTreeListsItAnew()
    {
        using var site = new TempFolder();
        site.Write("input/papers/a.md", "a");
        site.Write("input/papers/b.md", "bb");
        var input = site["input"];
        var entries = new SourceTree.FolderEntries();
        string[] Names(SourceTree tree) =>
            [.. tree.Files(input, "*.md", recursive: true, warnings: null).Select(f => Path.GetFileName(f.Path)).Order(StringComparer.Ordinal)];

        // The up-to-date check's walk, then a file added before the build's steps list the folder again.
        var first = Names(new SourceTree(site.Path, [input], entries));
        site.Write("input/papers/c.md", "ccc");
        File.SetLastWriteTimeUtc(site["input/papers/a.md"], new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal(["a.md", "b.md"], first);
        Assert.Equal(first, Names(new SourceTree(site.Path, [input], entries)));
        var again = new SourceTree(site.Path, [input], entries).Files(site["input/papers"], "a.md", recursive: false, warnings: null).Single();
        Assert.NotEqual(2020, again.Modified.Year); // the time the first walk found
        Assert.Equal(["a.md", "b.md", "c.md"], Names(new SourceTree(site.Path, [input])));
    }
}

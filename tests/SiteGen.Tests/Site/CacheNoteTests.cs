using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>
/// A cache that cannot be taken as it is (cut short, edited, cleared, another SiteGen's; other settings or templates) is
/// never half trusted: the build says why in one note and ends with the bytes of a cold build. A cache that can be taken
/// gives no note, and neither does a first build.
/// </summary>
public sealed class CacheNoteTests
{
    private static async Task<TempFolder> BuiltSiteAsync()
    {
        var site = new TempFolder().WithEmptySite();
        site.WritePaper("one", "Diffusion Models for Fast Shape Generation");
        site.WritePaper("two", "A Second Paper");
        site.WritePaper("three", "A Third Paper on Retrieval");
        var first = await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        Assert.DoesNotContain(first.Notes, n => n.Contains("manifest", StringComparison.Ordinal));
        return site;
    }

    private static string ManifestOf(TempFolder site) => Directory.EnumerateFiles(site["cache"], "*.manifest").Single();

    /// <summary>Builds again (the up-to-date stamp removed, so the build runs) and returns its one note about the cache.</summary>
    private static async Task<string?> RebuildAsync(TempFolder site, params KeyValuePair<string, string>[] settings) =>
        (await RebuildWithSummaryAsync(site, settings)).Note;

    private static async Task<(string? Note, BuildSummary Summary)> RebuildWithSummaryAsync(TempFolder site, params KeyValuePair<string, string>[] settings)
    {
        foreach (var stamp in Directory.Exists(site["cache"]) ? Directory.EnumerateFiles(site["cache"], "*.up-to-date") : [])
        {
            File.Delete(stamp);
        }
        var summary = await SiteBuilder.BuildAsync(new BuildRequest(site.Path, Settings: settings));
        var notes = summary.Notes.Where(n => !n.Contains("no Host setting", StringComparison.Ordinal)).ToList();
        Assert.True(notes.Count <= 1, string.Join('\n', notes));
        return (notes.SingleOrDefault(), summary);
    }

    /// <summary>Builds the site's input cold into a fresh folder, checks the site's output has the same bytes, and returns the cold build's report.</summary>
    private static async Task<BuildSummary> AssertSameAsAColdBuildAsync(TempFolder site, params KeyValuePair<string, string>[] settings)
    {
        using var cold = new TempFolder();
        var summary = await SiteBuilder.BuildAsync(new BuildRequest(site.Path, cold["output"], Settings: [new("CachePath", cold["cache"]), .. settings]));
        TempFolder.AssertSameFiles(TempFolder.Snapshot(cold["output"]), TempFolder.Snapshot(site["output"]));
        return summary;
    }

    [Fact]
    public async Task AManifestCutShortIsSaidAndTheNextBuildEqualsAColdOne()
    {
        using var site = await BuiltSiteAsync();
        var manifest = ManifestOf(site);
        var text = File.ReadAllText(manifest);
        File.WriteAllText(manifest, text[..(text.Length / 2)]);
        site.WritePaper("two", "A Second Paper", body: "An edited abstract.");

        var note = await RebuildAsync(site);

        Assert.Equal($"note: {Path.GetRelativePath(site.Path, manifest)} does not read whole (cut short or edited), so every page is rendered again and compared with output", note);
        await AssertSameAsAColdBuildAsync(site);
        Assert.Null(await RebuildAsync(site));
    }

    [Theory]
    [InlineData(0.5)] // cut in the middle of a record
    [InlineData(0.0)] // emptied
    public async Task AStoreOfDocumentsCutShortIsSaidAndTheNextBuildEqualsAColdOne(double kept)
    {
        using var site = await BuiltSiteAsync();
        var store = Path.ChangeExtension(ManifestOf(site), ".documents");
        var bytes = File.ReadAllBytes(store);
        File.WriteAllBytes(store, bytes[..(int)(bytes.Length * kept)]);
        site.WritePaper("two", "A Second Paper", body: "An edited abstract.");

        var note = await RebuildAsync(site);

        Assert.Equal($"note: {Path.GetRelativePath(site.Path, store)} does not read whole (cut short or edited), so what it could not give was made again", note);
        await AssertSameAsAColdBuildAsync(site);
        Assert.Null(await RebuildAsync(site)); // written whole again
    }

    [Fact]
    public async Task AStoreOfDocumentsWithARecordEditedIsSaidAndTheNextBuildEqualsAColdOne()
    {
        using var site = await BuiltSiteAsync();
        var store = Path.ChangeExtension(ManifestOf(site), ".documents");
        var bytes = File.ReadAllBytes(store);
        // A byte of the first record's stored outputs (the file's header is 16 bytes, a record's 28), as a disk or an editor
        // might change it: what a module made of an input file, which every rebuild reads. (The last records are the list
        // pages' cards, read only for a list page rendered again.)
        bytes[16 + 28 + 4] ^= 0x01;
        File.WriteAllBytes(store, bytes);

        Assert.Contains("does not read whole", await RebuildAsync(site), StringComparison.Ordinal);
        await AssertSameAsAColdBuildAsync(site);
    }

    [Theory]
    [InlineData("garbage \u0000\u00ff not a manifest")]
    [InlineData("")]
    public async Task AManifestThatIsNotOneIsSaid(string text)
    {
        using var site = await BuiltSiteAsync();
        File.WriteAllText(ManifestOf(site), text);

        Assert.Contains("does not read whole", await RebuildAsync(site), StringComparison.Ordinal);
        await AssertSameAsAColdBuildAsync(site);
    }

    [Fact]
    public async Task AManifestOfAnotherVersionIsSaid()
    {
        using var site = await BuiltSiteAsync();
        var manifest = ManifestOf(site);
        // The format before the header: the same lines, no first line.
        File.WriteAllLines(manifest, File.ReadAllLines(manifest).Skip(1));

        Assert.Contains("was written by another version of SiteGen", await RebuildAsync(site), StringComparison.Ordinal);
        await AssertSameAsAColdBuildAsync(site);

        var lines = File.ReadAllLines(manifest);
        lines[0] = lines[0].Replace("program=", "program=f", StringComparison.Ordinal).Remove("sitegen manifest 2 program=".Length + 16, 1);
        File.WriteAllLines(manifest, lines);
        Assert.Equal("note: the last build was made by another build of SiteGen, so every page is rendered again", await RebuildAsync(site));
    }

    [Fact]
    public async Task AClearedCacheIsSaidAndNothingInTheOutputIsTakenForSiteGens()
    {
        using var site = await BuiltSiteAsync();
        Directory.Delete(site["cache"], recursive: true);
        site.Write("output/mine.txt", "a file of mine");

        Assert.Contains("is missing (a new or cleared cache)", await RebuildAsync(site), StringComparison.Ordinal);
        Assert.Equal("a file of mine", File.ReadAllText(site["output/mine.txt"]));
    }

    [Fact]
    public async Task ChangedSettingsOrTemplatesAreSaidOnceEach()
    {
        using var site = await BuiltSiteAsync();
        KeyValuePair<string, string> title = new("SiteTitle", "Other papers");

        Assert.Equal("note: the settings changed since the last build (statiq.json or --setting), so the pages that show them are rendered again",
            await RebuildAsync(site, title));
        await AssertSameAsAColdBuildAsync(site, title);
        Assert.Null(await RebuildAsync(site, title));

        File.AppendAllText(site["theme/layouts/paper.liquid"], "\n");
        Assert.Equal("note: the theme's templates changed since the last build, so the pages they make are rendered again", await RebuildAsync(site, title));
        Assert.Null(await RebuildAsync(site, title));
    }

    [Fact]
    public async Task ALinksFileCutShortIsSaidAndTheBuildAndItsLinkCheckEqualAColdOne()
    {
        using var site = await BuiltSiteAsync();
        var linksFile = Path.ChangeExtension(ManifestOf(site), ".links");
        var bytes = File.ReadAllBytes(linksFile);
        File.WriteAllBytes(linksFile, bytes[..(bytes.Length / 2)]);
        // A rebuild that keeps most pages and changes some: the kept ones' links come from their files.
        File.Delete(site["input/papers/three.md"]);

        var (note, rebuilt) = await RebuildWithSummaryAsync(site);

        Assert.Equal($"note: {Path.GetRelativePath(site.Path, linksFile)} does not read whole (cut short or edited), so the links of the pages kept from the last build are read from output",
            note);
        var cold = await AssertSameAsAColdBuildAsync(site);
        // The kept pages' links, read back from their files, count as a cold build's.
        Assert.Equal((cold.Links.Pages, cold.Links.Links, cold.Links.Broken.Length), (rebuilt.Links.Pages, rebuilt.Links.Links, rebuilt.Links.Broken.Length));
        Assert.True(rebuilt.FilesWritten < rebuilt.FilesProduced, "pages were kept, so some links were read back");
    }

    [Fact]
    public async Task VerboseShowsTheCachesFilesAndTheirTotalSize()
    {
        using var site = await BuiltSiteAsync();
        site.WritePaper("two", "A Second Paper", body: "An edited abstract.");

        var result = await Cli.SiteGenProcess.RunAsync("build", "--root", site.Path, "--verbose");

        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.StandardOutput.Split('\n'), l => l.StartsWith("  Cache: ", StringComparison.Ordinal));
        var manifest = ManifestOf(site);
        var listed = new[]
        {
            manifest, Path.ChangeExtension(manifest, ".links"), Path.ChangeExtension(manifest, ".up-to-date"), Path.ChangeExtension(manifest, ".documents"),
            Path.ChangeExtension(manifest, ".documents.index"), site["cache/theme"],
        };
        foreach (var path in listed)
        {
            Assert.Contains(Path.GetFileName(path) + " ", line, StringComparison.Ordinal);
        }
        var total = listed.Sum(p => File.Exists(p) ? new FileInfo(p).Length
            : Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length));
        Assert.StartsWith(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  Cache: {total / 1024.0:0.0} KB ("), line);
    }

    /// <summary>
    /// A site copied or moved to another folder (a CI runner's workspace, a clone) keeps its cache: its files are named by
    /// where the output is in the site, not on the disk. So an edit in the copy writes what the same edit writes in place.
    /// </summary>
    [Fact]
    public async Task ASiteCopiedElsewhereKeepsItsCache()
    {
        using var site = await BuiltSiteAsync();
        using var copy = new TempFolder();
        TempFolder.CopyFolder(site.Path, copy.Path);
        site.WritePaper("two", "A Second Paper", body: "An edited abstract.");
        copy.WritePaper("two", "A Second Paper", body: "An edited abstract.");

        var inPlace = (await RebuildWithSummaryAsync(site)).Summary;
        var (note, copied) = await RebuildWithSummaryAsync(copy);

        Assert.Null(note);
        Assert.Equal(Path.GetFileName(ManifestOf(site)), Path.GetFileName(ManifestOf(copy)));
        Assert.InRange(copied.FilesWritten, 1, copied.FilesProduced - 1);
        Assert.Equal(inPlace.FilesWritten, copied.FilesWritten);
        await AssertSameAsAColdBuildAsync(copy);
    }

    /// <summary>Two sites that share a cache folder outside both never share its files: each output has its own.</summary>
    [Fact]
    public async Task TwoSitesSharingACacheFolderOutsideThemHaveEachTheirOwnFiles()
    {
        using var shared = new TempFolder();
        using var first = new TempFolder().WithEmptySite();
        using var second = new TempFolder().WithEmptySite();
        first.WritePaper("one", "A Paper of the First Site");
        second.WritePaper("one", "A Paper of the Second Site");
        KeyValuePair<string, string>[] cache = [new("CachePath", shared["cache"])];

        await SiteBuilder.BuildAsync(new BuildRequest(first.Path, Settings: cache));
        await SiteBuilder.BuildAsync(new BuildRequest(second.Path, Settings: cache));

        Assert.Equal(2, Directory.EnumerateFiles(shared["cache"], "*.manifest").Count());
    }
}

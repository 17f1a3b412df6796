using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>
/// The output folder walked by the manifest's files: each file and each folder on the way to one, as the runtime sees
/// them (through libc on Linux, by the runtime elsewhere: the sums a build compares do not depend on which), and what
/// changes the sums and what does not.
/// </summary>
public sealed class OutputWalkTests
{
    private static readonly DateTime Time = new(2026, 12, 6, 10, 11, 12, DateTimeKind.Utc);

    [Fact]
    public void ItCountsTheManifestsFilesAndTheirFoldersAsTheRuntimeSeesThem()
    {
        using var site = new TempFolder();
        using var elsewhere = new TempFolder();
        elsewhere.Write("a.html", "a");
        elsewhere.Write("b/index.html", "b");
        var output = Directory.CreateDirectory(Path.Combine(site.Path, "output")).FullName;
        var destinations = new List<string>();
        void Write(string path, string text, DateTime time)
        {
            var full = Path.Combine(output, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
            File.SetLastWriteTimeUtc(full, time);
            destinations.Add(path);
        }
        Write("index.html", "home", Time.AddTicks(1_234_567)); // a time with a part of a second that ticks carry
        Write("empty.txt", "", Time);
        Write("papers/a-paper/index.html", "a paper", Time.AddSeconds(1));
        Write("papers/café-日本/index.html", "a name in UTF-8", Time.AddSeconds(2));
        Write($"papers/{new string('x', 200)}/index.html", "a long name", Time.AddSeconds(3));
        Write("tags/a/page/2/index.html", "deep", Time.AddSeconds(4));
        // More than a run of files, for a walk asked to hurry to spread them over threads.
        for (var i = 0; i < 700; i++)
        {
            Write($"wide/paper-{i:D3}/index.html", $"wide {i}", Time.AddSeconds(i));
        }
        // Named by the manifest but not there as files: gone, a folder, links in a file's or a folder's place, a name
        // that leaves the output folder.
        destinations.AddRange(["gone.html", "wide", "linked.html", "linked/index.html", "../outside.html"]);
        File.CreateSymbolicLink(Path.Combine(output, "linked.html"), Path.Combine(elsewhere.Path, "a.html"));
        Directory.CreateSymbolicLink(Path.Combine(output, "linked"), Path.Combine(elsewhere.Path, "b"));
        File.WriteAllText(Path.Combine(site.Path, "outside.html"), "outside");
        File.WriteAllText(Path.Combine(output, "by-hand.pdf"), "not in the manifest");

        var files = OutputWalk.Files(output, destinations);
        var folders = OutputWalk.Folders(output, destinations);

        // The runtime's view: every file of the manifest that is a file, not a link; the folder a link leads to is
        // followed on the way to a file (its own entry says it is a link, and is not counted).
        var expectedFiles = destinations.Take(706).Append("linked/index.html")
            .Select(d => new FileInfo(Path.Combine(output, d)))
            .Aggregate(default(FileSum), (sum, f) => sum.Plus(new FileSum(
                UpToDateStamp.HashOf(Path.GetRelativePath(output, f.FullName).Replace('\\', '/'), f.Length, f.LastWriteTimeUtc.Ticks), 1)));
        Assert.Equal(707UL, files.Sum.Count);
        Assert.Equal(expectedFiles, files.Sum);
        Assert.Equal(7, files.Entries[UpToDateStamp.KeyOf("papers/a-paper/index.html")].Length);
        Assert.False(files.Entries.ContainsKey(UpToDateStamp.KeyOf("linked.html")));
        // The folders: the output folder, papers, its three, tags, tags/a, tags/a/page, tags/a/page/2, wide and its 700
        // (not the link).
        string[] folderPaths = ["", "papers", "papers/a-paper", "papers/café-日本", $"papers/{new string('x', 200)}", "tags", "tags/a",
            "tags/a/page", "tags/a/page/2", "wide", .. Enumerable.Range(0, 700).Select(i => $"wide/paper-{i:D3}")];
        var expectedFolders = folderPaths.Aggregate(default(FileSum), (sum, f) => sum.Plus(new FileSum(
            UpToDateStamp.HashOf(UpToDateStamp.KeyOf(f), -1, new DirectoryInfo(Path.Combine(output, f)).LastWriteTimeUtc.Ticks), 1)));
        Assert.Equal(expectedFolders, folders.Sum);
        // The way to a file: real folders all the way, or not (the link), and nothing below a link is real either.
        Assert.True(folders.RealWay("papers/a-paper/index.html"));
        Assert.True(folders.RealWay("index.html"));
        Assert.False(folders.RealWay("linked/index.html"));
        Assert.False(OutputWalk.Folders(output, ["linked/deeper/index.html"]).RealWay("linked/deeper/index.html"));

        // Asked to hurry, the walk spreads over threads: the same sums.
        var hurry = new OutputWalk.Hurry();
        hurry.Ask();
        Assert.Equal(files.Sum, OutputWalk.Files(output, destinations, hurry).Sum);
        Assert.Equal(folders.Sum, OutputWalk.Folders(output, destinations, hurry).Sum);
    }

    [Fact]
    public void AFileOfTheManifestChangedOrAnEntryAddedOrTakenFromOneOfItsFoldersChangesASumAndAFileAddedByHandDoesNotOnceItIsThere()
    {
        using var site = new TempFolder();
        var output = Directory.CreateDirectory(Path.Combine(site.Path, "output")).FullName;
        string[] destinations = ["index.html", "papers/a/index.html", "papers/b/index.html"];
        foreach (var destination in destinations)
        {
            site.Write($"output/{destination}", destination);
            File.SetLastWriteTimeUtc(site[$"output/{destination}"], Time);
        }
        (FileSum Files, FileSum Folders) Walk() => (OutputWalk.Files(output, destinations).Sum, OutputWalk.Folders(output, destinations).Sum);
        var first = Walk();
        Assert.Equal(first, Walk());

        // A page edited where it is, to the same length, at another time: the files.
        File.WriteAllText(site["output/papers/a/index.html"], "papers/a/index.htmX");
        var edited = Walk();
        Assert.NotEqual(first.Files, edited.Files);
        Assert.Equal(first.Folders, edited.Folders);

        // A file put by hand in a folder of the manifest: that folder's time. Edited there later: nothing of SiteGen's.
        site.Write("output/papers/a/notes.pdf", "by hand");
        var added = Walk();
        Assert.Equal(edited.Files, added.Files);
        Assert.NotEqual(edited.Folders, added.Folders);
        File.WriteAllText(site["output/papers/a/notes.pdf"], "by hand, again");
        Assert.Equal(added, Walk());

        // A page deleted: both.
        File.Delete(site["output/papers/b/index.html"]);
        var deleted = Walk();
        Assert.NotEqual(added.Files, deleted.Files);
        Assert.NotEqual(added.Folders, deleted.Folders);

        // A folder replaced by a link to a copy that keeps every time: its folder is a link now.
        site.Write("copy/index.html", "papers/a/index.htmX");
        File.SetLastWriteTimeUtc(site["copy/index.html"], File.GetLastWriteTimeUtc(site["output/papers/a/index.html"]));
        Directory.Delete(site["output/papers/a"], recursive: true);
        Directory.CreateSymbolicLink(site["output/papers/a"], site["copy"]);
        Assert.NotEqual(deleted.Folders, Walk().Folders);
    }
}

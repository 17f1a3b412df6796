using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>
/// The walk of the output folder through libc on Linux counts exactly what the runtime's enumerator counts: the same
/// files, by the same paths, lengths and times, so the sums a build compares do not depend on which walk made them.
/// </summary>
public sealed class LinuxFolderWalkTests
{
    [Fact]
    public void ItSumsAFolderAsTheRuntimesWalkDoes()
    {
        using var site = new TempFolder();
        var output = Directory.CreateDirectory(Path.Combine(site.Path, "output")).FullName;
        using var elsewhere = new TempFolder();
        elsewhere.Write("a.html", "a");
        elsewhere.Write("b/c.html", "c");
        var files = 0;
        void Write(string path, string text, DateTime time)
        {
            var full = Path.Combine(output, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
            File.SetLastWriteTimeUtc(full, time);
            files++;
        }
        var time = new DateTime(2026, 12, 6, 10, 11, 12, DateTimeKind.Utc);
        Write("index.html", "home", time.AddTicks(1_234_567)); // a time with a part of a second that ticks carry
        Write("empty.txt", "", time);
        Write("papers/a-paper/index.html", "a paper", time.AddSeconds(1));
        Write("papers/café-日本/index.html", "a name in UTF-8", time.AddSeconds(2));
        Write($"papers/{new string('x', 200)}/index.html", "a long name", time.AddSeconds(3));
        Write("tags/a/page/2/index.html", "deep", time.AddSeconds(4));
        Write("tags/.sitegen-staging/index.html", "a folder named as staging, below the top: counted", time);
        // Enough entries in one folder that it takes several reads of the directory.
        for (var i = 0; i < 1500; i++)
        {
            Write($"many/file-{i:D4}-with-a-name-long-enough-to-fill-the-buffer.html", $"{i}", time.AddSeconds(i));
        }
        // Enough subfolders that a walk asked to hurry spreads them over threads, one of them with enough of its own, and a
        // link among them.
        for (var i = 0; i < 300; i++)
        {
            Write($"wide/paper-{i:D3}/index.html", $"wide {i}", time.AddSeconds(i));
        }
        for (var i = 0; i < 70; i++)
        {
            Write($"wide/paper-007/deeper-{i:D2}/page/index.html", $"deeper {i}", time.AddSeconds(i));
        }
        Directory.CreateDirectory(Path.Combine(output, "wide", "empty"));
        Directory.CreateSymbolicLink(Path.Combine(output, "wide", "linked"), Path.Combine(elsewhere.Path, "b"));
        Directory.CreateDirectory(Path.Combine(output, "empty-folder"));
        // Neither counted nor followed: links, and the staging folder at the top.
        File.CreateSymbolicLink(Path.Combine(output, "linked.html"), Path.Combine(elsewhere.Path, "a.html"));
        Directory.CreateSymbolicLink(Path.Combine(output, "papers", "linked"), Path.Combine(elsewhere.Path, "b"));
        File.CreateSymbolicLink(Path.Combine(output, "broken.html"), Path.Combine(elsewhere.Path, "missing.html"));
        Directory.CreateDirectory(Path.Combine(output, OutputFolder.StagingFolder, "new"));
        File.WriteAllText(Path.Combine(output, OutputFolder.StagingFolder, "new", "index.html"), "staged");

        var walked = LinuxFolderWalk.TrySum(output, OutputFolder.StagingFolder);

        if (!OperatingSystem.IsLinux())
        {
            Assert.Null(walked);
            return;
        }
        Assert.NotNull(walked);
        Assert.Equal((ulong)files, walked.Value.Count);
        Assert.Equal(UpToDateStamp.WalkedByRuntime(output, OutputFolder.StagingFolder), walked.Value);
        // Asked to hurry, it walks a folder's many subfolders on several threads: the same sum.
        var hurry = new LinuxFolderWalk.Hurry();
        hurry.Ask();
        Assert.Equal(walked, LinuxFolderWalk.TrySum(output, OutputFolder.StagingFolder, hurry));
        // Without the folder to leave out, the staged file counts too.
        Assert.Equal(UpToDateStamp.WalkedByRuntime(output, skip: null), LinuxFolderWalk.TrySum(output, skip: null));
        Assert.Equal((ulong)files + 1, LinuxFolderWalk.TrySum(output, skip: null)!.Value.Count);
    }

    [Fact]
    public void AFoldersEntriesAreWhatTheRuntimesEnumeratorFinds()
    {
        using var site = new TempFolder();
        using var elsewhere = new TempFolder();
        elsewhere.Write("a.md", "a");
        elsewhere.Write("b/c.md", "c");
        var time = new DateTime(2026, 12, 7, 6, 30, 0, DateTimeKind.Utc);
        site.Write("input/paper.md", "a paper");
        File.SetLastWriteTimeUtc(site["input/paper.md"], time.AddTicks(1_234_567));
        site.Write("input/.hidden.md", "hidden");
        site.Write("input/empty.md", "");
        site.Write("input/café-日本.md", "a name in UTF-8");
        site.Write("input/papers/deeper.md", "in a subfolder");
        for (var i = 0; i < 700; i++)
        {
            site.Write($"input/many/paper-{i:D3}-with-a-name-long-enough-to-take-several-reads.md", $"{i}");
        }
        var input = site["input"];
        File.CreateSymbolicLink(Path.Combine(input, "linked.md"), Path.Combine(elsewhere.Path, "a.md"));
        Directory.CreateSymbolicLink(Path.Combine(input, "linked-folder"), Path.Combine(elsewhere.Path, "b"));
        File.CreateSymbolicLink(Path.Combine(input, "broken.md"), Path.Combine(elsewhere.Path, "missing.md"));

        foreach (var folder in new[] { input, Path.Combine(input, "many") })
        {
            var entries = LinuxFolderWalk.TryEntries(folder);

            if (!OperatingSystem.IsLinux())
            {
                Assert.Null(entries);
                return;
            }
            // What the runtime's enumerator says of each: a link is known as one (and followed by its reader, so its own
            // time and length do not matter); a folder is known as one; a file by its length and time.
            var runtime = new System.IO.Enumeration.FileSystemEnumerable<(string Name, bool Link, bool Folder, DateTime Time, long Length)>(folder,
                (ref System.IO.Enumeration.FileSystemEntry e) => (e.FileName.ToString(), e.Attributes.HasFlag(FileAttributes.ReparsePoint),
                    e.IsDirectory, e.LastWriteTimeUtc.UtcDateTime, e.Length),
                new EnumerationOptions { AttributesToSkip = 0 }).ToArray();
            Assert.Equal(
                runtime.Select(e => e.Link ? (e.Name, true, false, default, 0) : e.Folder ? (e.Name, false, true, default, 0L) : e)
                    .Order().ToArray(),
                entries!.Select(e => (e.Name, e.Link, e.Folder, e.Folder || e.Link ? default : e.Time, e.Folder || e.Link ? 0 : e.Length))
                    .Order().ToArray());
        }
        Assert.Contains(LinuxFolderWalk.TryEntries(input)!, e => e.Name == "paper.md" && e.Time == time.AddTicks(1_234_567) && e.Length == 7);
        Assert.Throws<DirectoryNotFoundException>(() => LinuxFolderWalk.TryEntries(Path.Combine(input, "missing")));
        Assert.Throws<DirectoryNotFoundException>(() => LinuxFolderWalk.TryEntries(site["input/paper.md"]));
    }

    [Fact]
    public void AFolderThatIsALinkIsWalkedWhereItLeadsAsTheRuntimeWalksIt()
    {
        using var site = new TempFolder();
        site.Write("real/index.html", "home");
        site.Write("real/papers/a/index.html", "a paper");
        var link = Path.Combine(site.Path, "output");
        Directory.CreateSymbolicLink(link, Path.Combine(site.Path, "real"));

        var walked = LinuxFolderWalk.TrySum(link, skip: null);

        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(2UL, walked!.Value.Count);
            Assert.Equal(UpToDateStamp.WalkedByRuntime(link, skip: null), walked.Value);
        }
    }
}

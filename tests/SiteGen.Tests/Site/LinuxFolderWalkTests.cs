using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>
/// What SiteGen asks of folders through libc on Linux is what the runtime's enumerator finds: the same entries, and the
/// same lengths and times (the output's, <see cref="OutputWalkTests"/>).
/// </summary>
public sealed class LinuxFolderWalkTests
{
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
}

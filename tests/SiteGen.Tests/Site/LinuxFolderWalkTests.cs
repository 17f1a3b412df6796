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

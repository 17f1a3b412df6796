using SiteGen.Site;

namespace SiteGen.Tests.Site;

public sealed class OutputFolderTests
{
    [Fact]
    public void OnceEveryFileIsProducedTheManifestIsPutInOrderAndAnotherFileIsABug()
    {
        using var folder = new TempFolder();
        var manifest = folder["cache/output.manifest"];
        Directory.CreateDirectory(folder["cache"]);
        var output = new OutputFolder(folder["output"], manifest);
        output.Write("b/index.html", "b"u8);
        output.Write("a.txt", "a"u8);
        output.Write("a/index.html", "c"u8);

        output.EveryFileProduced();

        Assert.Throws<InvalidOperationException>(() => output.Write("late.txt", "x"u8));
        output.Commit();
        Assert.Equal(["a.txt", "a/index.html", "b/index.html"], ManifestFile.Read(manifest).Files.Keys);
        Assert.Equal("c", File.ReadAllText(folder["output/a/index.html"]));
        Assert.False(File.Exists(folder["output/late.txt"]));
    }

    /// <summary>
    /// Regression: a folder was remembered as made before it was, so a second pipeline writing into it at the same
    /// moment (tags/x/index.html from Tags, tags/x/feed.xml from Feeds) failed with DirectoryNotFoundException.
    /// Threads meet at a barrier before each round, then all write into one folder no one has made yet.
    /// </summary>
    [Fact]
    public void WritersIntoTheSameNewFolderAtTheSameMomentAllSucceed()
    {
        const int writers = 4;
        const int rounds = 300;
        using var folder = new TempFolder();
        var output = new OutputFolder(folder["output"]);
        using var barrier = new Barrier(writers);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();

        var threads = Enumerable.Range(0, writers).Select(w => new Thread(() =>
        {
            for (var round = 0; round < rounds; round++)
            {
                barrier.SignalAndWait();
                try
                {
                    output.Write($"r{round}/a/b/c/w{w}.txt", "x"u8);
                }
                catch (Exception e)
                {
                    failures.Enqueue(e);
                }
            }
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }
        foreach (var thread in threads)
        {
            thread.Join();
        }

        Assert.Empty(failures);
        Assert.Equal(writers * rounds, Directory.EnumerateFiles(folder["output"], "*.txt", SearchOption.AllDirectories).Count());
    }
}

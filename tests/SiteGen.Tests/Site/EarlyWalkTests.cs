using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>The walk of the output folder begun before the lock: the build's own only while no other build changed the folder.</summary>
public sealed class EarlyWalkTests
{
    [Fact]
    public async Task AWalkBegunBeforeTheLockHoldsUntilAnotherBuildWritesTheManifestOrTheStamp()
    {
        using var site = new TempFolder();
        site.Write("output/index.html", "<p>home</p>");
        site.Write("output/papers/a/index.html", "<p>a</p>");
        site.Write("output/.sitegen-staging/new/b.html", "left out");
        site.Write("output/by-hand.html", "not in the manifest");
        var manifest = site["cache/output-1.manifest"];
        Directory.CreateDirectory(site["cache"]);
        ManifestFile.Write(FileOperations.Disk, manifest, new BuildKey(1, 2, 3),
            [new("index.html", new FileStamp(1, 1, 11)), new("papers/a/index.html", new FileStamp(2, 2, 8)), new("papers/gone/index.html", new FileStamp(3, 3, 5))]);
        var stamp = UpToDateStamp.PathFor(manifest);
        File.WriteAllText(stamp, "stamp 1");

        var walk = EarlyWalk.Begin(site["output"], manifest);

        // The files the manifest names that are there, and, asked for, the folders on the way to them.
        Assert.Equal(3, (await walk.Manifest).Files.Count);
        string[] destinations = ["index.html", "papers/a/index.html", "papers/gone/index.html"];
        Assert.Equal(OutputWalk.Files(site["output"], destinations).Sum, (await walk.Files)!.Sum);
        Assert.Equal(2UL, (await walk.Files)!.Sum.Count);
        Assert.Equal((OutputWalk.Files(site["output"], destinations).Sum, OutputWalk.Folders(site["output"], destinations).Sum),
            walk.Result());
        Assert.True(walk.StillHolds());

        // Another build commits: it writes a new stamp, or a new manifest (of another length or time).
        File.WriteAllText(stamp, "stamp 2");
        Assert.False(walk.StillHolds());
        File.WriteAllText(stamp, "stamp 1");
        Assert.True(walk.StillHolds());
        File.AppendAllText(manifest, "a line more\n");
        Assert.False(walk.StillHolds());

        // A build with no stamp or manifest yet: one that appears is a build in between.
        File.Delete(stamp);
        File.Delete(manifest);
        var first = EarlyWalk.Begin(site["output"], manifest);
        Assert.True(first.StillHolds());
        File.WriteAllText(stamp, "stamp 1");
        Assert.False(first.StillHolds());
    }
}

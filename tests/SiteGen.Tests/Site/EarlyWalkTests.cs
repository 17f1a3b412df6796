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
        site.Write("cache/output-1.manifest", "manifest 1");
        var manifest = site["cache/output-1.manifest"];
        var stamp = UpToDateStamp.PathFor(manifest);
        File.WriteAllText(stamp, "stamp 1");

        var walk = EarlyWalk.Begin(site["output"], manifest);

        Assert.Equal(UpToDateStamp.FilesOf(site["output"], OutputFolder.StagingFolder), await walk.Files);
        Assert.Equal(2UL, (await walk.Files)!.Value.Count);
        Assert.True(walk.StillHolds());

        // Another build commits: it writes a new stamp, or a new manifest (of another length or time).
        File.WriteAllText(stamp, "stamp 2");
        Assert.False(walk.StillHolds());
        File.WriteAllText(stamp, "stamp 1");
        Assert.True(walk.StillHolds());
        File.WriteAllText(manifest, "manifest 2, longer");
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

using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>A build removes the cache files of other output folders that no build used for 30 days, and only those.</summary>
public sealed class StaleCachesTests
{
    private static readonly DateTime LongAgo = DateTime.UtcNow - TimeSpan.FromDays(40);

    /// <summary>A set of cache files of another output folder, last written at <paramref name="when"/>.</summary>
    private static string[] FakeSet(TempFolder site, string id, DateTime when, params string[] extensions)
    {
        var files = extensions.Select(e => site[$"cache/output-{id}{e}"]).ToArray();
        foreach (var file in files)
        {
            File.WriteAllText(file, "x");
            File.SetLastWriteTimeUtc(file, when);
        }
        return files;
    }

    [Fact]
    public async Task OnlyTheFilesOfOutputFoldersUnusedFor30DaysGoAndTheBuildSaysSo()
    {
        using var site = new TempFolder().WithEmptySite();
        site.WritePaper("one", "Diffusion Models for Fast Shape Generation");
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        var own = Directory.GetFiles(site["cache"], "output-*").Order(StringComparer.Ordinal).ToArray();
        var oldLinks = Path.ChangeExtension(own.Single(f => f.EndsWith(".manifest", StringComparison.Ordinal)), ".links.json");
        File.WriteAllText(oldLinks, "{}"); // the file of links as SiteGen wrote it before it was binary
        var stale = FakeSet(site, "0123456789abcdef", LongAgo, ".manifest", ".documents", ".documents.index", ".links", ".links.json", ".up-to-date", ".lock", ".lock.owner");
        var recent = FakeSet(site, "1111111111111111", DateTime.UtcNow - TimeSpan.FromDays(3), ".manifest", ".documents");
        var halfDone = FakeSet(site, "2222222222222222", LongAgo, ".manifest", ".journal");
        var notOurs = FakeSet(site, "not-an-id", LongAgo, ".manifest");
        site.WritePaper("two", "Reinforcement Learning from Sparse Rewards"); // so that the build runs

        var build = await SiteBuilder.BuildAsync(new BuildRequest(site.Path));

        Assert.Equal([stale[^2], stale[^1]], stale.Where(File.Exists)); // the lock files stay
        Assert.All([.. recent, .. halfDone, .. notOurs, .. own], f => Assert.True(File.Exists(f), f));
        Assert.False(File.Exists(oldLinks));
        Assert.Contains("note: removed from cache the files of 1 other output folder(s) that no build used for 30 days (their next build starts over)",
            build.Notes);
        var again = await SiteBuilder.BuildAsync(new BuildRequest(site.Path, Settings: [new("SiteTitle", "Other")]));
        Assert.DoesNotContain(again.Notes, n => n.StartsWith("note: removed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheFilesOfAFolderWhoseBuildHoldsItsLockStay()
    {
        using var site = new TempFolder().WithEmptySite();
        site.WritePaper("one", "Diffusion Models for Fast Shape Generation");
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        var stale = FakeSet(site, "0123456789abcdef", LongAgo, ".manifest", ".documents");
        using var held = await BuildLock.AcquireAsync(FileOperations.Disk, site["cache/output-0123456789abcdef.lock"], TimeSpan.Zero, null, CancellationToken.None);
        site.WritePaper("two", "Reinforcement Learning from Sparse Rewards");

        var build = await SiteBuilder.BuildAsync(new BuildRequest(site.Path));

        Assert.All(stale, f => Assert.True(File.Exists(f), f));
        Assert.DoesNotContain(build.Notes, n => n.StartsWith("note: removed", StringComparison.Ordinal));
    }

    /// <summary>
    /// The set SiteGen named by the output folder's full path, before sets were named by its place in the site, is taken
    /// over by the next build: it still knows which files it made, so the page of a paper removed since goes too.
    /// </summary>
    [Fact]
    public async Task TheSetOfTheOutputFolderUnderItsFormerNameIsTakenOver()
    {
        using var site = new TempFolder().WithEmptySite();
        site.WritePaper("one", "Diffusion Models for Fast Shape Generation");
        site.WritePaper("two", "Reinforcement Learning from Sparse Rewards");
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        var removedPage = site["output/papers/reinforcement-learning-from-sparse-rewards/index.html"];
        Assert.True(File.Exists(removedPage));
        var formerId = $"{new Fingerprint().Add(SiteFolders.RealPath(site["output"])).Value:x16}";
        foreach (var file in Directory.GetFiles(site["cache"], "output-*"))
        {
            var name = Path.GetFileName(file);
            File.Move(file, site[$"cache/output-{formerId}{name[name.IndexOf('.', StringComparison.Ordinal)..]}"]);
        }
        File.Delete(site["input/papers/two.md"]);

        var build = await SiteBuilder.BuildAsync(new BuildRequest(site.Path));

        Assert.DoesNotContain(build.Notes, n => n.Contains("manifest", StringComparison.Ordinal));
        Assert.False(File.Exists(removedPage));
        // Only the lock files stay under the former name, as they do for any other set.
        Assert.Equal([$"output-{formerId}.lock", $"output-{formerId}.lock.owner"],
            Directory.GetFiles(site["cache"], $"output-{formerId}.*").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// A first build stopped half way under the former name leaves a journal and no manifest: the next build takes the
    /// journal over too, finishes or undoes what it names, and ends as a cold build, with nothing left under that name.
    /// </summary>
    [Fact]
    public async Task AFirstBuildStoppedHalfWayUnderTheFormerNameIsTakenOverToo()
    {
        for (var n = 1; n < 500; n++)
        {
            using var site = new TempFolder().WithEmptySite();
            site.WritePaper("one", "Diffusion Models for Fast Shape Generation");
            site.WritePaper("two", "Reinforcement Learning from Sparse Rewards");
            var failing = new FailingFileOperations(n, persistent: true);
            try
            {
                await SiteBuilder.BuildAsync(new BuildRequest(site.Path, Files: failing));
            }
            catch (Exception exception) when (exception is IOException || exception.InnerException is IOException)
            {
            }
            Assert.True(failing.Failed, "no change of a first build left its journal and no manifest");
            if (!Directory.Exists(site["cache"]) || Directory.GetFiles(site["cache"], "*.journal").Length == 0
                || Directory.GetFiles(site["cache"], "*.manifest").Length > 0)
            {
                continue;
            }
            var formerId = $"{new Fingerprint().Add(SiteFolders.RealPath(site["output"])).Value:x16}";
            foreach (var file in Directory.GetFiles(site["cache"], "output-*"))
            {
                var name = Path.GetFileName(file);
                File.Move(file, site[$"cache/output-{formerId}{name[name.IndexOf('.', StringComparison.Ordinal)..]}"]);
            }

            await SiteBuilder.BuildAsync(new BuildRequest(site.Path));

            Assert.Equal([$"output-{formerId}.lock", $"output-{formerId}.lock.owner"],
                Directory.GetFiles(site["cache"], $"output-{formerId}.*").Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.Empty(Directory.GetFiles(site["cache"], "*.journal"));
            using var cold = new TempFolder();
            await SiteBuilder.BuildAsync(new BuildRequest(site.Path, cold["output"], Settings: [new("CachePath", cold["cache"])]));
            TempFolder.AssertSameFiles(TempFolder.Snapshot(cold["output"]), TempFolder.Snapshot(site["output"]));
            return;
        }
        Assert.Fail("no first build stopped half way");
    }
}

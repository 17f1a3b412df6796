using SiteGen.Engine;
using SiteGen.Site;
using Xunit.Abstractions;

namespace SiteGen.Tests.Site;

/// <summary>
/// Whatever fails on disk, and wherever (a full disk, a read-only folder, a path that turned into a folder), a failed
/// build leaves the output as the last good build left it, and the next good build ends byte for byte where a cold build
/// of the same input does, with the same report. Each test fails every change a build makes on disk in turn.
/// </summary>
public sealed class FaultInjectionTests(ITestOutputHelper log)
{
    private const string Settings = "{ \"SiteTitle\": \"Test papers\", \"Host\": \"papers.example.org\" }";

    /// <summary>A site of four papers, built: the last good build.</summary>
    private static async Task<TempFolder> BuiltSiteAsync()
    {
        var site = new TempFolder().WithEmptySite(Settings);
        site.WritePaper("one", "Diffusion Models for Fast Shape Generation", "2025-03-20");
        site.WritePaper("two", "Reinforcement Learning from Sparse Rewards", "2024-11-02");
        site.WritePaper("three", "A Survey of Continual Learning", "2023-05-14");
        site.WritePaper("four", "Graph Neural Networks at Scale", "2025-01-09");
        site.Write("input/about.md", "---\ntitle: About\n---\nAbout these papers.\n");
        await BuildAsync(site);
        return site;
    }

    /// <summary>What the failing build is asked to make: a paper retitled, one removed, one added, a page edited.</summary>
    private static void Edit(TempFolder site)
    {
        site.WritePaper("one", "Diffusion Models for Faster Shape Generation", "2025-03-20");
        File.Delete(site["input/papers/two.md"]);
        site.WritePaper("five", "Language Models as Tag Matchers", "2025-06-30");
        site.Write("input/about.md", "---\ntitle: About\n---\nAbout these papers, and how they are chosen.\n");
    }

    private static Task<BuildSummary> BuildAsync(TempFolder site, FileOperations? files = null) =>
        SiteBuilder.BuildAsync(new BuildRequest(site.Path, Files: files));

    [Theory]
    [InlineData(false)] // the one change fails (a file that could not be written); what follows works, undoing included
    [InlineData(true)]  // the disk is full from that change on: the undo fails too, and the journal tells the next build
    public async Task AFailureOfAnyChangeOnDiskLeavesTheLastOutputAndTheNextBuildEndsAsAColdBuild(bool persistent)
    {
        using var cold = await BuiltSiteAsync();
        Edit(cold);
        Directory.Delete(cold["output"], recursive: true);
        Directory.Delete(cold["cache"], recursive: true);
        var expectedReport = Report(await BuildAsync(cold));
        var expected = TempFolder.Snapshot(cold["output"]);

        int changes;
        using (var site = await BuiltSiteAsync())
        {
            Edit(site);
            var counting = new FailingFileOperations();
            await BuildAsync(site, counting);
            changes = counting.Count;
        }
        log.WriteLine($"the build makes {changes} changes on disk");
        Assert.InRange(changes, 10, 1000);

        var failedBuilds = 0;
        for (var n = 1; n <= changes; n++)
        {
            using var site = await BuiltSiteAsync();
            var before = TempFolder.Snapshot(site["output"]);
            Edit(site);
            var failing = new FailingFileOperations(n, persistent);
            try
            {
                var built = await BuildAsync(site, failing);
                Assert.True(failing.Failed || n > failing.Count, $"change {n}");
                // Once the new files are in, a failure costs at most the staging folder, which the build warns of.
                var leftOver = built.Warnings.Any(w => w.Contains(OutputFolder.StagingFolder, StringComparison.Ordinal));
                AssertSame(expected, site, $"a build that succeeded although change {n} failed", ignoreStaging: leftOver);
            }
            catch (Exception exception) when (IsDiskFailure(exception))
            {
                failedBuilds++;
                if (!persistent)
                {
                    AssertSame(before, site, $"a build that failed at change {n}");
                }
            }

            var next = await BuildAsync(site);
            AssertSame(expected, site, $"the build after a failure at change {n}");
            Assert.Equal(expectedReport, Report(next));
        }
        log.WriteLine($"{failedBuilds} of {changes} builds failed");
        Assert.True(failedBuilds > changes / 2, "most changes are the build's own: failing them fails the build");
    }

    private static void AssertSame(SortedDictionary<string, byte[]> expected, TempFolder site, string when, bool ignoreStaging = false)
    {
        var actual = TempFolder.Snapshot(site["output"]);
        if (ignoreStaging)
        {
            actual = new(actual.Where(f => !f.Key.StartsWith(OutputFolder.StagingFolder + "/", StringComparison.Ordinal)).ToDictionary(), StringComparer.Ordinal);
        }
        Assert.True(expected.Keys.SequenceEqual(actual.Keys),
            $"{when}: files differ: {string.Join(", ", expected.Keys.Except(actual.Keys).Select(k => "-" + k).Concat(actual.Keys.Except(expected.Keys).Select(k => "+" + k)))}");
        foreach (var (file, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[file]), $"{when}: {file} differs");
        }
    }

    private static bool IsDiskFailure(Exception exception) =>
        exception is IOException || exception is PipelineFailedException { InnerException: IOException };

    private static (int Papers, int Files, string Warnings) Report(BuildSummary summary) =>
        (summary.Papers, summary.FilesProduced, string.Join('\n', summary.Warnings));
}

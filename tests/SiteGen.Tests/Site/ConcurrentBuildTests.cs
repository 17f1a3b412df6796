using System.Diagnostics;
using SiteGen.Site;
using SiteGen.Tests.Cli;
using Xunit.Abstractions;

namespace SiteGen.Tests.Site;

/// <summary>
/// Builds as real processes: killed at any moment, or two of them at once on one site, the next build still ends
/// byte for byte where a cold build of the same input does.
/// </summary>
public sealed class ConcurrentBuildTests(ITestOutputHelper log)
{
    /// <summary>A site of <paramref name="papers"/> hand-written papers, large enough that a build takes a second or two.</summary>
    private static TempFolder SiteOf(int papers, int variant = 0)
    {
        var site = new TempFolder().WithEmptySite("{ \"SiteTitle\": \"Test papers\", \"Host\": \"papers.example.org\" }");
        WritePapers(site, papers, variant);
        return site;
    }

    /// <summary>
    /// Papers 0..count-1; a later variant retitles every third paper, leaves out every fifth and adds some: an edit that
    /// makes a build write, replace and remove many files.
    /// </summary>
    private static void WritePapers(TempFolder site, int count, int variant)
    {
        if (Directory.Exists(site["input/papers"]))
        {
            Directory.Delete(site["input/papers"], recursive: true);
        }
        for (var i = 0; i < count + variant * 20; i++)
        {
            if (variant > 0 && i % 5 == 0)
            {
                continue;
            }
            var topic = (i % 4) switch { 0 => "diffusion models", 1 => "reinforcement learning", 2 => "continual learning", _ => "graph neural networks" };
            var title = variant > 0 && i % 3 == 0 ? $"Revised Study {i} of {topic}" : $"Study {i} of {topic}";
            site.WritePaper($"p{i:D4}", title, $"{2020 + i % 6}-{1 + i % 12:D2}-{1 + i % 28:D2}", $"We study {topic} in setting {i}.");
        }
    }

    private static async Task<SortedDictionary<string, byte[]>> ColdBuildAsync(int papers, int variant)
    {
        using var cold = SiteOf(papers, variant);
        await SiteBuilder.BuildAsync(new BuildRequest(cold.Path));
        return TempFolder.Snapshot(cold["output"]);
    }

    [Fact]
    public async Task ABuildKilledAtAnyMomentLeavesWhatTheNextBuildMakesIntoAColdBuild()
    {
        const int Papers = 400;
        var expected = await ColdBuildAsync(Papers, variant: 1);
        using var site = SiteOf(Papers);
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        WritePapers(site, Papers, variant: 1);

        // How long the whole build takes as a process, so that the kills fall all along it.
        TimeSpan whole;
        using (var copy = SiteOf(Papers))
        {
            await SiteBuilder.BuildAsync(new BuildRequest(copy.Path));
            WritePapers(copy, Papers, variant: 1);
            var timed = Stopwatch.StartNew();
            Assert.Equal(0, (await SiteGenProcess.RunAsync("build", "--root", copy.Path)).ExitCode);
            whole = timed.Elapsed;
        }
        log.WriteLine($"a build from the command line takes {whole.TotalSeconds:0.00} s");

        var random = new Random(20261204);
        for (var round = 0; round < 12; round++)
        {
            // From the start of the engine to past the end: most of a build is the process starting and rendering.
            var delay = whole * (0.3 + 0.75 * random.NextDouble());
            using (var build = SiteGenProcess.Start("build", "--root", site.Path))
            {
                await Task.Delay(delay);
                var killedIt = !build.HasExited;
                build.Kill(entireProcessTree: true);
                await build.WaitForExitAsync();
                log.WriteLine($"round {round}: {(killedIt ? "killed" : "ended before the kill")} after {delay.TotalSeconds:0.00} s; " +
                    $"journal left: {Directory.EnumerateFiles(site["cache"], "*.journal").Any()}, staging left: {Directory.Exists(site["output/" + OutputFolder.StagingFolder])}");
            }
            // Every other round the input goes back, so that each kill interrupts a build with work to do.
            WritePapers(site, Papers, variant: round % 2 == 0 ? 2 : 1);
            await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
            WritePapers(site, Papers, variant: 1);
        }
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        TempFolder.AssertSameFiles(expected, TempFolder.Snapshot(site["output"]));
    }

    [Fact]
    public async Task TwoBuildsStartedTogetherEndAsOneColdBuild()
    {
        const int Papers = 300;
        var expected = await ColdBuildAsync(Papers, variant: 1);
        using var site = SiteOf(Papers);
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        WritePapers(site, Papers, variant: 1);

        var first = SiteGenProcess.RunAsync("build", "--root", site.Path);
        var second = SiteGenProcess.RunAsync("build", "--root", site.Path);
        var results = await Task.WhenAll(first, second);

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.StandardError));
        log.WriteLine(string.Join("\n---\n", results.Select(r => r.StandardError + r.StandardOutput)));
        TempFolder.AssertSameFiles(expected, TempFolder.Snapshot(site["output"]));
    }

    [Fact]
    public async Task ABuildWaitsForTheOneThatHoldsTheLockAndFailsAfterTheTimeoutNamingIt()
    {
        using var site = SiteOf(3);
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        var lockPath = Assert.Single(Directory.EnumerateFiles(site["cache"], "*.lock"));
        var before = TempFolder.Snapshot(site["output"]);
        site.WritePaper("new", "A Paper That Waits");

        // This process holds the lock as a build would.
        using (new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            File.WriteAllText(lockPath + ".owner", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var waited = await SiteGenProcess.RunAsync("build", "--root", site.Path, "--lock-timeout", "1s");

            Assert.Equal(1, waited.ExitCode);
            var lines = waited.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            Assert.StartsWith($"waiting for the build of pid {Environment.ProcessId} to finish", lines[0]);
            Assert.Contains($"another build (pid {Environment.ProcessId}) still holds", lines[1]);
            TempFolder.AssertSameFiles(before, TempFolder.Snapshot(site["output"]));
        }

        // Let go (as a killed build's lock is, by the system): the next build runs.
        var after = await SiteGenProcess.RunAsync("build", "--root", site.Path, "--lock-timeout", "1s");
        Assert.Equal(0, after.ExitCode);
        Assert.True(File.Exists(site["output/papers/a-paper-that-waits/index.html"]));
    }
}

using SiteGen.Tests.Site;

namespace SiteGen.Tests.Cli;

/// <summary>The program as a user runs it: exit codes, one-line errors, no stack traces, output kept on failure.</summary>
public sealed class CommandLineTests
{
    private const string StackTraceMarker = "   at ";

    [Fact]
    public async Task BuildsTheSiteAndPrintsASummaryWithPipelineTimes()
    {
        using var site = new TempFolder().WithDefaultSite();
        var result = await SiteGenProcess.RunAsync("build", "--root", site.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"Built \d+ papers into .*output/: \d+ files", result.StandardOutput);
        Assert.Contains("Papers ", result.StandardOutput);
        Assert.Contains(" ms", result.StandardOutput);
        Assert.True(File.Exists(site["output/index.html"]));
    }

    /// <summary>Running out of memory is the machine's limit, not a bug: one line, where it happened, and what to do.</summary>
    [Fact]
    public void RunningOutOfMemoryIsOneLineNamingWhereAndExitOne()
    {
#pragma warning disable CA2201 // the test throws what the runtime throws when the heap is full
        var failure = new SiteGen.Engine.PipelineFailedException("Papers", SiteGen.Engine.Phase.Output, "WriteFiles", new OutOfMemoryException());

        var (exitCode, message) = SiteGen.Cli.CommandLine.Describe(failure);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            "error: SiteGen ran out of memory (pipeline Papers, module WriteFiles); nothing was written. A build holds about 20 KB a paper: "
            + "run it with more memory, or raise DOTNET_GCHeapHardLimit if it is set",
            message);
        Assert.DoesNotContain(StackTraceMarker, SiteGen.Cli.CommandLine.Describe(new OutOfMemoryException()).Message);
#pragma warning restore CA2201
    }

    [Fact]
    public async Task VerboseAlsoSaysWhatMemoryTheBuildTookAndWhatTheCollectorDid()
    {
        using var site = new TempFolder().WithDefaultSite();
        var quiet = await SiteGenProcess.RunAsync("build", "--root", site.Path);
        site.WritePaper("verbose", "A Paper To Build Again");
        var verbose = await SiteGenProcess.RunAsync("build", "--root", site.Path, "--verbose");

        Assert.Equal((0, 0), (quiet.ExitCode, verbose.ExitCode));
        Assert.DoesNotContain("Memory:", quiet.StandardOutput, StringComparison.Ordinal);
        var line = Assert.Single(verbose.StandardOutput.Split('\n'), l => l.StartsWith("  Memory: ", StringComparison.Ordinal));
        // A small site's rebuild is too small to hold off the collector, so the line says nothing of a hold.
        var match = System.Text.RegularExpressions.Regex.Match(line,
            @"^  Memory: peak (\d+\.\d) MB, (\d+\.\d) MB allocated; collections (\d+) / (\d+) / (\d+) \(gen0 / gen1 / gen2\), paused (\d+) ms$");
        Assert.True(match.Success, line);
        double Figure(int group) => double.Parse(match.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(Figure(1), 1, 100_000); // a process that read a site holds more than a megabyte
        Assert.InRange(Figure(2), 1, 100_000);
        Assert.True(Figure(3) >= Figure(4) && Figure(4) >= Figure(5), $"every gen1 collection is also counted in gen0, and so on: {line}");
    }

    [Fact]
    public async Task BrokenFrontMatterFailsWithFileLineAndColumnAndLeavesThePreviousOutputAsItWas()
    {
        using var site = new TempFolder().WithDefaultSite();
        Assert.Equal(0, (await SiteGenProcess.RunAsync("build", "--root", site.Path)).ExitCode);
        var before = TempFolder.Snapshot(site["output"]);

        site.Write("input/papers/x.md", "---\ntitle: \"An unclosed title\nauthor_count: 3\n---\nBody.\n");
        var result = await SiteGenProcess.RunAsync("build", "--root", site.Path);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^input/papers/x\.md:\d+:\d+: error: .+", line);
        Assert.DoesNotContain(StackTraceMarker, result.StandardError);
        Assert.Equal(before, TempFolder.Snapshot(site["output"]));
    }

    [Fact]
    public async Task WarningsFailAStrictBuildAndWriteNothing()
    {
        using var site = new TempFolder().WithDefaultSite();
        site.Write("input/listings/zz.txt", "A Paper Without Its Year\n\nAn abstract of the paper.\n\n  • 2 authors\n·\nMar 3\n");
        var result = await SiteGenProcess.RunAsync("build", "--root", site.Path, "--strict");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("input/listings/zz.txt:", result.StandardError);
        Assert.Contains("warning:", result.StandardError);
        Assert.False(Directory.Exists(site["output"]));
    }

    [Theory]
    [InlineData("build", "--no-such-option")]
    [InlineData("no-such-command")]
    [InlineData("build", "--setting", "NoEquals")]
    [InlineData("build", "--setting", "NoSuchKey=1")]
    [InlineData("build", "--setting", "ArchivePageSize=zero")]
    public async Task MisuseOfTheCommandLineExitsWithTwoAndNoStackTrace(params string[] args)
    {
        using var site = new TempFolder().WithDefaultSite();
        var result = await SiteGenProcess.RunAsync([.. args, "--root", site.Path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error:", result.StandardError);
        Assert.DoesNotContain(StackTraceMarker, result.StandardError);
    }

    [Fact]
    public async Task AnOutputFolderThatHoldsTheSourcesIsRefused()
    {
        using var site = new TempFolder().WithDefaultSite();
        var result = await SiteGenProcess.RunAsync("build", "--root", site.Path, "--output", site["input"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("overlaps", result.StandardError);
    }

    [Fact]
    public async Task HelpExplainsTheBuildOptions()
    {
        var result = await SiteGenProcess.RunAsync("build", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--root", "--output", "--strict", "--setting", "--verbose" })
        {
            Assert.Contains(option, result.StandardOutput);
        }
    }
}

using SiteGen.Fetch;
using SiteGen.Site;
using SiteGen.Tests.Cli;
using SiteGen.Tests.Site;
using static SiteGen.Tests.Fetch.ReplayServer;

namespace SiteGen.Tests.Fetch;

/// <summary>
/// <c>sitegen fetch</c> against a local server that replays real saved answers of the API: the bytes land as served, the
/// next build reads them; 429s and 5xx are tried again, honouring Retry-After; a slow, cut-off or HTML answer fails naming
/// the URL and leaves no file; a day without papers writes nothing; what was fetched before is kept unless --force.
/// </summary>
public sealed class FetchTests
{
    private static readonly string Api = Path.Combine(TestPaths.RepositoryRoot, "tests/SiteGen.Tests/Captures/Corpus/api");

    private static byte[] Saved(string name) => File.ReadAllBytes(Path.Combine(Api, name));

    private static FetchOptions Options(TempFolder site, ReplayServer server) =>
        new(site["input/listings/hf"], server.Address) { RetryDelay = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(5) };

    private static Task<FetchReport> FetchAsync(FetchOptions options, params FetchTarget[] targets) =>
        new ApiFetcher(new HttpClient(), options).RunAsync(targets, (_, _) => { }, CancellationToken.None);

    [Fact]
    public async Task ADayIsSavedAsServedAndTheNextBuildReadsIt()
    {
        await using var server = await StartAsync();
        server.Script("/api/daily_papers?date=2025-06-09", Json(Saved("daily_papers-2025-06-09.json")));
        using var site = new TempFolder().WithEmptySite();

        var result = await SiteGenProcess.RunAsync("fetch", "--root", site.Path, "--date", "2025-06-09", "--api-base", server.Address.ToString());

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal(Saved("daily_papers-2025-06-09.json"), File.ReadAllBytes(site["input/listings/hf/daily_papers-2025-06-09.json"]));
        Assert.Contains("2025-06-09: wrote daily_papers-2025-06-09.json", result.StandardOutput);
        var built = await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        Assert.Equal(5, built.Papers);
        Assert.True(File.Exists(site["output/papers/2505.21115/index.html"]));
    }

    [Fact]
    public async Task TooManyRequestsAndServerErrorsAreTriedAgainHonouringRetryAfter()
    {
        await using var server = await StartAsync();
        server.Script("/api/daily_papers?date=2025-06-09", Status(429, retryAfter: 1), Status(500), Status(503), Json(Saved("daily_papers-2025-06-09.json")));
        using var site = new TempFolder();
        var started = DateTime.UtcNow;

        var report = await FetchAsync(Options(site, server), FetchTarget.Day(new DateOnly(2025, 6, 9)));

        Assert.Equal(1, report.Count(FetchOutcome.Written));
        Assert.Equal(4, server.Requests.Count);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(1), "the pause the 429 asked for");
    }

    public static TheoryData<string> Failures => new() { "slow", "cut off", "html", "not papers", "not found", "always 500" };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task AnAnswerThatIsNotTheApisFailsNamingTheUrlAndLeavesNoFile(string failure)
    {
        await using var server = await StartAsync();
        var day = Saved("daily_papers-2025-06-09.json");
        server.Script("/api/daily_papers?date=2025-06-09", failure switch
        {
            "slow" => new Answer(200, day, Delay: TimeSpan.FromSeconds(3)),
            "cut off" => Json(day[..(day.Length / 2)]),
            "html" => new Answer(200, "<!doctype html><title>Sign in</title>"u8.ToArray(), ContentType: "text/html"),
            "not papers" => Json("{\"error\":\"rate limited\"}"u8.ToArray()),
            "not found" => Status(404),
            _ => Status(500),
        });
        using var site = new TempFolder();

        // Only the slow answer is held to half a second: under the test suite's load the local server has taken longer than
        // that to answer at all, and the 500 came out as "no answer within 0.5 s".
        var timeout = failure == "slow" ? TimeSpan.FromMilliseconds(500) : TimeSpan.FromSeconds(10);
        var thrown = await Assert.ThrowsAsync<FetchFailedException>(() =>
            FetchAsync(Options(site, server) with { Timeout = timeout, Attempts = 2 }, FetchTarget.Day(new DateOnly(2025, 6, 9))));

        var line = Assert.Single(thrown.Lines);
        Assert.StartsWith($"error: {server.Address}api/daily_papers?date=2025-06-09: ", line);
        Assert.Contains(failure switch
        {
            "slow" => "no answer within 0.5 s",
            "cut off" => "not whole JSON",
            "html" => "HTML",
            "not papers" => "not a list of papers",
            "not found" => "404",
            _ => "500",
        }, line);
        Assert.Empty(Directory.Exists(site["input/listings/hf"]) ? Directory.EnumerateFileSystemEntries(site["input/listings/hf"]) : []);
    }

    [Fact]
    public async Task ADayWithoutPapersWritesNothingAndSaysSo()
    {
        await using var server = await StartAsync();
        server.Script("/api/daily_papers?date=2025-06-07", Json("[]"u8.ToArray()));
        using var site = new TempFolder();

        var report = await FetchAsync(Options(site, server), FetchTarget.Day(new DateOnly(2025, 6, 7)));

        var result = Assert.Single(report.Results);
        Assert.Equal(FetchOutcome.Empty, result.Outcome);
        Assert.Contains("no papers that day", result.Message);
        Assert.False(File.Exists(site["input/listings/hf/daily_papers-2025-06-07.json"]));
    }

    [Fact]
    public async Task WhatWasFetchedIsKeptUnlessForcedAndARangeAsksAtMostTwoAtATime()
    {
        await using var server = await StartAsync();
        var days = Enumerable.Range(1, 6).Select(d => new DateOnly(2025, 6, 1).AddDays(d)).ToArray();
        foreach (var day in days)
        {
            server.Script($"/api/daily_papers?date={day:yyyy-MM-dd}", new Answer(200, Saved("daily_papers-2025-06-09.json"), Delay: TimeSpan.FromMilliseconds(150)));
        }
        using var site = new TempFolder();
        var targets = days.Select(FetchTarget.Day).ToArray();

        var first = await FetchAsync(Options(site, server), targets);
        var again = await FetchAsync(Options(site, server), targets);
        var forced = await FetchAsync(Options(site, server) with { Force = true }, targets[..1]);

        Assert.Equal(6, first.Count(FetchOutcome.Written));
        Assert.Equal(6, again.Count(FetchOutcome.Kept));
        Assert.Equal(1, forced.Count(FetchOutcome.Written));
        Assert.Equal(7, server.Requests.Count);
        Assert.Equal(2, server.MostAtOnce);
    }

    [Fact]
    public async Task APaperAndASearchAreSavedByWhatTheyHold()
    {
        await using var server = await StartAsync();
        // The API's /api/papers/{id} answers the paper object an item of a daily list holds: this one's, from the corpus.
        using var item = System.Text.Json.JsonDocument.Parse(Saved("daily_papers-2025-03-21-vecset.json"));
        var paper = System.Text.Encoding.UTF8.GetBytes(item.RootElement[0].GetProperty("paper").GetRawText());
        server.Script("/api/papers/2503.16302", Json(paper));
        server.Script("/api/papers/search?q=long-context%20ASR", Json(Saved("daily_papers-2025-09-15.json")));
        using var site = new TempFolder();

        await FetchAsync(Options(site, server), FetchTarget.Paper("2503.16302"), FetchTarget.Search("long-context ASR"));

        Assert.Equal(paper, File.ReadAllBytes(site["input/listings/hf/paper-2503.16302.json"]));
        Assert.True(File.Exists(site["input/listings/hf/search-long-context-asr.json"]));
    }
}

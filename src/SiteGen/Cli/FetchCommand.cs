using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using SiteGen.Diagnostics;
using SiteGen.Fetch;
using SiteGen.Settings;
using SiteGen.Site;

namespace SiteGen.Cli;

/// <summary>
/// <c>sitegen fetch</c>: the one command that uses the network. Downloads the Hugging Face API's JSON of a day, a range of
/// days, an ISO week, a month, a paper or a search into <c>input/listings/hf/</c>, one file per day or query, for the next
/// build (which never goes online) to read.
/// </summary>
internal static partial class FetchCommand
{
    /// <summary>More days than this in one fetch is surely a mistyped range.</summary>
    private const int MaxDays = 400;

    public static Command Create()
    {
        var root = BuildCommand.RootOption();
        var date = new Option<string?>("--date") { Description = "One day's papers: --date 2025-06-09.", HelpName = "yyyy-mm-dd" };
        var from = new Option<string?>("--from") { Description = "The first day of a range (with --to).", HelpName = "yyyy-mm-dd" };
        var to = new Option<string?>("--to") { Description = "The last day of a range (with --from).", HelpName = "yyyy-mm-dd" };
        var week = new Option<string?>("--week") { Description = "The days of an ISO week: --week 2026-W38.", HelpName = "yyyy-Www" };
        var month = new Option<string?>("--month") { Description = "The days of a month: --month 2026-09.", HelpName = "yyyy-mm" };
        var paper = new Option<string[]>("--paper")
        {
            Description = "One paper, by its arXiv id: --paper 2405.07960. Repeatable.",
            HelpName = "id",
            Arity = ArgumentArity.OneOrMore,
        };
        var search = new Option<string?>("--search") { Description = "The papers a search finds: --search \"long-context ASR\".", HelpName = "text" };
        var apiBase = new Option<string>("--api-base")
        {
            Description = "Where the API is (a mirror, or a test server).",
            DefaultValueFactory = _ => FetchOptions.DefaultApiBase.ToString(),
            HelpName = "url",
        };
        var force = new Option<bool>("--force", "-f") { Description = "Fetch again what was fetched before (by default a file already there is kept)." };
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds to wait for one answer before trying again (default 30).",
            DefaultValueFactory = _ => 30,
            HelpName = "seconds",
        };
        var command = new Command("fetch", "Download the Hugging Face API's papers of a day, a week, a month, a paper or a search into input/listings/hf/.")
        {
            root, date, from, to, week, month, paper, search, apiBase, force, timeout,
        };
        command.SetAction((parse, cancellation) => RunAsync(
            parse.GetValue(root)!,
            Targets(parse.GetValue(date), parse.GetValue(from), parse.GetValue(to), parse.GetValue(week), parse.GetValue(month),
                parse.GetValue(paper) ?? [], parse.GetValue(search)),
            ApiBase(parse.GetValue(apiBase)!),
            parse.GetValue(force),
            parse.GetValue(timeout),
            cancellation));
        return command;
    }

    private static async Task<int> RunAsync(string root, IReadOnlyList<FetchTarget> targets, Uri apiBase, bool force, int timeout,
        CancellationToken cancellation)
    {
        if (timeout is < 1 or > 600)
        {
            throw new UsageException($"--timeout {timeout} is out of range; give seconds from 1 to 600, e.g. --timeout 30");
        }
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
        {
            throw new UsageException($"the site folder '{root}' does not exist; pass --root with the folder that holds statiq.json and input/");
        }
        var settings = SettingsLoader.Load(full, [], SiteBuilder.ReadEnvironment(), []);
        var folder = Path.Combine(Path.GetFullPath(settings.InputPaths[0], full), "listings", "hf");
        using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All })
        {
            Timeout = Timeout.InfiniteTimeSpan, // each try has its own
        };
        client.DefaultRequestHeaders.UserAgent.ParseAdd($"SiteGen/{Version} (static site generator; sitegen fetch)");
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        var fetcher = new ApiFetcher(client, new FetchOptions(folder, apiBase) { Force = force, Timeout = TimeSpan.FromSeconds(timeout) });
        var done = 0;
        var interactive = !Console.IsErrorRedirected && Ci.IsRunning is false;
        var report = await fetcher.RunAsync(targets, (target, message) =>
        {
            var count = Interlocked.Increment(ref done);
            lock (targets)
            {
                if (interactive)
                {
                    Console.Error.Write($"\r\u001b[2K  fetching… {count}/{targets.Count}");
                }
                if (!message.StartsWith("error:", StringComparison.Ordinal))
                {
                    if (interactive)
                    {
                        Console.Error.Write("\r\u001b[2K");
                    }
                    Console.WriteLine("  " + message);
                }
            }
        }, cancellation).ConfigureAwait(false);
        if (interactive)
        {
            Console.Error.Write("\r\u001b[2K");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Fetched into {Path.GetRelativePath(Environment.CurrentDirectory, folder)}/: {report.Count(FetchOutcome.Written)} written, {report.Count(FetchOutcome.Kept)} kept, {report.Count(FetchOutcome.Empty)} without papers."));
        return ExitCodes.Success;
    }

    /// <summary>What the options ask for: exactly one of a day, a range, a week, a month, papers or a search.</summary>
    internal static IReadOnlyList<FetchTarget> Targets(string? date, string? from, string? to, string? week, string? month, string[] papers, string? search)
    {
        var asked = new[] { date is not null, from is not null || to is not null, week is not null, month is not null, papers.Length > 0, search is not null };
        if (asked.Count(a => a) != 1)
        {
            throw new UsageException("say what to fetch with one of --date, --from and --to, --week, --month, --paper or --search; e.g. sitegen fetch --date 2025-06-09");
        }
        if (date is not null)
        {
            return [FetchTarget.Day(Day(date, "--date"))];
        }
        if (from is not null || to is not null)
        {
            if (from is null || to is null)
            {
                throw new UsageException("a range needs both --from and --to, e.g. --from 2025-06-01 --to 2025-06-30");
            }
            return Days(Day(from, "--from"), Day(to, "--to"));
        }
        if (week is not null)
        {
            var match = Week().Match(week);
            var (year, number) = match.Success
                ? (int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture))
                : (0, 0);
            // Year 0 is no year ISOWeek knows (it throws): the same mistake as week 0.
            if (year < 1 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
            {
                throw new UsageException($"--week '{week}' is not an ISO week; write it as 2026-W38");
            }
            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, number, DayOfWeek.Monday));
            return Days(monday, monday.AddDays(6));
        }
        if (month is not null)
        {
            if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            {
                throw new UsageException($"--month '{month}' is not a month; write it as 2026-09");
            }
            return Days(first, first.AddMonths(1).AddDays(-1));
        }
        if (papers.Length > 0)
        {
            foreach (var id in papers.Where(id => !Papers.ArxivId.IsValid(id)))
            {
                throw new UsageException($"--paper '{id}' is not an arXiv id; write it as --paper 2405.07960");
            }
            return [.. papers.Distinct(StringComparer.Ordinal).Select(FetchTarget.Paper)];
        }
        return string.IsNullOrWhiteSpace(search)
            ? throw new UsageException("--search needs the text to search for, e.g. --search \"long-context ASR\"")
            : [FetchTarget.Search(search.Trim())];
    }

    private static List<FetchTarget> Days(DateOnly first, DateOnly last)
    {
        if (last < first || last.DayNumber - first.DayNumber >= MaxDays)
        {
            throw new UsageException($"--from {first:yyyy-MM-dd} --to {last:yyyy-MM-dd} is not a range of 1 to {MaxDays} days; check the dates");
        }
        return [.. Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(d => FetchTarget.Day(first.AddDays(d)))];
    }

    private static DateOnly Day(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new UsageException($"{option} '{text}' is not a date; write it as 2025-06-09");

    private static Uri ApiBase(string text) =>
        Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new UsageException($"--api-base '{text}' is not an http(s) URL; e.g. --api-base https://huggingface.co");

    private static string Version => typeof(FetchCommand).Assembly.GetName().Version?.ToString(3) ?? "0";

    [GeneratedRegex(@"^(\d{4})-W(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Week();
}

using System.Globalization;
using System.Text;

namespace SiteGen.Benchmarks.Summary;

/// <summary>
/// <c>summarize raw.tsv</c>: the Markdown table of run.sh's runs, one row per size, scenario and tool: median wall
/// time over the runs that succeeded, their range, CPU time, peak RSS, files, and SiteGen's median over Hugo's: the
/// repository's Hugo site (<c>hugo</c>, SiteGen's page set) and the lean one (<c>hugo-lean</c>, about half the pages).
/// </summary>
internal static class SummarizeCommand
{
    private static readonly string[] ScenarioOrder = ["cold", "rebuild-nochange", "rebuild-1file", "add-day"];
    private static readonly string[] ToolOrder = ["sitegen", "hugo", "hugo-lean"];

    public static int Run(IReadOnlyList<string> args)
    {
        if (args.Count != 1 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: summarize RAW.tsv   (the raw.tsv that run.sh writes)");
            return 2;
        }
        Console.Write(Table(RunRecord.ReadAll(args[0])));
        return 0;
    }

    public static string Table(IReadOnlyList<RunRecord> runs)
    {
        var text = new StringBuilder();
        text.Append("| N | scenario | tool | runs ok | median wall s | min–max s | CPU s (user+sys) | peak RSS MB | files in output | files written | SiteGen/Hugo wall | SiteGen/Hugo RSS | SiteGen/lean Hugo wall | SiteGen/lean Hugo RSS | notes |\n");
        text.Append("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        var groups = runs
            .GroupBy(r => (r.N, r.Scenario, r.Tool))
            .OrderBy(g => g.Key.N)
            .ThenBy(g => Rank(ScenarioOrder, g.Key.Scenario)).ThenBy(g => g.Key.Scenario, StringComparer.Ordinal)
            .ThenBy(g => Rank(ToolOrder, g.Key.Tool)).ThenBy(g => g.Key.Tool, StringComparer.Ordinal);
        var lookup = runs.ToLookup(r => (r.N, r.Scenario, r.Tool));
        foreach (var group in groups)
        {
            var (n, scenario, tool) = group.Key;
            var all = group.ToArray();
            var ok = all.Where(r => r.ExitCode == 0).ToArray();
            var (wallRatio, rssRatio) = tool == "sitegen" ? Ratios(ok, lookup[(n, scenario, "hugo")]) : ("", "");
            var (leanWallRatio, leanRssRatio) = tool == "sitegen" ? Ratios(ok, lookup[(n, scenario, "hugo-lean")]) : ("", "");
            text.Append(CultureInfo.InvariantCulture, $"| {n} | {scenario} | {tool} | {ok.Length}/{all.Length} | ");
            if (ok.Length == 0)
            {
                text.Append("— | — | — | — | — | — | | | | | ");
            }
            else
            {
                text.Append(Format(Median(ok.Select(r => r.WallSeconds)), "0.00")).Append(" | ");
                text.Append(Format(ok.Min(r => r.WallSeconds), "0.00")).Append('–').Append(Format(ok.Max(r => r.WallSeconds), "0.00")).Append(" | ");
                text.Append(Format(Median(ok.Select(r => r.UserSeconds + r.SystemSeconds)), "0.00")).Append(" | ");
                text.Append(Format(Median(ok.Select(r => r.MaxRssKb)) / 1024, "0")).Append(" | ");
                text.Append(Format(Median(ok.Select(r => (double)r.Files)), "0")).Append(" | ");
                text.Append(Format(Median(ok.Select(r => (double)r.Written)), "0")).Append(" | ");
                text.Append(wallRatio).Append(" | ").Append(rssRatio).Append(" | ");
                text.Append(leanWallRatio).Append(" | ").Append(leanRssRatio).Append(" | ");
            }
            text.Append(string.Join("; ", all.Where(r => r.ExitCode != 0).Select(Failure))).Append(" |\n");
        }
        text.Append('\n');
        text.Append("Medians are over the runs that succeeded; peak RSS is the median of each run's maximum resident set size (`/usr/bin/time -v`). ");
        text.Append("Files written: files whose modification time is newer than the start of the run. SiteGen/Hugo: ratio of the medians (below 1: SiteGen is faster or smaller); lean Hugo makes about half the pages.\n");
        return text.ToString();
    }

    /// <summary>SiteGen's medians over another tool's, wall time and peak RSS; empty when either has no good run.</summary>
    private static (string Wall, string Rss) Ratios(RunRecord[] sitegen, IEnumerable<RunRecord> other)
    {
        var them = other.Where(r => r.ExitCode == 0).ToArray();
        if (sitegen.Length == 0 || them.Length == 0)
        {
            return ("", "");
        }
        return (Format(Median(sitegen.Select(r => r.WallSeconds)) / Median(them.Select(r => r.WallSeconds)), "0.00") + "×",
            Format(Median(sitegen.Select(r => r.MaxRssKb)) / Median(them.Select(r => r.MaxRssKb)), "0.00") + "×");
    }

    private static string Failure(RunRecord run)
    {
        var what = run.ExitCode switch
        {
            124 => "timed out",
            137 => "killed (SIGKILL: out of memory, or timeout's -k)",
            134 => "aborted (SIGABRT)",
            _ => $"exit code {run.ExitCode}",
        };
        return string.Create(CultureInfo.InvariantCulture, $"run {run.Rep}: {what} after {run.WallSeconds:0} s at {run.MaxRssKb / 1024:0} MB");
    }

    private static int Rank(string[] order, string value)
    {
        var index = Array.IndexOf(order, value);
        return index < 0 ? order.Length : index;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}

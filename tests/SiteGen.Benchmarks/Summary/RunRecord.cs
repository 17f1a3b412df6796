using System.Globalization;

namespace SiteGen.Benchmarks.Summary;

/// <summary>One timed build: a row of run.sh's <c>raw.tsv</c>.</summary>
internal sealed record RunRecord(
    int N,
    string Tool,
    string Scenario,
    int Rep,
    double WallSeconds,
    double UserSeconds,
    double SystemSeconds,
    double MaxRssKb,
    int Files,
    int Written,
    int ExitCode)
{
    /// <summary>The columns of <c>raw.tsv</c>, in order; its first line names them.</summary>
    public static readonly string[] Columns = ["n", "tool", "scenario", "rep", "wall_s", "user_s", "sys_s", "maxrss_kb", "files", "written", "rc"];

    public static IReadOnlyList<RunRecord> ReadAll(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || !lines[0].Split('\t').SequenceEqual(Columns))
        {
            throw new InvalidDataException($"{path}: the first line must name the columns {string.Join(' ', Columns)}");
        }
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(Parse)];
    }

    private static RunRecord Parse(string line)
    {
        var f = line.Split('\t');
        if (f.Length != Columns.Length)
        {
            throw new InvalidDataException($"expected {Columns.Length} columns, got {f.Length}: {line}");
        }
        return new RunRecord(Int(f[0]), f[1], f[2], Int(f[3]), Real(f[4]), Real(f[5]), Real(f[6]), Real(f[7]), Int(f[8]), Int(f[9]), Int(f[10]));
    }

    private static int Int(string text) => string.IsNullOrEmpty(text) ? 0 : int.Parse(text, CultureInfo.InvariantCulture);

    private static double Real(string text) => string.IsNullOrEmpty(text) ? 0 : double.Parse(text, CultureInfo.InvariantCulture);
}

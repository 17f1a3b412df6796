using BenchmarkDotNet.Running;
using SiteGen.Benchmarks.Generation;
using SiteGen.Benchmarks.Summary;

namespace SiteGen.Benchmarks;

/// <summary>
/// <c>generate ...</c> writes a synthetic site; <c>add-day ...</c> adds a day's listing of 50 new papers to it; <c>generate-api ...</c> the same papers as API JSON and as pages;
/// <c>readers</c> times the readers of captures on the real corpus; <c>summarize raw.tsv</c> prints run.sh's table;
/// <c>rebuild --root SITE</c> times one-paper edits in one process (the preview loop's path); anything else
/// (or <c>micro ...</c>) runs the BenchmarkDotNet micro-benchmarks with BenchmarkDotNet's own options
/// (<c>--filter</c>, <c>--job short</c>, ...). See README.md.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "generate":
                return GenerateCommand.Run(args[1..]);
            case "add-day":
                return AddDayCommand.Run(args[1..]);
            case "generate-api":
                return ApiSiteWriter.Run(args[1..]);
            case "readers":
                return Readers.ReadersCommand.Run(args[1..]);
            case "rebuild":
                return Rebuild.RebuildCommand.Run(args[1..]);
            case "summarize":
                return SummarizeCommand.Run(args[1..]);
            case "micro":
                return RunMicro(args[1..]);
            default:
                return RunMicro(args);
        }
    }

    /// <summary>Every benchmark unless a filter is given: BenchmarkDotNet would otherwise ask on the console which one.</summary>
    private static int RunMicro(string[] args)
    {
        var withFilter = args.Any(a => a is "--filter" or "-f" or "--list" or "--help" or "-h") ? args : [.. args, "--filter", "*"];
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(withFilter);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}

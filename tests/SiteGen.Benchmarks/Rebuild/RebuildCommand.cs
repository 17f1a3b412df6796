using System.Diagnostics;
using System.Globalization;
using SiteGen.Site;

namespace SiteGen.Benchmarks.Rebuild;

/// <summary>
/// <c>rebuild --root SITE [--output DIR] [--edits N] [--edit paper|tags]</c>: the preview loop's path, timed. One
/// process keeps a <see cref="BuildSession"/> and builds the site cold, then again with nothing changed, then N times
/// after appending a sentence to one more hand-written paper each time (or a comment to <c>input/tags.yml</c>, a change
/// of the vocabulary that gives no paper another tag), telling the build which file changed as the preview's watcher does. Each time is measured from the moment
/// <see cref="SiteBuilder.BuildAsync"/> starts to its end, as the preview server will see it. It ends by
/// building the same input cold into a second folder and comparing the two byte for byte.
/// The site's papers are edited in place: run it on a generated copy.
/// </summary>
internal static class RebuildCommand
{
    public const string Usage =
        "usage: rebuild --root SITE [--output DIR] [--edits N] [--edit paper|tags]\n" +
        "  --root    a generated site (see generate); its input/papers/*.md are edited in place\n" +
        "  --output  the output folder (default: SITE/output)\n" +
        "  --edits   how many one-paper edits to time (default 10)\n" +
        "  --edit    what each edit changes: a paper (default), or tags.yml (a comment appended)";

    public static int Run(IReadOnlyList<string> args)
    {
        string? root = null, output = null;
        var edits = 10;
        var editTags = false;
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            switch (args[i])
            {
                case "--root": root = Path.GetFullPath(args[i + 1]); break;
                case "--output": output = Path.GetFullPath(args[i + 1]); break;
                case "--edits": edits = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--edit" when args[i + 1] is "paper" or "tags": editTags = args[i + 1] == "tags"; break;
                default:
                    Console.Error.WriteLine($"rebuild: unknown option {args[i]}\n{Usage}");
                    return 2;
            }
        }
        if (root is null || !Directory.Exists(Path.Combine(root, "input", "papers")))
        {
            Console.Error.WriteLine($"rebuild: --root must be a generated site with input/papers\n{Usage}");
            return 2;
        }
        output ??= Path.Combine(root, "output");
        var session = new BuildSession();
        var request = new BuildRequest(root, output, Session: session);

        Report("cold", Build(request));
        Report("no change", Build(request));
        // A moment to attach a profiler (REBUILD_VERIFY=0 leaves out the cold build that checks the result) (dotnet-trace collect -p PID) to the edits alone.
        if (int.TryParse(Environment.GetEnvironmentVariable("REBUILD_PAUSE_S"), out var pause))
        {
            Console.WriteLine($"pid {Environment.ProcessId}: pausing {pause} s before the edits");
            Thread.Sleep(TimeSpan.FromSeconds(pause));
        }
        var papers = Directory.GetFiles(Path.Combine(root, "input", "papers"), "*.md").Order(StringComparer.Ordinal).ToArray();
        var times = new List<double>();
        var cpuTimes = new List<double>();
        BuildSummary? last = null;
        // Each module's wall time in every edit, by pipeline: their medians say more than one edit's times.
        var moduleTimes = new Dictionary<(string Pipeline, int Module), List<double>>();
        for (var i = 0; i < edits && i < papers.Length; i++)
        {
            // The preview's next build starts after the user's next edit, by when the last build's cache files (written
            // in the background) are long written: waiting for them here keeps them out of the next edit's time, as there.
            session.FlushAsync().GetAwaiter().GetResult();
            var paper = editTags ? Path.Combine(root, "input", "tags.yml") : papers[i * 7 % papers.Length];
            File.AppendAllText(paper, editTags ? $"\n# edited by the rebuild benchmark ({i + 1})\n" : "\nOne more sentence, edited by the rebuild benchmark.\n");
            // Told the edited path, as the preview's watcher tells its builds.
            last = Build(request with { ChangedFiles = [paper] });
            times.Add(last.Elapsed.TotalMilliseconds);
            cpuTimes.Add(_cpu.TotalMilliseconds);
            Report($"edit {i + 1}", last);
            foreach (var pipeline in last.Pipelines)
            {
                for (var m = 0; m < pipeline.Modules.Length; m++)
                {
                    var key = (pipeline.Name, m);
                    if (!moduleTimes.TryGetValue(key, out var list))
                    {
                        moduleTimes[key] = list = [];
                    }
                    list.Add(pipeline.Modules[m].Elapsed.TotalMilliseconds);
                }
            }
        }
        if (last is not null)
        {
            times.Sort();
            cpuTimes.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(editTags ? "tags.yml edit" : "one-paper edit")}: median {times[times.Count / 2]:F0} ms wall (min {times[0]:F0}, max {times[^1]:F0}), median {cpuTimes[cpuTimes.Count / 2]:F0} ms CPU, over {times.Count} edits"));
            Console.WriteLine("module wall times, median over the edits (ms):");
            foreach (var pipeline in last.Pipelines)
            {
                var modules = string.Join(", ", pipeline.Modules.Select((m, i) => string.Create(CultureInfo.InvariantCulture, $"{m.Module} {Median(moduleTimes[(pipeline.Name, i)]):F1}")));
                Console.WriteLine($"  {pipeline.Name,-12} {modules}");
            }
        }
        session.FlushAsync().GetAwaiter().GetResult();
        return Environment.GetEnvironmentVariable("REBUILD_VERIFY") == "0" || CompareWithColdBuild(root, output) ? 0 : 1;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    /// <summary>The CPU time of the last build (all threads): on a busy machine it tells more than the wall time.</summary>
    private static TimeSpan _cpu;

    /// <summary>The last build's garbage collections (gen 0, 1, 2) and the time the program stood still for them.</summary>
    private static (int Gen0, int Gen1, int Gen2, TimeSpan Paused, long Allocated) _gc;

    private static BuildSummary Build(BuildRequest request)
    {
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        var gc = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(precise: true));
        var summary = SiteBuilder.BuildAsync(request).GetAwaiter().GetResult();
        _cpu = Process.GetCurrentProcess().TotalProcessorTime - before;
        _gc = (GC.CollectionCount(0) - gc.Item1, GC.CollectionCount(1) - gc.Item2, GC.CollectionCount(2) - gc.Item3, GC.GetTotalPauseDuration() - gc.Item4,
            GC.GetTotalAllocatedBytes(precise: true) - gc.Item5);
        return summary;
    }

    private static void Report(string what, BuildSummary summary) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-10} {summary.Elapsed.TotalMilliseconds,8:F1} ms wall {_cpu.TotalMilliseconds,8:F1} ms CPU  {summary.FilesWritten,6} written  {summary.FilesRemoved,3} removed  {summary.FilesProduced} files  GC {_gc.Gen0}/{_gc.Gen1}/{_gc.Gen2} paused {_gc.Paused.TotalMilliseconds:F0} ms, {_gc.Allocated >> 20} MB allocated"));

    /// <summary>The incremental output must equal a cold build of the same input, file for file and byte for byte.</summary>
    private static bool CompareWithColdBuild(string root, string output)
    {
        var cold = Path.Combine(Path.GetTempPath(), $"sitegen-rebuild-cold-{Environment.ProcessId}");
        try
        {
            var started = Stopwatch.GetTimestamp();
            SiteBuilder.BuildAsync(new BuildRequest(root, cold, Settings: [new("CachePath", cold + "-cache")])).GetAwaiter().GetResult();
            var differences = Differences(output, cold).Take(5).ToList();
            foreach (var difference in differences)
            {
                Console.WriteLine($"  differs from a cold build: {difference}");
            }
            Console.WriteLine(differences.Count == 0
                ? string.Create(CultureInfo.InvariantCulture, $"incremental output = cold build, byte for byte (cold build {Stopwatch.GetElapsedTime(started).TotalSeconds:F2} s)")
                : "incremental output differs from a cold build");
            return differences.Count == 0;
        }
        finally
        {
            foreach (var folder in new[] { cold, cold + "-cache" })
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
    }

    private static IEnumerable<string> Differences(string a, string b)
    {
        var left = Files(a);
        var right = Files(b);
        foreach (var file in left.Union(right).Order(StringComparer.Ordinal))
        {
            if (!left.Contains(file) || !right.Contains(file))
            {
                yield return $"{file} is only in {(left.Contains(file) ? a : b)}";
            }
            else if (!File.ReadAllBytes(Path.Combine(a, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, file))))
            {
                yield return file;
            }
        }
    }

    private static HashSet<string> Files(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f))];
}

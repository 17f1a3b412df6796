using System.Diagnostics;
using System.Globalization;
using System.Text;
using SiteGen.Listings;

namespace SiteGen.Benchmarks.Readers;

/// <summary>
/// <c>readers [--seconds S]</c>: how fast each reader of captures reads, in MB of UTF-8 a second: every file of a family
/// of the real corpus (and the repository's two listings, for browser copies) read again and again for S seconds (default
/// 3) after a warm-up. Prints one line per family.
/// </summary>
internal static class ReadersCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        var seconds = args.Count == 2 && args[0] == "--seconds" && double.TryParse(args[1], CultureInfo.InvariantCulture, out var s) ? s : 3;
        var corpus = Path.Combine(RepositoryPaths.Root, "tests", "SiteGen.Tests", "Captures", "Corpus");
        var families = new Dictionary<string, string[]>
        {
            ["browser copy"] = Directory.GetFiles(RepositoryPaths.SeedListings),
            ["text dump"] = Files(corpus, "text-dump"),
            ["Markdown"] = Files(corpus, "markdown"),
            ["HTML"] = Files(corpus, "html"),
            ["API JSON"] = Files(corpus, "api"),
        };
        Console.WriteLine($"reader         files      MB  papers/pass    MB/s   (each family read for {seconds:0.#} s)");
        foreach (var (family, files) in families)
        {
            var texts = files.Select(f => (Name: Path.GetFileName(f), Text: File.ReadAllText(f))).ToArray();
            var bytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t.Text));
            var papers = Pass(texts); // a warm-up, and the papers one pass finds
            var watch = Stopwatch.StartNew();
            var passes = 0;
            while (watch.Elapsed.TotalSeconds < seconds)
            {
                Pass(texts);
                passes++;
            }
            var rate = bytes * passes / 1e6 / watch.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{family,-14} {texts.Length,5} {bytes / 1e6,7:0.00} {papers,12} {rate,7:0.0}"));
        }
        return 0;
    }

    private static string[] Files(string corpus, string family) =>
        [.. Directory.GetFiles(Path.Combine(corpus, family)).Where(f => !f.EndsWith(".yml", StringComparison.Ordinal) && !f.EndsWith("SOURCES.md", StringComparison.Ordinal))];

    private static int Pass((string Name, string Text)[] texts) => texts.Sum(t => CaptureReader.Read(t.Name, t.Text).Entries.Length);
}

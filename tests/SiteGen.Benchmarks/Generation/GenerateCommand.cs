using System.Diagnostics;
using System.Globalization;
using SiteGen.Listings;
using SiteGen.Tags;

namespace SiteGen.Benchmarks.Generation;

/// <summary>
/// <c>generate --count N --seed S --out DIR [--hugo DIR] [--seeds DIR]</c>: writes a synthetic SiteGen site at
/// <c>--out</c> and, with <c>--hugo</c>, the same papers as a Hugo site. The same count and seed (and seeds) give
/// byte-identical folders; the SHA-256 printed for each folder shows it.
/// </summary>
internal static class GenerateCommand
{
    public const string Usage =
        "usage: generate --count N [--seed S] --out DIR [--hugo DIR] [--seeds DIR]\n" +
        "  --count  papers to generate\n" +
        "  --seed   seed of the random choices (default 42)\n" +
        "  --out    the SiteGen site folder to create (must be empty or missing)\n" +
        "  --hugo   also write the same papers as a Hugo site there (must be empty or missing)\n" +
        "  --seeds  folder of real listings to recombine (default: the repository's input/listings)";

    public static int Run(IReadOnlyList<string> args)
    {
        if (!TryParse(args, out var options, out var error))
        {
            Console.Error.WriteLine($"generate: {error}\n{Usage}");
            return 2;
        }
        foreach (var folder in new[] { options.Out, options.Hugo })
        {
            if (folder is not null && !FileTree.IsEmptyOrMissing(folder))
            {
                Console.Error.WriteLine($"generate: {folder} is not empty; remove it or choose another folder");
                return 2;
            }
        }

        var started = Stopwatch.GetTimestamp();
        var corpus = SeedCorpus.Load(options.Seeds);
        var vocabulary = TagVocabulary.Load("input/tags.yml", File.ReadAllText(RepositoryPaths.Tags));
        var plan = SitePlan.Create(options.Count, options.Seed, corpus, new TagMatcher(vocabulary));
        var generatedBy = string.Create(CultureInfo.InvariantCulture,
            $"SiteGen.Benchmarks generate --count {options.Count} --seed {options.Seed}");

        SiteGenSiteWriter.Write(plan, options.Out, RepositoryPaths.Tags, RepositoryPaths.Theme, generatedBy);
        CheckListings(plan, options.Out);
        if (options.Hugo is not null)
        {
            HugoSiteWriter.Write(plan, options.Hugo, vocabulary, RepositoryPaths.HugoSite, Path.Combine(RepositoryPaths.Theme, "assets", "site.css"));
        }
        var elapsed = Stopwatch.GetElapsedTime(started);

        PrintSummary(plan, corpus, elapsed);
        var (siteFiles, siteHash) = FileTree.Fingerprint(options.Out);
        Console.WriteLine($"sha256 site {siteHash} ({siteFiles} files in {options.Out})");
        if (options.Hugo is not null)
        {
            var (hugoFiles, hugoHash) = FileTree.Fingerprint(options.Hugo);
            Console.WriteLine($"sha256 hugo {hugoHash} ({hugoFiles} files in {options.Hugo})");
        }
        return 0;
    }

    /// <summary>
    /// Reads every listing written back with SiteGen's parser: each card must come back as the paper it was made
    /// from, with no warning. A generator that wrote something else would measure something else.
    /// </summary>
    private static void CheckListings(SitePlan plan, string folder)
    {
        foreach (var listing in plan.Listings)
        {
            var path = Path.Combine(folder, "input", "listings", listing.FileName);
            var result = ListingParser.Parse(path, File.ReadAllText(path), plan.CaptureYear);
            if (!result.Warnings.IsEmpty)
            {
                throw new InvalidOperationException($"the generated listing gives warnings: {result.Warnings[0]}");
            }
            if (result.Entries.Length != listing.Cards.Length)
            {
                throw new InvalidOperationException($"{path}: {listing.Cards.Length} cards written, {result.Entries.Length} read back");
            }
            for (var i = 0; i < listing.Cards.Length; i++)
            {
                var paper = plan.Papers[listing.Cards[i]];
                var entry = result.Entries[i];
                if (entry.Title != paper.Title || entry.Abstract != paper.Abstract || entry.AuthorCount != paper.AuthorCount
                    || entry.Published != paper.Published || entry.Comments != paper.Comments)
                {
                    throw new InvalidOperationException($"{path}:{entry.Line}: card \"{paper.Title}\" reads back as \"{entry.Title}\" with other values");
                }
            }
        }
    }

    private static void PrintSummary(SitePlan plan, SeedCorpus corpus, TimeSpan elapsed)
    {
        var papers = plan.Papers;
        var count = Math.Max(1, papers.Length);
        string Percent(int part) => (100.0 * part / count).ToString("0", CultureInfo.InvariantCulture) + "%";
        var handWritten = papers.Count(p => p.HandWritten);
        var repeats = plan.CardCount - (papers.Length - handWritten);
        var byTagCount = papers.GroupBy(p => p.Tags.Length).OrderBy(g => g.Key).Select(g => $"{g.Key}:{Percent(g.Count())}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generated {papers.Length} papers from {corpus.PaperCount} seed papers in {elapsed.TotalSeconds:0.0} s: " +
            $"{papers.Length - handWritten} on {plan.Listings.Length} listings ({plan.CardCount} cards, {repeats} repeated from an earlier listing), {handWritten} hand-written"));
        Console.WriteLine(
            $"  author count unknown {Percent(papers.Count(p => p.AuthorCount is null))}, dated {Percent(papers.Count(p => p.Published is not null))}, " +
            $"code link {Percent(papers.Count(p => p.CodeUrl is not null))}, tags per paper {string.Join(' ', byTagCount)}, titles with a numbered name {plan.Renamed}");
    }

    private static bool TryParse(IReadOnlyList<string> args, out GenerateOptions options, out string error)
    {
        options = new GenerateOptions();
        int? count = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                error = $"{name} needs a value";
                return false;
            }
            var value = args[++i];
            switch (name)
            {
                case "--count" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n):
                    count = n;
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s):
                    options = options with { Seed = s };
                    break;
                case "--out":
                    options = options with { Out = Path.GetFullPath(value) };
                    break;
                case "--hugo":
                    options = options with { Hugo = Path.GetFullPath(value) };
                    break;
                case "--seeds":
                    options = options with { Seeds = Path.GetFullPath(value) };
                    break;
                case "--count" or "--seed":
                    error = $"{name} takes a whole number, not '{value}'";
                    return false;
                default:
                    error = $"unknown option '{name}'";
                    return false;
            }
        }
        if (count is null || options.Out.Length == 0)
        {
            error = "--count and --out are required";
            return false;
        }
        options = options with { Count = count.Value };
        error = "";
        return true;
    }
}

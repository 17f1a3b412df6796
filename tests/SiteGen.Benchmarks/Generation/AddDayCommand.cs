using System.Globalization;
using SiteGen.Listings;
using SiteGen.Papers;
using SiteGen.Tags;

namespace SiteGen.Benchmarks.Generation;

/// <summary>
/// <c>add-day --site DIR [--hugo DIR]... --day K [--seed S] [--api]</c>: the daily update of a generated site. Writes one new listing
/// of 50 papers, as a person saves the day's page, to the SiteGen site (<c>input/listings/day-K.txt</c>) and the same 50
/// papers as pages to each Hugo site (<c>content/papers/</c>; <c>--hugo</c> once per site). The papers are new: each title starts with a name no other
/// paper has (<c>D3N17: ...</c>). A paper whose card has an authors line is dated the day after the generated papers end,
/// so it comes first; one without (about half) is undated, as in a real browser copy, which shows a date only on that line.
/// With <c>--api</c> (a site from <c>generate-api</c>) the day is the API's JSON instead, as <c>sitegen fetch</c> saves it
/// (<c>input/listings/hf/day-K.json</c>), where every paper is dated the day after the generated ones and has an arXiv id
/// of its own.
/// </summary>
internal static class AddDayCommand
{
    public const int PapersPerDay = 50;

    private const string Usage = "usage: add-day --site DIR [--hugo DIR]... --day K [--seed S] [--api]";

    public static int Run(IReadOnlyList<string> args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        if (Value("--site") is not { } site || !int.TryParse(Value("--day"), CultureInfo.InvariantCulture, out var day) || day < 1)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var seed = int.TryParse(Value("--seed"), CultureInfo.InvariantCulture, out var s) ? s : 42;
        var hugoSites = args.Select((a, i) => (a, i)).Where(p => p.a == "--hugo" && p.i + 1 < args.Count).Select(p => args[p.i + 1]).ToArray();

        var vocabulary = TagVocabulary.Load("input/tags.yml", File.ReadAllText(Path.Combine(site, "input", "tags.yml")));
        var matcher = new TagMatcher(vocabulary);
        var daySeed = unchecked(seed * 7919 + day);
        var plan = SitePlan.Create(PapersPerDay, daySeed, SeedCorpus.Load(RepositoryPaths.SeedListings), matcher);
        var listingName = string.Create(CultureInfo.InvariantCulture, $"day-{day:D4}.txt");
        var date = new DateOnly(2026, 1, 1).AddDays(day);
        var papers = plan.Papers.Select((paper, i) => New(paper, day, i, date, listingName, matcher)).ToArray();
        if (args.Contains("--api"))
        {
            return WriteApiDay(site, day, date, papers, new Random(daySeed));
        }

        var text = ListingWriter.Write(papers, captureYear: 0, dailyPapers: true, date);
        var path = Path.Combine(site, "input", "listings", listingName);
        FileTree.Write(site, Path.Combine("input", "listings", listingName), text);
        var read = ListingParser.Parse(path, text, captureYear: null);
        if (!read.Warnings.IsEmpty || read.Entries.Length != papers.Length)
        {
            throw new InvalidOperationException($"{path}: {read.Entries.Length} of {papers.Length} cards read back, {read.Warnings.Length} warnings");
        }
        foreach (var hugo in hugoSites)
        {
            foreach (var paper in papers)
            {
                FileTree.Write(hugo, Path.Combine("content", "papers", paper.Slug + ".md"), HugoSiteWriter.Page(paper));
            }
        }
        Console.WriteLine($"day {day}: {papers.Length} new papers in {path}{string.Concat(hugoSites.Select(hugo => $" and {hugo}/content/papers/"))}");
        return 0;
    }

    private static int WriteApiDay(string site, int day, DateOnly date, SyntheticPaper[] papers, Random random)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"day-{day:D4}.json");
        var api = papers.Select((paper, i) => ApiSiteWriter.Paper(paper with { Published = date }, day * PapersPerDay + i,
            string.Create(CultureInfo.InvariantCulture, $"2601.{day % 1000:D3}{i:D2}"), name, random)).ToArray();
        var path = Path.Combine("input", "listings", "hf", name);
        FileTree.Write(site, path, ApiSiteWriter.Json(api, date));
        Console.WriteLine($"day {day}: {api.Length} new papers in {Path.Combine(site, path)}");
        return 0;
    }

    /// <summary>The generated paper as a new one of day <paramref name="day"/>: its own name, the day's date, the tags of its new title.</summary>
    private static SyntheticPaper New(SyntheticPaper paper, int day, int index, DateOnly date, string listing, TagMatcher matcher)
    {
        var colon = paper.Title.IndexOf(": ", StringComparison.Ordinal);
        var rest = colon is > 0 and < 40 ? paper.Title[(colon + 2)..] : paper.Title;
        var title = string.Create(CultureInfo.InvariantCulture, $"D{day}N{index}: {rest}");
        return paper with
        {
            Title = title,
            Slug = Slug.FromTitle(title),
            Published = paper.AuthorCount is null ? null : date,
            OwnTags = [],
            Tags = matcher.Match(title, paper.Body),
            HandWritten = false,
            Sources = [listing],
        };
    }
}

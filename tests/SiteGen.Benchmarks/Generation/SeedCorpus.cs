using System.Collections.Immutable;
using SiteGen.Listings;

namespace SiteGen.Benchmarks.Generation;

/// <summary>
/// What the synthetic papers are made of, read from real listings with SiteGen's own parser: title pieces,
/// abstract sentences, and the distributions of abstract length, author count, year and comment count.
/// </summary>
/// <remarks>
/// Each seed paper is cut into a <see cref="SeedPaper"/>: title head and tail, opening, middle and closing
/// sentences. A synthetic paper mixes two seed papers, so it reads like an abstract, keeps the closings that give
/// code links, and has about as many topics as real papers. Every list keeps the order of the seeds, so the same
/// seeds give the same corpus.
/// </remarks>
internal sealed class SeedCorpus
{
    /// <summary>The year a seed's yearless date (<c>Mar 20</c>) is read in; the repository's listing was saved then.</summary>
    public const int SeedCaptureYear = 2025;

    /// <summary>Words at which a title's head ends and its tail begins; the first one after the first word wins.</summary>
    private static readonly string[] Connectors =
        [" for ", " via ", " with ", " in ", " from ", " on ", " through ", " using ", " towards ", " under ", " by "];

    /// <summary>A name before the title's colon is at most this long (longer ones are part of the title).</summary>
    private const int MaxNameLength = 32;

    private SeedCorpus()
    {
    }

    /// <summary>Model names: the seed titles' (<c>S-KAN</c> of <c>S-KAN: ...</c>) and those the abstracts introduce in parentheses.</summary>
    public required ImmutableArray<string> Names { get; init; }

    /// <summary>Seed papers whose abstract has at least an opening and a closing sentence.</summary>
    public required ImmutableArray<SeedPaper> Papers { get; init; }

    /// <summary>Share of seed titles that start with a name and a colon.</summary>
    public required double NamedShare { get; init; }

    /// <summary>Share of seed titles that have a tail.</summary>
    public required double TailShare { get; init; }

    public required ImmutableArray<int> AbstractLengths { get; init; }

    /// <summary>The author counts the seeds show (1..13), one per paper that shows one.</summary>
    public required ImmutableArray<int> AuthorCounts { get; init; }

    /// <summary>Share of seed papers whose author count is unknown.</summary>
    public required double UnknownAuthorShare { get; init; }

    public required ImmutableArray<int> Years { get; init; }

    /// <summary>The comment counts the seeds show, one per dated paper that shows one.</summary>
    public required ImmutableArray<int> CommentCounts { get; init; }

    /// <summary>Share of dated seed papers that show a comment count.</summary>
    public required double CommentShare { get; init; }

    /// <summary>How many distinct papers the seed listings show.</summary>
    public int PaperCount { get; private init; }

    /// <summary>Reads every <c>*.txt</c> of <paramref name="folder"/>, in file-name order.</summary>
    public static SeedCorpus Load(string folder)
    {
        var files = Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            throw new InvalidOperationException($"no seed listings (*.txt) in {folder}");
        }
        var entries = new List<ListingEntry>();
        var seenTitles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var entry in ListingParser.Parse(file, File.ReadAllText(file), SeedCaptureYear).Entries)
            {
                if (seenTitles.Add(entry.Title))
                {
                    entries.Add(entry);
                }
            }
        }
        return FromEntries(entries);
    }

    public static SeedCorpus FromEntries(IReadOnlyList<ListingEntry> entries)
    {
        var names = new List<string>();
        var seenNames = new HashSet<string>(StringComparer.Ordinal);
        void AddName(string name)
        {
            if (seenNames.Add(name))
            {
                names.Add(name);
            }
        }

        var papers = ImmutableArray.CreateBuilder<SeedPaper>(entries.Count);
        int named = 0, withTail = 0;
        foreach (var entry in entries)
        {
            var (name, head, tail) = SplitTitle(entry.Title);
            if (name is not null)
            {
                AddName(name);
                named++;
            }
            withTail += tail is null ? 0 : 1;
            foreach (var acronym in Sentences.Acronyms(entry.Abstract))
            {
                AddName(acronym);
            }
            var sentences = Sentences.Split(entry.Abstract).Where(IsUsable).ToArray();
            if (sentences.Length >= 2)
            {
                papers.Add(new SeedPaper(entry.Title, head, tail, sentences[0], [.. sentences[1..^1]], sentences[^1]));
            }
        }
        if (papers.Count < 2)
        {
            throw new InvalidOperationException("the seed listings need at least two papers with abstracts of two sentences or more");
        }

        var known = entries.Where(e => e.AuthorCount is not null).Select(e => e.AuthorCount!.Value).ToImmutableArray();
        var dated = entries.Where(e => e.Published is not null).ToArray();
        var comments = dated.Where(e => e.Comments is not null).Select(e => e.Comments!.Value).ToImmutableArray();
        return new SeedCorpus
        {
            PaperCount = entries.Count,
            Names = [.. names],
            Papers = papers.ToImmutable(),
            NamedShare = Share(named, entries.Count),
            TailShare = Share(withTail, entries.Count),
            AbstractLengths = [.. entries.Select(e => e.Abstract.Length)],
            AuthorCounts = known.IsEmpty ? [5] : known,
            UnknownAuthorShare = Share(entries.Count - known.Length, entries.Count),
            Years = dated.Length == 0 ? [SeedCaptureYear] : [.. dated.Select(e => e.Published!.Value.Year)],
            CommentCounts = comments.IsEmpty ? [1] : comments,
            CommentShare = Share(comments.Length, dated.Length),
        };
    }

    /// <summary><c>Name: head tail</c>; the name and the tail may be missing.</summary>
    internal static (string? Name, string Head, string? Tail) SplitTitle(string title)
    {
        string? name = null;
        var rest = title;
        var colon = title.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0 && colon <= MaxNameLength && title.AsSpan(0, colon).Count(' ') <= 2)
        {
            name = title[..colon];
            rest = title[(colon + 2)..];
        }
        var cut = -1;
        foreach (var connector in Connectors)
        {
            var at = rest.IndexOf(connector, StringComparison.Ordinal);
            if (at > 0 && rest.AsSpan(0, at).Contains(' ') && (cut < 0 || at < cut))
            {
                cut = at;
            }
        }
        return cut < 0 ? (name, rest, null) : (name, rest[..cut], rest[cut..]);
    }

    /// <summary>
    /// A sentence that can stand in any abstract: long enough to be one, and free of what a template engine would read
    /// as its own syntax (the Hugo site gets the same text).
    /// </summary>
    private static bool IsUsable(string sentence) =>
        sentence.Length >= 24 && !sentence.Contains("{{", StringComparison.Ordinal) && !sentence.Contains("{%", StringComparison.Ordinal);

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}

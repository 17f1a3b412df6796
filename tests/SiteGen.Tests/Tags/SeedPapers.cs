using SiteGen.Papers;

namespace SiteGen.Tests.Tags;

/// <summary>
/// The title and abstract of every paper of the seed listings, once per paper (by slug, as the site counts
/// them). TEMPORARY: a minimal reading of the listing format for the tag tests, until
/// <c>SiteGen.Listings.ListingParser</c> lands from the listings branch; then this reads
/// <c>ListingParser.Parse(path, text).Entries</c> and the splitting below goes away.
/// </summary>
internal static class SeedPapers
{
    private static readonly string[] HeaderLines =
    [
        "new", "Get trending papers in your email inbox!", "Subscribe", "Daily Papers", "byAK and the research community",
    ];

    private static readonly Lazy<IReadOnlyList<SeedPaper>> Papers = new(Read);

    public static IReadOnlyList<SeedPaper> All => Papers.Value;

    public static SeedPaper Titled(string title) =>
        All.SingleOrDefault(paper => paper.Title == title)
        ?? throw new InvalidOperationException($"No seed paper titled '{title}'.");

    private static List<SeedPaper> Read()
    {
        var papers = new List<SeedPaper>();
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in TagTestFiles.ListingFiles)
        {
            var blocks = File.ReadAllText(file).ReplaceLineEndings("\n")
                .Split("\n\n")
                .Select(block => block.Trim())
                .Where(block => block.Length > 0)
                .ToList();
            var i = 0;
            while (i < blocks.Count && (HeaderLines.Contains(blocks[i]) || IsPageDate(blocks[i])))
            {
                i++;
            }
            for (; i < blocks.Count; i++)
            {
                if (blocks[i].StartsWith('•') || blocks[i].StartsWith('·'))
                {
                    continue; // "• N authors", "·", the date: the paper's metadata
                }
                var title = blocks[i];
                var text = i + 1 < blocks.Count ? blocks[++i] : "";
                if (slugs.Add(Slug.FromTitle(title)))
                {
                    papers.Add(new SeedPaper(Path.GetFileName(file), title, text));
                }
            }
        }
        return papers;
    }

    /// <summary>"Nov 3": the date of the page in the header.</summary>
    private static bool IsPageDate(string line) =>
        line.Length is >= 5 and <= 6 && char.IsAsciiLetterUpper(line[0]) && line[3] == ' ' && line[4..].All(char.IsAsciiDigit);
}

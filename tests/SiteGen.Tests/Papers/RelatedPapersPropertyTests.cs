using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SiteGen.Papers;

namespace SiteGen.Tests.Papers;

/// <summary>The inverted-index search gives what comparing every pair gives, on random small collections.</summary>
public sealed class RelatedPapersPropertyTests
{
    /// <summary>Up to 40 papers, each with 0 to 4 tags out of 6, so that many share tags and ties abound.</summary>
    private static readonly Gen<string[][]> Collections =
        Gen.Choose(0, 4)
            .SelectMany(n => Gen.Elements("a", "b", "c", "d", "e", "f").ArrayOf(n))
            .ArrayOf()
            .Select(papers => papers.Take(40).ToArray());

    [Property(MaxTest = 300)]
    public Property EqualsComparingEveryPair() =>
        Prop.ForAll(Arb.From(Collections), Arb.From(Gen.Choose(0, 7)), (papers, count) =>
            SameResults(BruteForce(papers, count, int.MaxValue), RelatedPapers.Find(papers, count: count)).Label(Describe(papers)));

    [Property(MaxTest = 300)]
    public Property WithABudgetEqualsComparingEveryPairAmongTheNewestCandidates() =>
        Prop.ForAll(Arb.From(Collections), Arb.From(Gen.Choose(0, 12)), (papers, budget) =>
            SameResults(BruteForce(papers, RelatedPapers.DefaultCount, budget), RelatedPapers.Find(papers, candidateBudget: budget))
                .Label(Describe(papers)));

    /// <summary>Papers in days: each paper starts a new day or is of the day of the paper before it.</summary>
    [Property(MaxTest = 300)]
    public Property WithFirstCandidatesEqualsComparingEveryPairFromThere() =>
        Prop.ForAll(Arb.From(Collections), Arb.From(Gen.Elements(true, false).ArrayOf()), Arb.From(Gen.Choose(0, 12)), (papers, newDay, budget) =>
        {
            var first = new int[papers.Length];
            for (var i = 1; i < papers.Length; i++)
            {
                first[i] = i < newDay.Length && !newDay[i] ? first[i - 1] : i;
            }
            return SameResults(BruteForce(papers, RelatedPapers.DefaultCount, budget, first), RelatedPapers.Find(papers, first, candidateBudget: budget))
                .Label($"{Describe(papers)} first: {string.Join(',', first)}");
        });

    /// <summary>
    /// The walk counts a window of indexes at a time, the first ones smaller; windows of at most 1 to 40 indexes make a
    /// collection of 40 papers cross many of them, of every size.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property AnyWindowGivesWhatComparingEveryPairGives() =>
        Prop.ForAll(Arb.From(Collections), Arb.From(Gen.Choose(1, 40)), Arb.From(Gen.Choose(0, 12)), (papers, window, budget) =>
            SameResults(BruteForce(papers, RelatedPapers.DefaultCount, budget), RelatedPapers.Find(papers, candidateBudget: budget, window: window))
                .Label($"{Describe(papers)} window: {window}"));

    /// <summary>
    /// The definition, done the slow way: every other paper that shares a tag (from its first candidate on, when given),
    /// the first <paramref name="budget"/> of them in site order, sorted by shared tags (most first) then by position, the
    /// first <paramref name="count"/> kept.
    /// </summary>
    private static int[][] BruteForce(string[][] papers, int count, int budget, int[]? first = null) =>
        [.. papers.Select((tags, self) => papers
            .Select((other, index) => (Index: index, Shared: other.Distinct().Count(tags.Contains)))
            .Where(c => c.Index != self && c.Index >= (first?[self] ?? 0) && c.Shared > 0)
            .Take(budget)
            .OrderByDescending(c => c.Shared)
            .ThenBy(c => c.Index)
            .Take(count)
            .Select(c => c.Index)
            .ToArray())];

    private static bool SameResults(int[][] expected, int[][] actual) =>
        expected.Length == actual.Length && expected.Zip(actual).All(pair => pair.First.SequenceEqual(pair.Second));

    private static string Describe(string[][] papers) => string.Join(" | ", papers.Select(tags => string.Join(',', tags)));
}

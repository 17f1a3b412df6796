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
    /// Found again after the papers changed, taking what it can from the last result, it gives what finding every paper
    /// anew gives: for a collection in days, then the same with new papers before it (a day's, newest), papers removed,
    /// retagged, or put in before another of its day (as an undated paper joins by its title), each paper standing for
    /// itself (a number of its own, a new one once retagged); with budgets and counts small enough that walks stop at
    /// every kind of horizon.
    /// </summary>
    [Property(MaxTest = 1000)]
    public Property FoundAgainFromTheLastResultEqualsFoundAnew() =>
        Prop.ForAll(Arb.From(Collections), Arb.From(Collections),
            Arb.From(Gen.Choose(0, 6).ArrayOf().SelectMany(f => Gen.Elements(true, false).SelectMany(n => Gen.Choose(0, 12).SelectMany(
                budget => Gen.Choose(0, 5).SelectMany(count => Gen.Choose(1, 8).Select(window => (f, n, budget, count, window))))))),
            (old, added, how) =>
            {
                var (fate, newerToo, budget, count, window) = how;
                // Each paper: its tags, its day (a paper starts a new day when it has more than one tag) and what it is.
                var number = 0;
                var before = old.Select((tags, i) => (Tags: tags, Day: 0, Id: (ulong)number++)).ToArray();
                for (var i = before.Length - 2; i >= 0; i--)
                {
                    before[i].Day = before[i + 1].Day + (before[i].Tags.Length > 1 ? 1 : 0);
                }
                var newest = before.Length > 0 ? before[0].Day : 0;
                // 0, 1: kept; 2: removed; 3: retagged (its tags reversed and one dropped: another paper now); 4, 5: a new
                // paper of its day put in before it, with its tags or the next paper's; 6: one put in after it, with its tags.
                var after = added.Select(tags => (Tags: tags, Day: newest + (tags.Length % 2), Id: (ulong)number++))
                    .Concat(before.SelectMany((paper, i) => (i < fate.Length ? fate[i] : 0) switch
                    {
                        2 => [],
                        3 => [(Tags: paper.Tags.Reverse().Skip(1).ToArray(), paper.Day, Id: (ulong)number++)],
                        4 => [(paper.Tags, paper.Day, Id: (ulong)number++), paper],
                        5 => [(Tags: i + 1 < before.Length ? before[i + 1].Tags : [], paper.Day, Id: (ulong)number++), paper],
                        6 => [paper, (paper.Tags, paper.Day, Id: (ulong)number++)],
                        _ => new[] { paper },
                    }))
                    .ToArray();

                var last = RelatedPapers.FindAgain(() => [.. before.Select(p => p.Tags)], newerToo ? null : Firsts(before), [.. before.Select(p => p.Id)],
                    last: null, count: count, candidateBudget: budget, window: window);
                var firsts = newerToo ? null : Firsts(after);
                var again = RelatedPapers.FindAgain(() => [.. after.Select(p => p.Tags)], firsts, [.. after.Select(p => p.Id)], last,
                    count: count, candidateBudget: budget, window: window);
                return SameResults(RelatedPapers.Find([.. after.Select(p => p.Tags)], firsts, count, budget, window: window), again.Related)
                    .Label($"before: {Describe([.. before.Select(p => p.Tags)])} after: {Describe([.. after.Select(p => p.Tags)])} count {count} budget {budget} window {window}");
            });

    /// <summary>What was found is kept again only when it differs: in a paper, a first candidate, a list or a horizon.</summary>
    [Fact]
    public void FoundHoldsWhatSaysTheSameAndNothingElse()
    {
        var found = new RelatedPapers.Found([1, 2, 3], [0, 0, 2], [[1], [0], []], [2, 3, 3]);

        Assert.True(found.Holds(new RelatedPapers.Found([1, 2, 3], [0, 0, 2], [[1], [0], []], [2, 3, 3])));
        Assert.False(found.Holds(new RelatedPapers.Found([1, 2, 4], [0, 0, 2], [[1], [0], []], [2, 3, 3])));
        Assert.False(found.Holds(new RelatedPapers.Found([1, 2, 3], [0, 0, 0], [[1], [0], []], [2, 3, 3])));
        Assert.False(found.Holds(new RelatedPapers.Found([1, 2, 3], null, [[1], [0], []], [2, 3, 3])));
        Assert.False(found.Holds(new RelatedPapers.Found([1, 2, 3], [0, 0, 2], [[1], [0], [1]], [2, 3, 3])));
        Assert.False(found.Holds(new RelatedPapers.Found([1, 2, 3], [0, 0, 2], [[1], [0], []], [3, 3, 3])));
        Assert.False(found.Holds(new RelatedPapers.Found([1, 2], [0, 0], [[1], [0]], [2, 2])));
    }

    /// <summary>Each paper's first candidate: the first paper of its day, papers newest first.</summary>
    private static int[] Firsts((string[] Tags, int Day, ulong Id)[] papers)
    {
        var first = new int[papers.Length];
        for (var i = 1; i < papers.Length; i++)
        {
            first[i] = papers[i].Day == papers[i - 1].Day ? first[i - 1] : i;
        }
        return first;
    }

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

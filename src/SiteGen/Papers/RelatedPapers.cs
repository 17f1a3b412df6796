using System.Numerics;
using System.Runtime.InteropServices;

namespace SiteGen.Papers;

/// <summary>
/// For each paper, the other papers that share the most tags with it: at most <see cref="DefaultCount"/>, most
/// shared tags first, ties in the site's order (newer first, then title, then slug). A paper without tags has
/// none. Papers are given by their position in the site's order, so "newer first" is "lower index first". A paper
/// may be given a first candidate, the lowest index it may be related to (the first paper of its own day, so that no
/// newer paper is related to it and a day's new papers leave older papers' related papers as they were).
/// </summary>
/// <remarks>
/// Not every pair is compared: an inverted index (tag -> papers holding it, in site order) gives each paper
/// only the papers that share at least one tag with it. Its tag lists are walked together, lowest index
/// first (a window of indexes at a time, see <see cref="Walk"/>), so each candidate comes out once, with its exact
/// count of shared tags, and candidates come out in tie-break order: a later one can only enter the
/// top by sharing strictly more tags. That lets the walk stop early, as soon as the top is full and no
/// candidate still to come (one in at most as many lists as are not exhausted) could beat its last entry.
///
/// The bound: a tag may hold 15% of 100,000 papers, and a paper whose tags rarely occur together would walk
/// its lists to the end: 15,000 papers for each of 15,000 papers is 225 million steps for that tag alone.
/// So a paper looks at most at <see cref="DefaultCandidateBudget"/> candidates, the first in the site's order
/// (from its first candidate) that share a tag with it, and picks the best of those. Below that many candidates
/// (every tag of a site of a few thousand papers) the result is exact; above it, a paper's related papers are the
/// ones sharing the most tags among the first candidates, which is where the tie-break would look first anyway.
/// Work is at most papers × budget × tags-per-paper steps, each an array read: see docs/site.md and docs/performance.md for the figure
/// at 100,000 papers.
/// </remarks>
internal static class RelatedPapers
{
    public const int DefaultCount = 5;

    /// <summary>The most candidates one paper looks at (see the remarks for why, and what it changes).</summary>
    public const int DefaultCandidateBudget = 1000;

    /// <summary>The most indexes a paper's walk counts at a time: 8 KB of counts, which stay in the core's nearest cache.</summary>
    private const int DefaultWindow = 2048;

    /// <summary>
    /// The related papers of each paper, as indexes into <paramref name="tagsInSiteOrder"/>, best first.
    /// </summary>
    /// <param name="tagsInSiteOrder">Each paper's tags, papers in the site's order (newest first).</param>
    /// <param name="firstCandidates">Each paper's lowest index it may be related to (at most its own); null: any paper.</param>
    /// <param name="parallel">The build's degree of parallelism; papers are searched in parallel.</param>
    /// <param name="window">The most indexes the walk counts at a time (see <see cref="Walk"/>); the result does not depend on it.</param>
    /// <param name="only">The papers whose related papers are wanted (the others' stay null); null: every paper.</param>
    /// <param name="horizons">Filled, for each paper found, with the end of the papers its result depends on (<see cref="Walk.Horizon"/>; the count of papers: all of them).</param>
    public static int[][] Find(IReadOnlyList<IReadOnlyList<string>> tagsInSiteOrder, IReadOnlyList<int>? firstCandidates = null,
        int count = DefaultCount, int candidateBudget = DefaultCandidateBudget, ParallelOptions? parallel = null, int window = DefaultWindow,
        IReadOnlyList<int>? only = null, int[]? horizons = null)
    {
        if (firstCandidates is not null && firstCandidates.Count != tagsInSiteOrder.Count)
        {
            throw new ArgumentException("one first candidate per paper", nameof(firstCandidates));
        }
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(candidateBudget);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var (paperTags, postings) = Index(tagsInSiteOrder);
        var result = new int[paperTags.Length][];
        // Each paper's search is independent and reads only the frozen index; scratch space is per thread.
        Parallel.For(0, only?.Count ?? paperTags.Length, parallel ?? new ParallelOptions(),
            () => new Walk(count, window),
            (k, _, walk) =>
            {
                var paper = only?[k] ?? k;
                result[paper] = walk.Run(paper, firstCandidates?[paper] ?? 0, paperTags[paper], postings, candidateBudget);
                if (horizons is not null)
                {
                    horizons[paper] = Math.Min(walk.Horizon, paperTags.Length);
                }
                return walk;
            },
            _ => { });
        return result;
    }

    /// <summary>
    /// As <see cref="Find"/>, taking from <paramref name="last"/> (a collection's related papers found before, with what
    /// each of its papers was) those that cannot have changed, and finding only the others. A paper's related papers
    /// depend on its own tags and on the papers from its first candidate to its walk's horizon (<see cref="Walk.Horizon"/>):
    /// when those are the same papers, with the same tags, in the same order as then, and its first candidate is the
    /// same paper, they are the last ones, each moved to where its paper is now. A day's new papers, newest in the order,
    /// leave every older paper's related papers as they were; an undated paper put in by its title leaves those of the
    /// papers whose walk stopped before it.
    /// </summary>
    /// <param name="papers">What each paper is, in the site's order, as far as its related papers go: a hash of its tags and
    /// of what orders it (title, date, URL), one paper's alone.</param>
    /// <param name="last">What an earlier call gave, with the same count, budget and window.</param>
    /// <param name="tagsInSiteOrder">Each paper's tags, asked for only when a paper's related papers must be found: an edit
    /// that leaves every paper's tags and place as they were needs none of them.</param>
    public static Found FindAgain(Func<IReadOnlyList<IReadOnlyList<string>>> tagsInSiteOrder, IReadOnlyList<int>? firstCandidates, ulong[] papers,
        Found? last, ParallelOptions? parallel = null, int count = DefaultCount, int candidateBudget = DefaultCandidateBudget, int window = DefaultWindow)
    {
        var n = papers.Length;
        var (result, horizons) = (new int[n][], new int[n]);
        if (last is not null && (firstCandidates is null) == (last.FirstCandidates is null) && WhereNow(last.Papers, papers) is { } at)
        {
            var m = last.Papers.Length;
            // The start of each run of the last papers that stand together now, in the same order.
            var run = new int[m];
            var lastOf = new int[n];
            Array.Fill(lastOf, -1);
            for (var j = 0; j < m; j++)
            {
                run[j] = j > 0 && at[j] >= 0 && at[j - 1] >= 0 && at[j] == at[j - 1] + 1 ? run[j - 1] : j;
                if (at[j] >= 0)
                {
                    lastOf[at[j]] = j;
                }
            }
            for (var paper = 0; paper < n; paper++)
            {
                var j = lastOf[paper];
                if (j < 0)
                {
                    continue;
                }
                // What the last result depended on: the last papers from its first candidate to its horizon, and itself.
                var (from, to) = (last.FirstCandidates?[j] ?? 0, Math.Max(last.Horizons[j], j + 1));
                if (at[from] != (firstCandidates?[paper] ?? 0) || run[to - 1] != run[from] || (to == m && at[m - 1] != n - 1))
                {
                    continue;
                }
                result[paper] = Moved(last.Related[j], at);
                horizons[paper] = to == m ? n : at[to - 1] + 1;
            }
        }
        var missing = Enumerable.Range(0, n).Where(paper => result[paper] is null).ToArray();
        if (missing.Length > 0)
        {
            var found = Find(tagsInSiteOrder(), firstCandidates, count, candidateBudget, parallel, window, missing, horizons);
            foreach (var paper in missing)
            {
                result[paper] = found[paper];
            }
        }
        return new Found(papers, firstCandidates is null ? null : firstCandidates as int[] ?? [.. firstCandidates], result, horizons);
    }

    /// <summary>Related papers found before, each where its paper is now (<paramref name="at"/>): the same array when none moved.</summary>
    private static int[] Moved(int[] related, int[] at)
    {
        for (var i = 0; i < related.Length; i++)
        {
            if (at[related[i]] != related[i])
            {
                var moved = new int[related.Length];
                for (var k = 0; k < related.Length; k++)
                {
                    moved[k] = at[related[k]];
                }
                return moved;
            }
        }
        return related;
    }

    /// <summary>Where each of the last papers is now (-1: gone); null when two papers, then or now, are one paper's hash.</summary>
    private static int[]? WhereNow(ulong[] then, ulong[] now)
    {
        var index = new Dictionary<ulong, int>(now.Length);
        for (var i = 0; i < now.Length; i++)
        {
            if (!index.TryAdd(now[i], i))
            {
                return null;
            }
        }
        var seen = new HashSet<ulong>(then.Length);
        var at = new int[then.Length];
        for (var j = 0; j < then.Length; j++)
        {
            if (!seen.Add(then[j]))
            {
                return null;
            }
            at[j] = index.GetValueOrDefault(then[j], -1);
        }
        return at;
    }

    /// <summary>Each paper's related papers (<see cref="FindAgain"/>), with what the papers were, their first candidates and horizons, for the next build.</summary>
    internal sealed record Found(ulong[] Papers, int[]? FirstCandidates, int[][] Related, int[] Horizons)
    {
        /// <summary>True when <paramref name="other"/> says the same (nothing changed): the store need not keep it again.</summary>
        public bool Holds(Found other) =>
            Papers.AsSpan().SequenceEqual(other.Papers)
            && (FirstCandidates ?? []).AsSpan().SequenceEqual(other.FirstCandidates ?? [])
            && (FirstCandidates is null) == (other.FirstCandidates is null)
            && Horizons.AsSpan().SequenceEqual(other.Horizons)
            && Related.Zip(other.Related).All(pair => ReferenceEquals(pair.First, pair.Second) || pair.First.AsSpan().SequenceEqual(pair.Second));

        /// <summary>The papers, then whether there are first candidates and each one, then each paper's list after its length, then the horizons.</summary>
        public byte[] ToBytes()
        {
            // Sized for the usual case at once (a paper's hash, its first candidate, horizon and five related papers, each
            // at most three bytes): it grew by doubling, copied five times over at 100,000 papers.
            using var bytes = new MemoryStream(Papers.Length * (sizeof(ulong) + 6 + (DefaultCount + 1) * 3) + 16);
            using (var writer = new BinaryWriter(bytes))
            {
                writer.Write7BitEncodedInt(Papers.Length);
                foreach (var paper in Papers)
                {
                    writer.Write(paper);
                }
                writer.Write(FirstCandidates is not null);
                foreach (var first in FirstCandidates ?? [])
                {
                    writer.Write7BitEncodedInt(first);
                }
                foreach (var list in Related)
                {
                    writer.Write7BitEncodedInt(list.Length);
                    foreach (var other in list)
                    {
                        writer.Write7BitEncodedInt(other);
                    }
                }
                foreach (var horizon in Horizons)
                {
                    writer.Write7BitEncodedInt(horizon);
                }
            }
            return bytes.ToArray();
        }

        /// <summary>What <see cref="ToBytes"/> wrote; a first candidate past its paper, or a paper's number not below the count, does not read.</summary>
        public static Found Read(BinaryReader reader)
        {
            var count = reader.Read7BitEncodedInt();
            if (count < 0 || count > reader.BaseStream.Length / sizeof(ulong))
            {
                throw new InvalidDataException("a count past the end");
            }
            var papers = new ulong[count];
            for (var i = 0; i < count; i++)
            {
                papers[i] = reader.ReadUInt64();
            }
            int[]? firsts = null;
            if (reader.ReadBoolean())
            {
                firsts = new int[count];
                for (var i = 0; i < count; i++)
                {
                    firsts[i] = Below(reader, i + 1);
                }
            }
            var related = new int[count][];
            for (var i = 0; i < count; i++)
            {
                var list = new int[Below(reader, count)];
                for (var j = 0; j < list.Length; j++)
                {
                    list[j] = Below(reader, count);
                }
                related[i] = list;
            }
            var horizons = new int[count];
            for (var i = 0; i < count; i++)
            {
                horizons[i] = Below(reader, count + 1);
            }
            return new Found(papers, firsts, related, horizons);

            static int Below(BinaryReader reader, int bound) =>
                reader.Read7BitEncodedInt() is var number and >= 0 && number < bound ? number : throw new InvalidDataException("a number out of range");
        }
    }

    /// <summary>Tags as numbers, each paper's distinct tags, and each tag's papers in ascending index order.</summary>
    private static (int[][] PaperTags, int[][] Postings) Index(IReadOnlyList<IReadOnlyList<string>> tagsInSiteOrder)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var lists = new List<List<int>>();
        var paperTags = new int[tagsInSiteOrder.Count][];
        // One list of a paper's own tags for them all, and the tags read by place: a list and an enumerator for each paper
        // were 6 MB of a day at 100,000 papers.
        var own = new List<int>();
        for (var paper = 0; paper < paperTags.Length; paper++)
        {
            var tags = tagsInSiteOrder[paper];
            own.Clear();
            for (var t = 0; t < tags.Count; t++)
            {
                var tag = tags[t];
                ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, tag, out var exists);
                if (!exists)
                {
                    id = lists.Count;
                    lists.Add([]);
                }
                if (!own.Contains(id)) // a tag named twice counts once
                {
                    own.Add(id);
                    lists[id].Add(paper); // papers come in index order, so every list is sorted
                }
            }
            paperTags[paper] = [.. own];
        }
        return (paperTags, [.. lists.Select(l => l.ToArray())]);
    }

    /// <summary>One paper's walk over its tag lists; reused for the next paper of the same thread.</summary>
    /// <remarks>
    /// The lists are walked a window of consecutive indexes at a time: every list adds 1 to the count of each paper of
    /// the window it holds, then the window's candidates come out in ascending index with their counts. That is what a
    /// merge of the lists' heads gives, without comparing every list's head for every candidate (a paper of the lean
    /// benchmark has seven tags, and its lists cover most of the site). The window opens at the lowest head, so sparse
    /// lists do not make it scan empty indexes, and a bit per index marks the candidates, so reading a window tests a
    /// word per 64 indexes. Whether the walk can stop is asked between windows, so they start small.
    /// </remarks>
    private sealed class Walk(int count, int window)
    {
        private readonly int[] _topPapers = new int[count];
        private readonly int[] _topShared = new int[count];
        private readonly int[] _counts = new int[window];

        /// <summary>One bit per index of the window: set where <see cref="_counts"/> is not zero.</summary>
        private readonly ulong[] _met = new ulong[(window + 63) / 64];
        private int[][] _lists = new int[4][];
        private int[] _cursors = new int[4];

        /// <summary>
        /// After <see cref="Run"/>: the end of what the result depends on besides the paper's own tags. Papers from the
        /// first candidate up to here were looked at; past here, nothing can change the result, unless the walk stopped
        /// with one of the paper's tag lists used up (a paper added further on could have been a candidate): then
        /// <see cref="int.MaxValue"/>, the whole list.
        /// </summary>
        public int Horizon { get; private set; }

        public int[] Run(int self, int first, int[] tags, int[][] postings, int budget)
        {
            Horizon = first;
            if (tags.Length == 0 || count == 0)
            {
                return [];
            }
            if (_lists.Length < tags.Length)
            {
                _lists = new int[tags.Length][];
                _cursors = new int[tags.Length];
            }
            for (var i = 0; i < tags.Length; i++)
            {
                _lists[i] = postings[tags[i]];
                _cursors[i] = FirstAtOrAfter(_lists[i], first);
            }

            var found = 0;
            // Windows start small and double: a paper with one or two tags often has its top full, of papers sharing
            // every tag it has, after a few candidates, and the walk stops there.
            var size = Math.Max(1, window / 32);
            for (var seen = 0; seen < budget; size = Math.Min(size * 2, window))
            {
                // The lowest head opens the window; how many lists still have papers bounds what a candidate to come shares.
                var low = int.MaxValue;
                var open = 0;
                for (var i = 0; i < tags.Length; i++)
                {
                    if (_cursors[i] < _lists[i].Length)
                    {
                        open++;
                        low = Math.Min(low, _lists[i][_cursors[i]]);
                    }
                }
                // Nothing left, or the top is full and no candidate to come can share more tags than its last entry.
                if (open == 0 || (found == count && _topShared[count - 1] >= open))
                {
                    Horizon = open < tags.Length ? int.MaxValue : Horizon;
                    break;
                }
                var end = low + Math.Min(size, int.MaxValue - low);
                Horizon = end;
                for (var i = 0; i < tags.Length; i++)
                {
                    var (list, at) = (_lists[i], _cursors[i]);
                    for (; at < list.Length && list[at] < end; at++)
                    {
                        var offset = list[at] - low;
                        _counts[offset]++;
                        _met[offset >> 6] |= 1UL << offset;
                    }
                    _cursors[i] = at;
                }
                (found, seen) = OfferWindow(low, size, self, found, seen, budget);
            }
            return _topPapers.AsSpan(0, found).ToArray();
        }

        /// <summary>Offers the window's candidates in ascending index, up to the budget, and empties the window.</summary>
        private (int Found, int Seen) OfferWindow(int low, int size, int self, int found, int seen, int budget)
        {
            // The window's candidates are the bits set in its words, read lowest first: a word of 64 empty indexes is one test.
            var words = _met.AsSpan(0, (size + 63) / 64);
            for (var w = 0; w < words.Length; w++)
            {
                for (var bits = words[w]; bits != 0; bits &= bits - 1)
                {
                    var offset = w * 64 + BitOperations.TrailingZeroCount(bits);
                    if (low + offset != self && seen < budget) // else the paper itself, or past the budget: only its count is cleared
                    {
                        seen++;
                        found = Offer(low + offset, _counts[offset], found);
                    }
                    _counts[offset] = 0;
                }
                words[w] = 0;
            }
            return (found, seen);
        }

        /// <summary>The position of the first paper at or after <paramref name="first"/> in a sorted list of papers.</summary>
        private static int FirstAtOrAfter(int[] papers, int first)
        {
            var at = Array.BinarySearch(papers, first);
            return at >= 0 ? at : ~at;
        }

        /// <summary>
        /// Puts a candidate into the top, kept best first. Candidates come in ascending index, so among equal counts
        /// the one already there wins: the new one goes after every entry that shares as many tags or more.
        /// </summary>
        private int Offer(int paper, int shared, int found)
        {
            if (found == count && _topShared[count - 1] >= shared)
            {
                return found;
            }
            var at = found == count ? count - 1 : found;
            while (at > 0 && _topShared[at - 1] < shared)
            {
                _topPapers[at] = _topPapers[at - 1];
                _topShared[at] = _topShared[at - 1];
                at--;
            }
            _topPapers[at] = paper;
            _topShared[at] = shared;
            return Math.Min(found + 1, count);
        }
    }
}

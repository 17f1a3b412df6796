using System.Collections.Immutable;
using SiteGen.Diagnostics;
using SiteGen.Engine;
using SiteGen.Papers;

namespace SiteGen.Site;

/// <summary>
/// What one merge of a session was made from and what it made: reused whole while its inputs are the same documents,
/// and mended in place when only a few hand-written papers changed without changing which paper they are.
/// </summary>
internal sealed class MergeMemo
{
    /// <summary>More changed pages than this, and the merge is done again in full (a checkout, a search and replace).</summary>
    private const int MaxMended = 16;

    private Merge? _last;

    /// <param name="Groups">The copies of each paper, in output order.</param>
    /// <param name="Merged">Each group's document and the warnings its merge raised.</param>
    /// <param name="GroupWarnings">The warnings of the grouping itself (two pages for one paper).</param>
    internal sealed record Merge(
        ImmutableArray<Document> Listings,
        ImmutableArray<Document> HandWritten,
        PaperGroup[] Groups,
        (Document Document, ImmutableArray<Diagnostic> Warnings)[] Merged,
        ImmutableArray<Diagnostic> GroupWarnings)
    {
        public ImmutableArray<Document> Documents { get; } = [.. Merged.Select(m => m.Document)];

        public ImmutableArray<string> Warnings { get; } = [.. GroupWarnings.Concat(Merged.SelectMany(m => m.Warnings)).Select(w => w.ToString())];
    }

    public Merge? TryReuse(ImmutableArray<Document> listings, ImmutableArray<Document> handWritten)
    {
        lock (this)
        {
            // Documents have no equality of their own: the same object is the same document.
            return _last is { } last
                && last.Listings.AsSpan().SequenceEqual(listings.AsSpan())
                && last.HandWritten.AsSpan().SequenceEqual(handWritten.AsSpan())
                ? last
                : null;
        }
    }

    /// <summary>
    /// The last merge with the groups of the changed hand-written papers merged again, when the listings are the same
    /// documents and each changed page is still the same paper (same identity) at the same place; null otherwise. Every
    /// other group, and its document, is last time's: at 10,000 papers, grouping and looking up every paper cost 13 ms an
    /// edit. The session's memos are left alone, so what they hold for a full merge stays theirs.
    /// </summary>
    public Merge? TryMend(ImmutableArray<Document> listings, ImmutableArray<Document> handWritten)
    {
        lock (this)
        {
            if (_last is not { } last || last.GroupWarnings.Length > 0 || !last.Listings.AsSpan().SequenceEqual(listings.AsSpan())
                || SamePlaces.Changed(last.HandWritten.AsSpan(), handWritten.AsSpan(), MaxMended) is not { } changed)
            {
                return null;
            }
            var (groups, merged) = changed.Count == 0 ? (last.Groups, last.Merged) : ([.. last.Groups], [.. last.Merged]);
            foreach (var i in changed)
            {
                var before = last.HandWritten[i].GetRequired<Paper>(Keys.Paper);
                var after = handWritten[i].GetRequired<Paper>(Keys.Paper);
                var at = Array.FindIndex(groups, g => g.Pages.Contains(before, ReferenceEqualityComparer.Instance));
                if (at < 0 || PaperMerger.Identity(before) != PaperMerger.Identity(after))
                {
                    return null;
                }
                groups[at] = new PaperGroup(groups[at].Listings, groups[at].Pages.Replace(before, after, ReferenceEqualityComparer.Instance));
                var (paper, warnings) = PaperMerger.MergeGroup(groups[at]);
                merged[at] = (MergedDocument(paper), warnings);
            }
            // A new record, not `with`: a copy would keep the last documents and warnings, which are computed when it is made.
            return _last = new Merge(listings, handWritten, groups, merged, last.GroupWarnings);
        }
    }

    public void Remember(Merge merge)
    {
        lock (this)
        {
            _last = merge;
        }
    }

    /// <summary>A merged paper's document: it starts where the paper's first copy was read.</summary>
    public static Document MergedDocument(Paper paper) => Document.Create(source: paper.Sources.FirstOrDefault()).With(Keys.Paper, paper);
}

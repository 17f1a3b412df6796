using System.Collections.Immutable;
using SiteGen.Diagnostics;
using SiteGen.Engine;
using SiteGen.Papers;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// Makes one paper of every paper that appears more than once. With <paramref name="basePipeline"/>, the
/// input papers (hand-written) override or add to that pipeline's papers (from listings). Each paper is merged
/// from its copies once per session: in a rebuild, a paper none of whose copies changed is the same document as
/// before, which is what lets every later step reuse its work; when no copy of any paper changed, the whole
/// result is last time's; and when a few hand-written papers changed but are still the same papers, only theirs
/// are merged again (<see cref="Mended"/>).
/// </summary>
internal sealed class MergePapers(string? basePipeline = null) : IModule
{
    /// <summary>More changed pages than this, and the merge is done again in full (a checkout, a search and replace).</summary>
    private const int MaxMended = 16;

    public async Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        var listings = basePipeline is null ? inputs : context.FromPipeline(basePipeline);
        var handWritten = basePipeline is null ? [] : inputs;
        ImmutableArray<Document> copies = [.. listings, .. handWritten];
        var merge = await site.Session.Reuse.RerunAsync<Merge>($"merge of {context.PipelineName}", MadeFrom.KeyAlone, copies,
            _ => MergeAllAsync(listings, handWritten, site.Session.Reuse, context),
            (last, changed) => Mended(last, copies, listings.Length, changed), MaxMended,
            (a, b) => a.Documents.Length == b.Documents.Length && a.Warnings.SequenceEqual(b.Warnings)
                && a.Documents.Zip(b.Documents).All(pair => site.Session.Documents.Codec!.WritesAlike(pair.First, pair.Second))).ConfigureAwait(false);
        foreach (var warning in merge.Warnings)
        {
            context.Warn(warning);
        }
        return merge.Documents;
    }

    private static async ValueTask<Merge> MergeAllAsync(
        ImmutableArray<Document> listings, ImmutableArray<Document> handWritten, Reuse reuse, IExecutionContext context)
    {
        // A title's identity depends on the title alone; a group's merge on its copies alone.
        var identities = reuse.Memo<Paper, UInt128>("title identities", MadeFrom.KeyAlone, ReferenceEqualityComparer.Instance);
        var mergedGroups = reuse.Memo<PaperGroup, (Document Document, ImmutableArray<Diagnostic> Warnings)>("merged papers", MadeFrom.KeyAlone);
        // Arrays, whose counts the grouping sizes its tables by: ImmutableArray's own Select is an iterator of no known
        // count, and the tables grown by doubling were 46 MB of a day at 100,000 papers.
        var (groups, warnings) = PaperMerger.Group(
            ImmutableArray.CreateRange(listings, static d => d.GetRequired<Paper>(Keys.Paper)),
            ImmutableArray.CreateRange(handWritten, static d => d.GetRequired<Paper>(Keys.Paper)),
            p => identities.GetOrAdd(p, PaperMerger.TitleIdentity),
            // A warning names a page by its path in the site, as every warning does; looked up only for a warning.
            p => handWritten.FirstOrDefault(d => ReferenceEquals(d.Get<Paper>(Keys.Paper), p))?.Source);
        var merged = new (Document Document, ImmutableArray<Diagnostic> Warnings)[groups.Count];
        await ParallelRanges.ForAsync(groups.Count, context.ParallelOptions, i => merged[i] = mergedGroups.GetOrAdd(groups[i], MergeGroup))
            .ConfigureAwait(false);
        return new Merge(listings.Length, [.. groups], merged, warnings);
    }

    private static (Document Document, ImmutableArray<Diagnostic> Warnings) MergeGroup(PaperGroup group)
    {
        var (paper, warnings) = PaperMerger.MergeGroup(group);
        // A merged paper's document starts where the paper's first copy was read.
        return (Document.Create(source: paper.Sources.FirstOrDefault(), metadata: [new(Keys.Paper, paper)]), warnings);
    }

    /// <summary>
    /// The last merge with the groups of the changed hand-written papers merged again, when the listings are the same
    /// documents and each changed page is still the same paper (same identity); null otherwise. Every other group, and its
    /// document, is last time's: at 10,000 papers, grouping and looking up every paper cost 13 ms an edit.
    /// </summary>
    private static Merge? Mended(LastRun<Merge> last, ImmutableArray<Document> copies, int listings, List<int> changed)
    {
        if (last.Output.Listings != listings || last.Output.GroupWarnings.Length > 0 || changed.Any(i => i < listings))
        {
            return null;
        }
        var (groups, merged) = (last.Output.Groups.ToArray(), last.Output.Merged.ToArray());
        foreach (var i in changed)
        {
            var before = last.Inputs[i].GetRequired<Paper>(Keys.Paper);
            var after = copies[i].GetRequired<Paper>(Keys.Paper);
            var at = Array.FindIndex(groups, g => g.Pages.Contains(before, ReferenceEqualityComparer.Instance));
            if (at < 0 || PaperMerger.Identity(before) != PaperMerger.Identity(after))
            {
                return null;
            }
            groups[at] = new PaperGroup(groups[at].Listings, groups[at].Pages.Replace(before, after, ReferenceEqualityComparer.Instance));
            merged[at] = MergeGroup(groups[at]);
        }
        return new Merge(listings, groups, merged, last.Output.GroupWarnings);
    }

    /// <summary>What one merge made.</summary>
    /// <param name="Listings">How many of its inputs were listings' papers (the rest: hand-written pages).</param>
    /// <param name="Groups">The copies of each paper, in output order.</param>
    /// <param name="Merged">Each group's document and the warnings its merge raised.</param>
    /// <param name="GroupWarnings">The warnings of the grouping itself (two pages for one paper).</param>
    private sealed record Merge(
        int Listings,
        PaperGroup[] Groups,
        (Document Document, ImmutableArray<Diagnostic> Warnings)[] Merged,
        ImmutableArray<Diagnostic> GroupWarnings)
    {
        public ImmutableArray<Document> Documents { get; } = [.. Merged.Select(m => m.Document)];

        public ImmutableArray<string> Warnings { get; } = [.. GroupWarnings.Concat(Merged.SelectMany(m => m.Warnings)).Select(w => w.ToString())];
    }
}

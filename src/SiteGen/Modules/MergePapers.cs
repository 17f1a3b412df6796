using System.Collections.Immutable;
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
/// are merged again (<see cref="MergeMemo.TryMend"/>).
/// </summary>
internal sealed class MergePapers(string? basePipeline = null) : IModule
{
    public async Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        var listingDocuments = basePipeline is null ? inputs : context.FromPipeline(basePipeline);
        var handWrittenDocuments = basePipeline is null ? [] : inputs;
        var kept = site.Session.State(static remember => new Kept(remember));
        var last = kept.Merges.GetOrAdd(context.PipelineName, static _ => new MergeMemo());
        var merge = last.TryReuse(listingDocuments, handWrittenDocuments)
            ?? last.TryMend(listingDocuments, handWrittenDocuments)
            ?? await MergeAllAsync(listingDocuments, handWrittenDocuments, kept, context).ConfigureAwait(false);
        if (site.Session.Remembers)
        {
            last.Remember(merge);
        }
        foreach (var warning in merge.Warnings)
        {
            context.Warn(warning);
        }
        return merge.Documents;
    }

    private static async Task<MergeMemo.Merge> MergeAllAsync(
        ImmutableArray<Document> listingDocuments, ImmutableArray<Document> handWrittenDocuments, Kept kept, IExecutionContext context)
    {
        var (groups, warnings) = PaperMerger.Group(
            listingDocuments.Select(d => d.GetRequired<Paper>(Keys.Paper)),
            handWrittenDocuments.Select(d => d.GetRequired<Paper>(Keys.Paper)),
            p => kept.Identities.GetOrAdd(p, PaperMerger.TitleIdentity),
            // A warning names a page by its path in the site, as every warning does; looked up only for a warning.
            p => handWrittenDocuments.FirstOrDefault(d => ReferenceEquals(d.Get<Paper>(Keys.Paper), p))?.Source);
        var merged = new (Document Document, ImmutableArray<Diagnostics.Diagnostic> Warnings)[groups.Count];
        await ParallelRanges.ForAsync(groups.Count, context.ParallelOptions, i => merged[i] = kept.Merged.GetOrAdd(groups[i], static group =>
        {
            var (paper, warnings) = PaperMerger.MergeGroup(group);
            return (MergeMemo.MergedDocument(paper), warnings);
        })).ConfigureAwait(false);
        return new MergeMemo.Merge(listingDocuments, handWrittenDocuments, [.. groups], merged, warnings);
    }

    /// <summary>
    /// What a session keeps: the last merge of each pipeline, reused whole when none of its inputs changed; each group of
    /// copies of one paper (listings, hand-written page) and the document merged from them (both dropped with the basis);
    /// each paper's title identity (kept: it depends on the title alone).
    /// </summary>
    private sealed class Kept(bool remember) : SessionState
    {
        public Memo<string, MergeMemo> Merges { get; } = new(remember);

        public Memo<PaperGroup, (Document Document, ImmutableArray<Diagnostics.Diagnostic> Warnings)> Merged { get; } = new(remember);

        public Memo<Paper, string> Identities { get; } = new(remember, ReferenceEqualityComparer.Instance);

        public override void BasisChanged()
        {
            Merges.Clear();
            Merged.Clear();
        }

        public override void NextBuild()
        {
            Merges.NextGeneration();
            Merged.NextGeneration();
            Identities.NextGeneration();
        }
    }
}

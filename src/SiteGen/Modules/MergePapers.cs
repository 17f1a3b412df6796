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
        var last = site.Session.Merges.GetOrAdd(context.PipelineName, static _ => new MergeMemo());
        var merge = last.TryReuse(listingDocuments, handWrittenDocuments)
            ?? last.TryMend(listingDocuments, handWrittenDocuments)
            ?? await MergeAllAsync(listingDocuments, handWrittenDocuments, site, context).ConfigureAwait(false);
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
        ImmutableArray<Document> listingDocuments, ImmutableArray<Document> handWrittenDocuments, SiteServices site, IExecutionContext context)
    {
        var (groups, warnings) = PaperMerger.Group(
            listingDocuments.Select(d => d.GetRequired<Paper>(Keys.Paper)),
            handWrittenDocuments.Select(d => d.GetRequired<Paper>(Keys.Paper)),
            p => site.Session.Identities.GetOrAdd(p, PaperMerger.TitleIdentity));
        var merged = new (Document Document, ImmutableArray<Diagnostics.Diagnostic> Warnings)[groups.Count];
        await ParallelRanges.ForAsync(groups.Count, context.ParallelOptions, i => merged[i] = site.Session.Merged.GetOrAdd(groups[i], static group =>
        {
            var (paper, warnings) = PaperMerger.MergeGroup(group);
            return (MergeMemo.MergedDocument(paper), warnings);
        })).ConfigureAwait(false);
        return new MergeMemo.Merge(listingDocuments, handWrittenDocuments, [.. groups], merged, warnings);
    }
}

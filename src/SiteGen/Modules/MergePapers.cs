using System.Collections.Immutable;
using SiteGen.Engine;
using SiteGen.Papers;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// Makes one paper of every paper that appears more than once. With <paramref name="basePipeline"/>, the
/// input papers (hand-written) override or add to that pipeline's papers (from listings). Each paper is merged
/// from its copies once per session: in a rebuild, a paper none of whose copies changed is the same document as
/// before, which is what lets every later step reuse its work; and when no copy of any paper changed, the whole
/// result is last time's.
/// </summary>
public sealed class MergePapers(string? basePipeline = null) : IModule
{
    public async Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        var listingDocuments = basePipeline is null ? inputs : context.FromPipeline(basePipeline);
        var handWrittenDocuments = basePipeline is null ? [] : inputs;
        var last = site.Session.Merges.GetOrAdd(context.PipelineName, static _ => new MergeMemo());
        if (last.TryReuse(listingDocuments, handWrittenDocuments) is { } reused)
        {
            foreach (var warning in reused.Warnings)
            {
                context.Warn(warning);
            }
            return reused.Documents;
        }

        var (groups, warnings) = PaperMerger.Group(
            listingDocuments.Select(d => d.GetRequired<Paper>(Keys.Paper)),
            handWrittenDocuments.Select(d => d.GetRequired<Paper>(Keys.Paper)),
            p => site.Session.Identities.GetOrAdd(p, PaperMerger.Identity));
        var merged = new (Document Document, ImmutableArray<Diagnostics.Diagnostic> Warnings)[groups.Count];
        await Parallel.ForAsync(0, groups.Count, context.ParallelOptions, (i, _) =>
        {
            merged[i] = site.Session.Merged.GetOrAdd(groups[i], static group =>
            {
                var (paper, warnings) = PaperMerger.MergeGroup(group);
                return (Document.Create(source: paper.Sources.FirstOrDefault()).With(Keys.Paper, paper), warnings);
            });
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);

        ImmutableArray<string> messages = [.. warnings.Concat(merged.SelectMany(m => m.Warnings)).Select(w => w.ToString())];
        foreach (var warning in messages)
        {
            context.Warn(warning);
        }
        ImmutableArray<Document> documents = [.. merged.Select(m => m.Document)];
        last.Remember(listingDocuments, handWrittenDocuments, documents, messages);
        return documents;
    }
}

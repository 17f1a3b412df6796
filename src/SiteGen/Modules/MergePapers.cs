using System.Collections.Immutable;
using SiteGen.Engine;
using SiteGen.Papers;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// Makes one paper of every paper that appears more than once. With <paramref name="basePipeline"/>, the
/// input papers (hand-written) override or add to that pipeline's papers (from listings). Each paper is merged
/// from its copies once per session: in a rebuild, a paper none of whose copies changed is the same object as
/// before, which is what lets every later step reuse its work.
/// </summary>
public sealed class MergePapers(string? basePipeline = null) : IModule
{
    public async Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        var papers = inputs.Select(d => d.GetRequired<Paper>(Keys.Paper));
        var listingPapers = basePipeline is null ? papers : context.FromPipeline(basePipeline).Select(d => d.GetRequired<Paper>(Keys.Paper));
        var handWritten = basePipeline is null ? [] : papers;
        var (groups, warnings) = PaperMerger.Group(listingPapers, handWritten, p => site.Session.Identities.GetOrAdd(p, PaperMerger.Identity));

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

        foreach (var warning in warnings.Concat(merged.SelectMany(m => m.Warnings)))
        {
            context.Warn(warning.ToString());
        }
        return [.. merged.Select(m => m.Document)];
    }
}

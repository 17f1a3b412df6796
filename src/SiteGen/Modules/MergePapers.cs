using System.Collections.Immutable;
using SiteGen.Engine;
using SiteGen.Papers;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// Makes one paper of every paper that appears more than once. With <paramref name="basePipeline"/>, the
/// input papers (hand-written) override or add to that pipeline's papers (from listings).
/// </summary>
public sealed class MergePapers(string? basePipeline = null) : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var papers = inputs.Select(d => d.GetRequired<Paper>(Keys.Paper));
        var merged = basePipeline is null
            ? PaperMerger.Merge(papers)
            : PaperMerger.Merge(context.FromPipeline(basePipeline).Select(d => d.GetRequired<Paper>(Keys.Paper)), papers);
        foreach (var warning in merged.Warnings)
        {
            context.Warn(warning.ToString());
        }
        return Task.FromResult(merged.Papers.Select(p => Document.Create(source: p.Sources.FirstOrDefault()).With(Keys.Paper, p)).ToImmutableArray());
    }
}

using System.Collections.Immutable;
using SiteGen.Engine;
using SiteGen.Papers;
using SiteGen.Rendering.Views;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// Gives each paper the papers that share the most tags with it (<see cref="RelatedPapers"/>), as links for its
/// page. Runs after <see cref="OrderPapers"/>: the site's order is the tie-break.
/// </summary>
public sealed class FindRelatedPapers : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var views = inputs.Select(d => d.GetRequired<PaperView>(Keys.PaperView)).ToArray();
        var related = RelatedPapers.Find([.. views.Select(v => (IReadOnlyList<string>)[.. v.Tags.Select(t => t.Slug)])],
            parallel: context.ParallelOptions);
        var links = views.Select(PaperLinks.Of).ToArray();
        var outputs = ImmutableArray.CreateBuilder<Document>(inputs.Length);
        for (var i = 0; i < inputs.Length; i++)
        {
            outputs.Add(inputs[i].With(Keys.RelatedPapers, (IReadOnlyList<PaperLinkView>)[.. related[i].Select(r => links[r])]));
        }
        return Task.FromResult(outputs.MoveToImmutable());
    }
}

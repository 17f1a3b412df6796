using System.Collections.Immutable;
using SiteGen.Engine;
using SiteGen.Rendering.Views;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// Gives each paper a link to its neighbours in the site's order (newest first, as <see cref="OrderPapers"/> left
/// them): the newer paper just before it and the older one just after.
/// </summary>
public sealed class LinkAdjacentPapers : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var links = inputs.Select(d => PaperLinks.Of(d.GetRequired<PaperView>(Keys.PaperView))).ToArray();
        var outputs = ImmutableArray.CreateBuilder<Document>(inputs.Length);
        for (var i = 0; i < inputs.Length; i++)
        {
            outputs.Add(inputs[i]
                .With(Keys.NewerPaper, i > 0 ? links[i - 1] : null)
                .With(Keys.OlderPaper, i + 1 < links.Length ? links[i + 1] : null));
        }
        return Task.FromResult(outputs.MoveToImmutable());
    }
}

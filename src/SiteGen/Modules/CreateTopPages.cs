using System.Collections.Immutable;
using SiteGen.Engine;
using SiteGen.Papers;
using SiteGen.Rendering.Views;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// The most upvoted papers, most first (ties in the site's order, newest first), paginated at <c>top/</c>: the papers
/// a capture or the API shows an upvote count for. The page is there without them, saying so, since every page links to it.
/// </summary>
internal sealed class CreateTopPages(string papersPipeline) : IModule
{
    public const string Layout = "top";

    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        var papers = context.FromPipeline(papersPipeline)
            .Select((d, order) => (View: d.GetRequired<PaperView>(Keys.PaperView), Upvotes: d.GetRequired<Paper>(Keys.Paper).Upvotes, Order: order))
            .Where(p => p.Upvotes is not null)
            .OrderByDescending(p => p.Upvotes)
            .ThenBy(p => p.Order)
            .Select(p => p.View)
            .ToArray();
        var page = new PageView("Most upvoted", Layout, Urls.ListFront(Urls.TopFolder),
            papers.Length == 0 ? "No paper shows an upvote count yet: captures of Hugging Face pages and the API give them." : "The papers with the most upvotes on Hugging Face.");
        return Task.FromResult(PageDocuments.ListPages(papers, Urls.TopFolder, Layout, page, site).ToImmutableArray());
    }
}

using System.Collections.Immutable;
using SiteGen.Engine;
using SiteGen.Rendering.Views;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>The home page and its archive pages: every paper, newest first.</summary>
internal sealed class CreateHomePages(string papersPipeline) : IModule
{
    public const string Layout = "home";

    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        var papers = context.FromPipeline(papersPipeline).Select(d => d.GetRequired<PaperView>(Keys.PaperView)).ToArray();
        // Every paper's card is shown here: the cards the store holds are kept for the next process, rendered in this build or not.
        site.Cards.KeepStored(papers, PageDocuments.SiteFor(Urls.Index, site));
        var page = new PageView(site.Settings.SiteTitle, Layout, Urls.Index, site.Settings.SiteDescription);
        return Task.FromResult(PageDocuments.ListPages(papers, "", Layout, page, site).ToImmutableArray());
    }
}

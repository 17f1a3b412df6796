using System.Collections.Immutable;
using SiteGen.Engine;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// Checks every internal link the pages of this build hold (<see cref="Links.LinkCheck"/>) against the files the site
/// will hold: runs once every other pipeline has written, takes each page's links from the documents that
/// <paramref name="pagePipelines"/> wrote (<see cref="Keys.Links"/>), and warns once per broken link.
/// </summary>
internal sealed class ValidateLinks(params string[] pagePipelines) : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        // Every other pipeline has written its files (the pipeline's Output runs last): the manifest's order is found
        // beside the check.
        site.Output.EveryFileProduced();
        var pages = pagePipelines
            .SelectMany(name => context.FromPipeline(name))
            .Select(d => (Page: d.Destination, Links: d.Get<Links.PageLinks>(Keys.Links)))
            .Where(p => p.Page is not null && p.Links is not null)
            .Select(p => (p.Page!, p.Links!));
        var report = site.Links.Check(pages, site.Output.Holds, site.Output.Files, context.ParallelOptions);
        foreach (var broken in report.Broken)
        {
            context.Warn(broken.ToString());
        }
        return Task.FromResult(inputs);
    }
}

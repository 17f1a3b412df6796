using System.Collections.Immutable;
using SiteGen.Engine;
using SiteGen.Papers;
using SiteGen.Search;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// <c>/search-index.js</c>: the words of every paper's title, tag names and abstract, for the search box
/// (<see cref="SearchIndex"/>). Nothing when <c>GenerateSearchIndex</c> is false. Made when it is written, like
/// papers.json, so the index of a large site is not held through the whole build.
/// </summary>
public sealed class RenderSearchIndex(string papersPipeline) : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        if (!site.Settings.GenerateSearchIndex)
        {
            return Task.FromResult(ImmutableArray<Document>.Empty);
        }
        var papers = context.FromPipeline(papersPipeline).Select(d => d.GetRequired<Paper>(Keys.Paper)).ToArray();
        var document = Document.Create(destination: Urls.SearchIndex)
            .With(Keys.Produce, (Func<byte[]>)(() => Build(papers, site).ToScript(Urls.Paper("{slug}"))));
        return Task.FromResult(ImmutableArray.Create(document));
    }

    public static SearchIndex Build(IEnumerable<Paper> papers, SiteServices site)
    {
        var index = new SearchIndex();
        foreach (var paper in papers)
        {
            index.Add(paper.Title, paper.Slug, paper.Tags.Select(site.Vocabulary.DisplayName), paper.Body);
        }
        return index;
    }
}

using System.Collections.Immutable;
using SiteGen.Engine;
using SiteGen.Papers;
using SiteGen.Search;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// <c>/search-index.js</c>: the words of every paper's title, tag names and abstract, for the search box
/// (<see cref="SearchIndex"/>). Nothing when <c>GenerateSearchIndex</c> is false. Streamed into the file when it
/// is written, like papers.json, so the index of a large site is never held whole; each paper's words are found
/// once per session.
/// </summary>
internal sealed class RenderSearchIndex(string papersPipeline) : IModule
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
            .With(Keys.Stream, (Action<Stream>)(stream => Build(papers, site).WriteScript(stream, Urls.Paper("{slug}"), site.Session.SearchPostings)));
        return Task.FromResult(ImmutableArray.Create(document));
    }

    public static SearchIndex Build(IEnumerable<Paper> papers, SiteServices site)
    {
        var session = site.Session;
        var index = new SearchIndex(session.SearchVocabulary);
        foreach (var paper in papers)
        {
            index.Add(paper.Title, paper.Slug, session.SearchWords.GetOrAdd(paper,
                p => SearchIndex.WordsOf(session.SearchVocabulary, p.Title,
                    [.. p.Tags.Select(site.Vocabulary.DisplayName), .. p.Keywords.IsDefault ? [] : p.Keywords, .. p.Authors.IsDefault ? [] : p.Authors,
                        .. p.Organization is { } organization ? [organization] : Array.Empty<string>()],
                    p.Body)));
        }
        return index;
    }
}

using System.Collections.Immutable;
using SiteGen.Engine;
using SiteGen.Modules;
using SiteGen.Papers;
using SiteGen.Rendering;
using SiteGen.Settings;
using SiteGen.Site;
using SiteGen.Tags;
using SiteGen.Tests.Site;

namespace SiteGen.Tests.Search;

/// <summary>
/// A rebuild held off the collector finds the search index's postings while the other pipelines make their pages, not
/// when the file is written: the file is the same either way. (The site-sized tests build too few papers to be held.)
/// </summary>
public sealed class HeldSearchIndexTests
{
    [Fact]
    public async Task AHeldRebuildWritesTheSameSearchIndexAsOneThatFindsItWhenWriting()
    {
        var written = await Script(held: false);
        var held = await Script(held: true);

        Assert.Equal(written, held);
        var index = SearchIndexScript.Parse(held);
        Assert.Equal(["paper-0", "paper-1", "paper-2"], index.PapersWith("graph").Select(p => p.Slug).Order());
        Assert.Equal(["paper-1"], index.PapersWith("alpha1").Select(p => p.Slug));
    }

    /// <summary>search-index.js of three papers, as the Search pipeline writes it.</summary>
    private static async Task<string> Script(bool held)
    {
        using var folder = new TempFolder();
        var services = new SiteServices(folder.Path, new SiteSettings(), new OutputFolder(folder["output"]), TagVocabulary.Empty,
            new TagMatcher(TagVocabulary.Empty), TemplateRenderer.Load(folder.Path, [Path.Combine(TestPaths.RepositoryRoot, "theme")]),
            MarkdownRenderer.Default) { Held = held };
        var papers = new Pipeline("Papers") { Process = [new MakePapers()] };
        var search = new Pipeline("Search") { Dependencies = ["Papers"], Process = [new RenderSearchIndex("Papers")] };
        var result = await new SiteGen.Engine.Engine([papers, search], [services]).ExecuteAsync();
        using var script = new MemoryStream();
        result["Search"].Documents.Single().GetRequired<Action<Stream>>(Keys.Stream)(script);
        return System.Text.Encoding.UTF8.GetString(script.ToArray());
    }

    private sealed class MakePapers : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context) =>
            Task.FromResult<ImmutableArray<Document>>([.. Enumerable.Range(0, 3).Select(i => Document.Create(source: $"papers/{i}.md")
                .With(Keys.Paper, new Paper { Title = $"Graph Networks, part {i}", Slug = $"paper-{i}", Body = $"An abstract about alpha{i}." }))]);
    }
}

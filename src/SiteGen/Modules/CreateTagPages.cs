using System.Collections.Immutable;
using System.Globalization;
using SiteGen.Engine;
using SiteGen.Rendering.Views;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// The tag index (every tag with its count, most papers first, then by name) and each tag's paginated
/// list. Papers are grouped in one pass; they arrive newest first and stay so in every group.
/// </summary>
internal sealed class CreateTagPages(string papersPipeline) : IModule
{
    public const string IndexLayout = "tags";
    public const string TagLayout = "tag";

    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        var groups = new Dictionary<string, List<PaperView>>(StringComparer.Ordinal);
        foreach (var definition in site.Vocabulary.Definitions)
        {
            groups[definition.Slug] = [];
        }
        foreach (var document in context.FromPipeline(papersPipeline))
        {
            var view = document.GetRequired<PaperView>(Keys.PaperView);
            // By index: a foreach over the interface made an enumerator per paper.
            for (var t = 0; t < view.Tags.Count; t++)
            {
                var slug = view.Tags[t].Slug;
                if (!groups.TryGetValue(slug, out var list))
                {
                    groups[slug] = list = []; // a hand-written tag that the vocabulary does not define
                }
                list.Add(view);
            }
        }

        var summaries = groups
            .Select(g => new TagSummaryView(g.Key, site.Vocabulary.DisplayName(g.Key), site.Vocabulary.Description(g.Key),
                g.Value.Count, Urls.ListFront(Urls.TagFolder(g.Key))))
            .OrderByDescending(t => t.Count)
            .ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(t => t.Slug, StringComparer.Ordinal)
            .ToArray();

        var pages = ImmutableArray.CreateBuilder<Document>();
        pages.Add(PageDocuments.Create(Urls.TagsIndex, IndexLayout, siteView =>
            new PageModel(siteView, new PageView("Tags", IndexLayout, Urls.TagsIndex,
                $"{summaries.Length.ToString(CultureInfo.InvariantCulture)} tags over the collection's papers.")) { Tags = summaries }, site));
        foreach (var tag in summaries)
        {
            var page = new PageView(tag.Name, TagLayout, tag.Url, tag.Description);
            pages.AddRange(PageDocuments.ListPages(groups[tag.Slug], Urls.TagFolder(tag.Slug), TagLayout, page, site, tag));
        }
        return Task.FromResult(pages.ToImmutable());
    }
}

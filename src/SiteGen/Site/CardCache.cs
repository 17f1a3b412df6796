using System.Collections.Concurrent;
using SiteGen.Rendering;
using SiteGen.Rendering.Views;

namespace SiteGen.Site;

/// <summary>
/// A paper's card (<c>partials/paper-card.liquid</c>) appears on the home pages, on each of its tags' pages
/// and on its author-count pages: rendered once per depth of page (its links are relative), then reused.
/// Lives for one build.
/// </summary>
public sealed class CardCache(TemplateRenderer templates)
{
    public const string Partial = "paper-card";

    private readonly ConcurrentDictionary<(string Slug, string Root), string> _cards = new(Environment.ProcessorCount, 4096);

    public IReadOnlyList<string> For(IReadOnlyList<PaperView> papers, SiteView site)
    {
        var cards = new string[papers.Count];
        for (var i = 0; i < cards.Length; i++)
        {
            var paper = papers[i];
            cards[i] = _cards.GetOrAdd((paper.Slug, site.Root), static (_, state) =>
                state.templates.RenderPartial(Partial, [new("paper", state.paper), new("site", state.site)]),
                (templates, paper, site));
        }
        return cards;
    }
}

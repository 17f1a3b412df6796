using System.Collections.Concurrent;
using SiteGen.Rendering;
using SiteGen.Rendering.Views;
using SiteGen.Text;

namespace SiteGen.Site;

/// <summary>
/// A paper's card (<c>partials/paper-card.liquid</c>) appears on the home pages, on each of its tags' pages, on its
/// author-count and year pages: rendered once, then reused. Its links are relative, so they depend on the depth of
/// the page that shows it: the card is rendered with a marker for <c>site.root</c> and each page puts its own way back
/// to the root in its place. One card per paper, not one per depth, is what a million papers can hold.
/// A session keeps one for as long as its templates and basis stay the same (<see cref="Reuse"/>): a card
/// is kept with the very view it was made from, so an edited paper's card is made again and every other one reused.
/// A one-off build keeps the cards in its <see cref="TextFile"/> instead, and reads a card back each time a page shows
/// it (five times a paper, as a rule): held, they were a tenth of what a cold build held while its pages were written.
/// </summary>
internal sealed class CardCache(TemplateRenderer templates, TextFile? texts = null)
{
    public const string Partial = "paper-card";

    /// <summary>
    /// What a card is rendered with as <c>site.root</c>: a control character, which the template engine writes as
    /// <see cref="RenderedMarker"/>. Text from the input can never produce that: its <c>&amp;</c> is written <c>&amp;amp;</c>.
    /// </summary>
    private const string Marker = "\u0001";

    /// <summary>The marker as it appears in a rendered card (UTF-8).</summary>
    private static readonly byte[] RenderedMarker = "&#x1;"u8.ToArray();

    /// <summary>Each paper's card as UTF-8: a card per paper is kept all build long, and a string would take twice the memory.</summary>
    private readonly ConcurrentDictionary<string, (PaperView View, StoredText Card)> _cards = new(Environment.ProcessorCount * 8, 4096, StringComparer.Ordinal);

    public TemplateRenderer Templates => templates;
    private SiteView? _cardSite;

    public IReadOnlyList<RawHtml> For(IReadOnlyList<PaperView> papers, SiteView site)
    {
        var cardSite = _cardSite ??= site with { Root = Marker };
        var cards = new RawHtml[papers.Count];
        for (var i = 0; i < cards.Length; i++)
        {
            var paper = papers[i];
            byte[] card;
            if (_cards.TryGetValue(paper.Slug, out var kept) && ReferenceEquals(kept.View, paper))
            {
                card = kept.Card.Bytes();
            }
            else
            {
                card = System.Text.Encoding.UTF8.GetBytes(templates.RenderPartial(Partial, [new("paper", paper), new("site", cardSite)]));
                _cards[paper.Slug] = (paper, texts?.Keep(card) ?? new StoredText(card));
            }
            cards[i] = new RawHtml(card, RenderedMarker, site.Root);
        }
        return cards;
    }
}

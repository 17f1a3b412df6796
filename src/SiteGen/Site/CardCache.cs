using System.Collections.Concurrent;
using SiteGen.Engine;
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
/// A one-off build (but for one held off the collector) keeps the cards in its <see cref="TextFile"/> instead, and reads
/// a card back each time a page shows it (five times a paper, as a rule): held, they were a tenth of what a cold build
/// held while its pages were written.
/// <para>
/// A card is also kept in the cache's store (<see cref="DocumentCache.StoredOrMade{T}"/>), under its paper's
/// fingerprint, the templates' and the site's: a new process that renders a list page again (the daily update
/// moves thousands of them) reads the cards of its papers back instead of rendering them.
/// </para>
/// </summary>
internal sealed class CardCache(TemplateRenderer templates, TextFile? texts = null, DocumentCache? stored = null)
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
    private CardSite? _cardSite;

    /// <summary>
    /// The site as a card sees it, and what every card's key in the store shares: the templates' fingerprint and the
    /// site's, written once rather than for each card.
    /// </summary>
    private sealed record CardSite(SiteView View, string KeyOfSite);

    private CardSite CardSiteOf(SiteView site)
    {
        if (_cardSite is { } made)
        {
            return made;
        }
        var view = site with { Root = Marker };
        return _cardSite = new CardSite(view, $"{templates.Fingerprint:x16} {PageFingerprint.Of(view):x16}");
    }

    public IReadOnlyList<RawHtml> For(IReadOnlyList<PaperView> papers, SiteView site)
    {
        var cardSite = CardSiteOf(site);
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
                card = stored is null ? Render(paper, cardSite.View)
                    : stored.StoredOrMade("card", (cache: this, paper, cardSite), static s => KeyOf(s.paper, s.cardSite),
                        static s => s.cache.Render(s.paper, s.cardSite.View), static (_, bytes) => bytes, static (_, bytes) => bytes.ToArray());
                _cards[paper.Slug] = (paper, texts?.Keep(card) ?? new StoredText(card));
            }
            cards[i] = new RawHtml(card, RenderedMarker, site.Root);
        }
        return cards;
    }

    private byte[] Render(PaperView paper, SiteView cardSite) =>
        System.Text.Encoding.UTF8.GetBytes(templates.RenderPartial(Partial, [new("paper", paper), new("site", cardSite)]));

    /// <summary>A card's key in the store: what it is made from, the paper's view by its fingerprint (made with the view, as a rule).</summary>
    private static UInt128 KeyOf(PaperView paper, CardSite site)
    {
        var view = paper.Fingerprint is not 0 and var made ? made : PageFingerprint.Of(paper);
        return new StoreKey("card").Add(site.KeyOfSite).Add((long)view).Value;
    }

    /// <summary>
    /// Keeps the stored cards of <paramref name="papers"/> for the next process, shown in this build or not: a build that
    /// renders few list pages (one paper edited) would otherwise leave most cards unread, and the store drops what a
    /// build did not read once it outweighs a quarter of the rest.
    /// </summary>
    /// <param name="site">The site as any page sees it (the cards' own way to the root takes the place of its root).</param>
    public void KeepStored(IEnumerable<PaperView> papers, SiteView site)
    {
        if (stored?.Store is not { State: StoreState.Whole or StoreState.Damaged })
        {
            return; // nothing stored to keep (a first build, another program's store)
        }
        var cardSite = CardSiteOf(site);
        foreach (var paper in papers)
        {
            stored.KeepStored(KeyOf(paper, cardSite));
        }
    }
}

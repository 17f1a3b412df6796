using System.Text.Json.Serialization;
using SiteGen.Feeds;
using SiteGen.Site;

namespace SiteGen.Rendering.Views;

/// <summary>
/// What a page says to machines, derived from the model: its canonical URL, the feeds it links to, its JSON-LD.
/// Not hashed into the page's fingerprint (<see cref="JsonIgnoreAttribute"/>): they follow from members that are.
/// </summary>
internal sealed partial record PageModel
{
    // What the page's fingerprint takes of what it shows (PageFingerprint hashes the model as JSON), by their own
    // fingerprints: the site (one object per depth) hashed once rather than written out for each page, and each paper,
    // so a list of 50 papers hashes 50 numbers, not 50 abstracts. Members rather than a converter, which would take the
    // serializer off its generated fast path (a third of the hashing's time).
    [JsonInclude, JsonPropertyName("Site")]
    internal ulong SiteFingerprint => PageFingerprint.OfShared(Site);

    [JsonInclude, JsonPropertyName("Paper")]
    internal ulong? PaperFingerprint => Paper?.Fingerprint;

    // A list's papers, and the links to other papers, as one number: written out as JSON, a sequence went through the
    // serializer's enumerator, about half the pages' hashing in a daily update.
    [JsonInclude, JsonPropertyName("Papers")]
    internal ulong PapersFingerprint => FingerprintOf(Papers, static p => p.Fingerprint);

    [JsonInclude, JsonPropertyName("Related")]
    internal ulong RelatedFingerprint => FingerprintOf(Related, static p => p.Fingerprint);

    [JsonInclude, JsonPropertyName("Newer")]
    internal ulong? NewerFingerprint => Newer?.Fingerprint;

    [JsonInclude, JsonPropertyName("Older")]
    internal ulong? OlderFingerprint => Older?.Fingerprint;

    /// <summary>The page's absolute URL (<c>https://host/repo/papers/x/</c>); null without a Host, and for the 404 page, which has no one URL.</summary>
    [JsonIgnore]
    public string? CanonicalUrl =>
        Site.BaseUrl is { } baseUrl && Page.Url != Urls.NotFound ? AbsoluteUrls.Of(baseUrl, Page.Url) : null;

    /// <summary>Open Graph's type: a paper is an article, every other page part of the website.</summary>
    [JsonIgnore]
    public string OpenGraphType => Paper is null ? "website" : "article";

    /// <summary>
    /// The feeds to announce with <c>&lt;link rel="alternate"&gt;</c>: the site's on every page, and a tag's on its pages.
    /// None without a Host, since then there are no feeds.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<FeedLinkView> Feeds => Site.BaseUrl is null
        ? []
        : Tag is { } tag
            ? [SiteAtomFeed, SiteJsonFeed, new FeedLinkView($"{tag.Name} · {Site.Title}", AtomFeedWriter.MediaType, Urls.TagFeed(tag.Slug))]
            : [SiteAtomFeed, SiteJsonFeed];

    /// <summary>
    /// JSON-LD for the page's <c>&lt;script type="application/ld+json"&gt;</c>, escaped so that nothing in it can close
    /// the script element; null for pages that describe nothing in particular.
    /// </summary>
    [JsonIgnore]
    public string? JsonLdHtml => StructuredData.For(this);

    /// <summary>The fingerprints of <paramref name="items"/>, in order, as one.</summary>
    private static ulong FingerprintOf<T>(IReadOnlyList<T> items, Func<T, ulong> fingerprint)
    {
        Span<ulong> each = items.Count <= 256 ? stackalloc ulong[items.Count] : new ulong[items.Count];
        for (var i = 0; i < each.Length; i++)
        {
            each[i] = fingerprint(items[i]);
        }
        return Fingerprint.Of(System.Runtime.InteropServices.MemoryMarshal.AsBytes(each));
    }

    private FeedLinkView SiteAtomFeed => new(Site.Title, AtomFeedWriter.MediaType, Urls.AtomFeed);

    private FeedLinkView SiteJsonFeed => new(Site.Title, JsonFeedWriter.MediaType, Urls.JsonFeed);
}

/// <summary>A feed a page announces; <see cref="Url"/> is root-relative, like every URL of the views.</summary>
/// <param name="TypeHtml">
/// The feed's media type, one of SiteGen's constants and never input: written as it is, since escaping would turn
/// the <c>+</c> of <c>application/atom+xml</c> into <c>&amp;#x2B;</c>.
/// </param>
internal sealed record FeedLinkView(string Title, string TypeHtml, string Url);

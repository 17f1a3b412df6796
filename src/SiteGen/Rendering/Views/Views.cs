using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace SiteGen.Rendering.Views;

// The models handed to the Liquid templates. Members reach templates in snake_case
// (AuthorLabel -> author_label). Every URL here is relative to the site root ("papers/x/index.html");
// templates prefix it with {{ site.root }}, the relative path from the current page back to the root
// ("", "../", "../../"), so the output works from disk and under any base path.
// Strings are escaped by the template engine; only members ending in Html are trusted markup.

/// <summary>The site, the same on every page except <see cref="Root"/>.</summary>
internal sealed record SiteView(string Title, string Description, string Root, string Language = "en")
{
    /// <summary>The Markdown pages of the input (about...), for the navigation.</summary>
    public IReadOnlyList<MenuLinkView> Menu { get; init; } = [];

    /// <summary>True when the build writes search-index.js, so the header shows the search box.</summary>
    public bool HasSearch { get; init; }

    /// <summary>Where the site is served, absolute (<c>https://host/repo/</c>); null without a Host setting.</summary>
    public string? BaseUrl { get; init; }
}

/// <summary>A link of the main navigation to a Markdown page of the input.</summary>
internal sealed record MenuLinkView(string Title, string Url);

/// <summary>The page being rendered. Kind is home, paper, tags, tag, authors, author, years, year, page or not-found.</summary>
internal sealed record PageView(string Title, string Kind, string Url, string? Description = null)
{
    private readonly string? _description = Description;

    /// <summary>What the page is about, for search engines and link previews.</summary>
    [JsonIgnore]
    public string? Description => DescribedPaper?.Excerpt ?? _description;

    /// <summary>
    /// The paper a paper's page describes with its excerpt: read from the view when the page is rendered (where a one-off
    /// build keeps it, <see cref="PaperView.StoredExcerpt"/>), not held by the page's document until the build ends.
    /// </summary>
    [JsonIgnore]
    internal PaperView? DescribedPaper { get; init; }

    /// <summary>
    /// What the page's fingerprint takes of its description: a description of its own. A paper's excerpt counts in the
    /// paper's fingerprint, which the page's takes too (<see cref="PageModel"/>), rather than decoded and hashed again
    /// for each page.
    /// </summary>
    [JsonInclude, JsonPropertyName("Description")]
    internal string? OwnDescription => _description;
}

internal sealed record TagLinkView(string Slug, string Name, string Url);

internal sealed record PaperView(
    string Title,
    string Slug,
    string Url,
    string MarkdownUrl,
    int? AuthorCount,
    string AuthorLabel,
    string AuthorsUrl,
    string? Published,
    string? PublishedDisplay,
    int? Comments,
    IReadOnlyList<TagLinkView> Tags,
    string? CodeUrl,
    string AbstractMarkdown,
    string Excerpt,
    ImmutableArray<string> Sources)
{
    /// <summary>
    /// The abstract as HTML, rendered each time it is asked for: by the paper's own page when it is rendered, and by the
    /// feeds. Kept, it was a fifth of everything a 100,000-paper build held, and most of what a new process read back
    /// of each paper's view; the Markdown it comes from is the paper's own text, which the build holds anyway.
    /// </summary>
    [JsonIgnore]
    public string AbstractHtml => MarkdownRenderer.Default.ToHtml(AbstractMarkdown);

    private readonly string _abstractMarkdown = AbstractMarkdown;

    /// <summary>The abstract as Markdown: the paper's own text.</summary>
    [JsonIgnore]
    public string AbstractMarkdown
    {
        get => StoredAbstract?.Text ?? _abstractMarkdown;
        init
        {
            _abstractMarkdown = value;
            StoredAbstract = null;
        }
    }

    /// <summary>The abstract as the store kept it with the paper (<see cref="Papers.Paper.StoredBody"/>), decoded when shown.</summary>
    [JsonIgnore]
    internal Text.StoredText? StoredAbstract { get; init; }

    private readonly string _excerpt = Excerpt;

    /// <summary>The start of the abstract, as plain text: the page's description and the card's summary. Made once, with the view.</summary>
    [JsonIgnore]
    public string Excerpt => StoredExcerpt?.Text ?? _excerpt;

    // What the view's fingerprint takes of the abstract and the excerpt (PageFingerprint hashes the view as JSON): a hash
    // of their UTF-8, kept with a stored text, rather than the text decoded from its file and written out as JSON, which
    // was 3% of what a cold build allocated.
    [JsonInclude, JsonPropertyName("AbstractMarkdown")]
    internal string AbstractHash => $"{Text.StoredText.HashOf(StoredAbstract, _abstractMarkdown):x32}";

    [JsonInclude, JsonPropertyName("Excerpt")]
    internal string ExcerptHash => $"{Text.StoredText.HashOf(StoredExcerpt, _excerpt):x32}";

    /// <summary>The excerpt as a one-off build keeps it, in its file of texts (<see cref="Text.TextFile"/>), read when shown.</summary>
    [JsonIgnore]
    internal Text.StoredText? StoredExcerpt { get; init; }

    /// <summary>The paper's year in the archive (<c>years/2025/index.html</c>); null when it has no date.</summary>
    public string? YearUrl { get; init; }

    /// <summary>
    /// Where the site's order puts the paper (<see cref="Papers.Paper.OrderDate"/>): what a related paper's "own day" is.
    /// Not for templates, which show the paper's own date; not in the fingerprint, since no page shows it.
    /// </summary>
    [JsonIgnore]
    internal DateOnly? OrderDate { get; init; }

    public string? Arxiv { get; init; }

    /// <summary>The authors' names, when a capture listed them.</summary>
    public ImmutableArray<string> Authors { get; init; } = [];

    public string? Organization { get; init; }

    public int? Upvotes { get; init; }

    public int? GithubStars { get; init; }

    /// <summary>The AI-generated summary, shown apart from the abstract and labelled as such.</summary>
    public string? Summary { get; init; }

    public ImmutableArray<string> Keywords { get; init; } = [];

    /// <summary>When the paper was submitted to the daily list (<c>Jun 9, 2025</c>).</summary>
    public string? SubmittedDisplay { get; init; }

    /// <summary>The arXiv abstract page, the PDF and the project page: http(s) URLs, or null.</summary>
    public string? ArxivUrl { get; init; }

    public string? PdfUrl { get; init; }

    public string? ProjectUrl { get; init; }

    /// <summary>A hash of everything above, computed once: pages that show this paper use it to tell whether they changed.</summary>
    public ulong Fingerprint { get; init; }

    /// <summary>
    /// The fingerprint of the paper the view was made from (<see cref="Site.DocumentCodecs.FingerprintOf"/>), made with the
    /// view and stored with it: what the paper's Markdown page and its line of papers.json are made from, so that a new
    /// process finds both kept without writing the paper out again. Not shown to templates.
    /// </summary>
    [JsonIgnore]
    internal ulong PaperFingerprint { get; init; }
}

/// <summary>A link to one page of a list: its number, or null for the front page; a gap before it; far from the current page.</summary>
internal sealed record PageLinkView(int? Number, string Url, bool IsCurrent, bool AfterGap, bool IsFar);

/// <summary>Null when a list fits on one page. Previous is the newer page, next the older one.</summary>
internal sealed record PaginationView(string? PreviousUrl, string? NextUrl, IReadOnlyList<PageLinkView> Pages);

/// <summary>A tag with its number of papers; the count is null on the numbered pages of the tag's list.</summary>
internal sealed record TagSummaryView(string Slug, string Name, string Description, int? Count, string Url);

/// <summary>One bar of the author-count chart, geometry precomputed so the template only draws it.</summary>
internal sealed record AuthorBucketView(string Key, string Label, int Count, string Url, double X, double Y, double Width, double Height);

internal sealed record ChartView(double Width, double Height, double BaselineY, int MaxCount);

/// <summary>
/// Everything one page's template sees. Each layout reads the members it needs:
/// home/tag/author lists use Papers + Pagination (tag pages also Tag), paper uses Paper,
/// tags uses Tags, authors uses Buckets + Chart, years uses Years, page and not-found use ContentHtml.
/// What machines read (canonical URL, feeds, JSON-LD) is derived from these in PageModel.Metadata.cs.
/// </summary>
internal sealed partial record PageModel([property: JsonIgnore] SiteView Site, PageView Page)
{
    [JsonIgnore]
    public PaperView? Paper { get; init; }

    [JsonIgnore]
    public IReadOnlyList<PaperView> Papers { get; init; } = [];

    public PaginationView? Pagination { get; init; }

    public TagSummaryView? Tag { get; init; }

    public IReadOnlyList<TagSummaryView> Tags { get; init; } = [];

    public IReadOnlyList<AuthorBucketView> Buckets { get; init; } = [];

    public ChartView? Chart { get; init; }

    /// <summary>A paper page's papers that share the most tags with it (see <see cref="Papers.RelatedPapers"/>).</summary>
    [JsonIgnore]
    public IReadOnlyList<PaperLinkView> Related { get; init; } = [];

    /// <summary>A paper page's neighbours in the site's order (newest first): the paper before it and the one after.</summary>
    [JsonIgnore]
    public PaperLinkView? Newer { get; init; }

    [JsonIgnore]
    public PaperLinkView? Older { get; init; }

    /// <summary>The year archive's index: every year, newest first, then undated.</summary>
    public IReadOnlyList<YearSummaryView> Years { get; init; } = [];

    /// <summary>Rendered Markdown of a content page (about); trusted markup produced by our renderer.</summary>
    public string? ContentHtml { get; init; }

    /// <summary>
    /// <c>partials/paper-card.liquid</c> rendered for each of <see cref="Papers"/>, in the same order: a paper's card is
    /// rendered once and reused on every list page that shows it, with the page's way back to the root written in.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<RawHtml> CardsHtml { get; init; } = [];
}

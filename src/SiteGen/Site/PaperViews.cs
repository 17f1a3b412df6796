using System.Globalization;
using SiteGen.Papers;
using SiteGen.Rendering.Views;

namespace SiteGen.Site;

/// <summary>Builds what templates show of a paper: labels, URLs, rendered abstract. Built once per paper.</summary>
internal static class PaperViews
{
    private const int ExcerptLength = 260;

    public static PaperView Create(Paper paper, SiteServices site)
    {
        // The texts many papers share are kept once (SharedTexts): a site's views live through its whole build.
        var tags = paper.Tags.Select(t => new TagLinkView(SharedTexts.Share(t), SharedTexts.Share(site.Vocabulary.DisplayName(t)),
            SharedTexts.Share(Urls.ListFront(Urls.TagFolder(t))))).ToArray();
        // A one-off build keeps the excerpt in its file of texts, as it keeps the abstract (Text/TextFile.cs).
        var excerpt = Excerpt(site.Markdown.ToPlainText(paper.Body));
        var view = new PaperView(
            Title: paper.Title,
            Slug: paper.Slug,
            Url: Urls.Paper(paper.Slug),
            MarkdownUrl: Urls.PaperMarkdown(paper.Slug),
            AuthorCount: paper.AuthorCount,
            AuthorLabel: SharedTexts.Share(AuthorLabel(paper.AuthorCount)),
            AuthorsUrl: SharedTexts.Share(Urls.ListFront(Urls.AuthorCountFolder(paper.AuthorCount))),
            Published: SharedTexts.Share(paper.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            PublishedDisplay: SharedTexts.Share(paper.Published?.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)),
            Comments: paper.Comments,
            Tags: tags,
            CodeUrl: SafeUrl.IsHttp(paper.CodeUrl) ? paper.CodeUrl : null,
            // A stored abstract stays stored (read when a page shows it); only the excerpt is made from it now.
            AbstractMarkdown: paper.StoredBody is null ? paper.Body : "",
            Excerpt: site.Texts is null ? excerpt : "",
            Sources: paper.Sources.IsDefault ? [] : paper.Sources)
        {
            YearUrl = paper.Published is { } published ? SharedTexts.Share(Urls.ListFront(Urls.YearFolder(published.Year))) : null,
            OrderDate = paper.OrderDate,
            Arxiv = paper.Arxiv,
            Authors = paper.Authors.IsDefault ? [] : paper.Authors,
            Organization = paper.Organization,
            Upvotes = paper.Upvotes,
            GithubStars = paper.GithubStars,
            Summary = paper.Summary,
            Keywords = paper.Keywords.IsDefault ? [] : paper.Keywords,
            SubmittedDisplay = SharedTexts.Share(paper.Submitted?.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)),
            ArxivUrl = HttpOrNull(paper.Links.GetValueOrDefault(Paper.ArxivLink)),
            PdfUrl = HttpOrNull(paper.Links.GetValueOrDefault(Paper.PdfLink)),
            ProjectUrl = HttpOrNull(paper.Links.GetValueOrDefault(Paper.ProjectLink)),
            StoredAbstract = paper.StoredBody,
            StoredExcerpt = site.Texts?.Keep(excerpt),
            PaperFingerprint = DocumentCodecs.FingerprintOf(paper),
        };
        return view with { Fingerprint = PageFingerprint.Of(view) };
    }

    private static string? HttpOrNull(string? url) => SafeUrl.IsHttp(url) ? url : null;

    public static string AuthorLabel(int? authorCount) => authorCount switch
    {
        null => "author count unknown",
        1 => "1 author",
        var n => $"{n.Value.ToString(CultureInfo.InvariantCulture)} authors",
    };

    /// <summary>The start of the abstract, cut at a word boundary.</summary>
    public static string Excerpt(string text)
    {
        text = Text.Whitespace.Collapse(text);
        if (text.Length <= ExcerptLength)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', ExcerptLength);
        return string.Concat(text.AsSpan(0, cut > 0 ? cut : ExcerptLength).TrimEnd(",;:. "), "…");
    }
}

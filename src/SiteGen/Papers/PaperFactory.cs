using System.Collections.Immutable;
using SiteGen.Listings;

namespace SiteGen.Papers;

/// <summary>Makes papers from what the inputs give: a listing's card, or a hand-written page.</summary>
internal static class PaperFactory
{
    /// <summary>
    /// The paper of one capture's card: the abstract becomes Markdown that renders to the card's text; the code link is
    /// the one the card shows, else the first GitHub URL of the abstract; an arXiv id gives the arXiv and PDF links.
    /// </summary>
    public static Paper FromListingEntry(ListingEntry entry)
    {
        var links = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if ((entry.CodeUrl is { } shown && Site.SafeUrl.IsHttp(shown) ? shown : WebUrls.FirstGitHubUrl(entry.Abstract)) is { } code)
        {
            links[Paper.CodeLink] = code;
        }
        if (entry.ProjectUrl is { } project && Site.SafeUrl.IsHttp(project))
        {
            links[Paper.ProjectLink] = project;
        }
        if (entry.Arxiv is { } arxiv)
        {
            links[Paper.ArxivLink] = ArxivId.AbsUrl(arxiv);
            links[Paper.PdfLink] = ArxivId.PdfUrl(arxiv);
        }
        var authors = entry.Authors.IsDefault ? [] : entry.Authors;
        return new Paper
        {
            Title = entry.Title,
            Slug = Slug.FromTitle(entry.Title, entry.Arxiv),
            Arxiv = entry.Arxiv,
            Authors = authors,
            AuthorCount = authors.IsEmpty ? entry.AuthorCount : authors.Length,
            Organization = entry.Organization,
            Published = entry.Published,
            Submitted = entry.Submitted,
            Upvotes = entry.Upvotes,
            Comments = entry.Comments,
            GithubStars = entry.GithubStars,
            Summary = entry.Summary,
            Keywords = entry.Keywords.IsDefault ? [] : entry.Keywords,
            Links = links.ToImmutable(),
            // The file name only: a page must not depend on where the build ran.
            Sources = [Path.GetFileName(entry.Path)],
            Body = AbstractMarkdown.FromLiteral(entry.Abstract),
            FirstSeen = entry.ListedOn ?? entry.CapturedOn,
            Capture = new CaptureNote(entry.CapturedOn, entry.YearWasInferred),
        };
    }

    /// <summary>
    /// A hand-written page that names no <c>links.code</c> gets the first GitHub URL in its body, as a listing's
    /// paper would. A page that names one keeps it; a page with no GitHub URL is returned as it is.
    /// </summary>
    public static Paper WithCodeLinkFromBody(Paper paper) =>
        paper.CodeUrl is null && WebUrls.FirstGitHubUrl(paper.Body) is { } code
            ? paper with { Links = paper.Links.SetItem(Paper.CodeLink, code) }
            : paper;
}

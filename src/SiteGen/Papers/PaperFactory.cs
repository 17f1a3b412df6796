using System.Collections.Immutable;
using SiteGen.Listings;

namespace SiteGen.Papers;

/// <summary>Makes papers from what the inputs give: a listing's card, or a hand-written page.</summary>
public static class PaperFactory
{
    /// <summary>
    /// The paper of one listing card: the abstract becomes Markdown that renders to the card's text, and the
    /// first GitHub URL in it becomes the paper's code link.
    /// </summary>
    public static Paper FromListingEntry(ListingEntry entry)
    {
        var code = WebUrls.FirstGitHubUrl(entry.Abstract);
        return new Paper
        {
            Title = entry.Title,
            Slug = Slug.FromTitle(entry.Title),
            AuthorCount = entry.AuthorCount,
            Published = entry.Published,
            Comments = entry.Comments,
            Links = code is null
                ? ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal)
                : ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal).Add(Paper.CodeLink, code),
            // The file name only: a page must not depend on where the build ran.
            Sources = [Path.GetFileName(entry.Path)],
            Body = AbstractMarkdown.FromLiteral(entry.Abstract),
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

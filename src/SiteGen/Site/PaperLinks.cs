using SiteGen.Rendering.Views;

namespace SiteGen.Site;

/// <summary>Makes the link to a paper that other papers' pages show.</summary>
internal static class PaperLinks
{
    public static PaperLinkView Of(PaperView paper) => new(paper.Title, paper.Url, paper.PublishedDisplay, paper.OrderDate);
}

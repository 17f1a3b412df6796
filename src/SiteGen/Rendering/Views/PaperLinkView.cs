namespace SiteGen.Rendering.Views;

/// <summary>
/// A link to another paper from a paper's page (related papers, newer and older): only what the link shows,
/// so that editing that paper's abstract does not change, nor render again, the pages that link to it.
/// </summary>
/// <param name="OrderDate">
/// Where the site's order puts the paper (<see cref="Papers.Paper.OrderDate"/>), which its related papers' "own day" is;
/// not for templates, which show <paramref name="PublishedDisplay"/>.
/// </param>
internal sealed record PaperLinkView(string Title, string Url, string? PublishedDisplay, DateOnly? OrderDate = null)
{
    /// <summary>Internal, so that no template reads it (templates reach public members).</summary>
    internal DateOnly? OrderDate { get; init; } = OrderDate;

    /// <summary>
    /// What a page's fingerprint takes of the link (<see cref="PageModel.RelatedFingerprint"/>), and what the links
    /// between papers are made from (<c>LinkPapers</c>): a link is shown on many pages, and is hashed once, not as its
    /// JSON on each of them. Not for templates.
    /// </summary>
    internal ulong Fingerprint { get; } = Site.Fingerprint.Fresh().Add(Title).Add(Url).Add(PublishedDisplay).Add(OrderDate).Value;
}

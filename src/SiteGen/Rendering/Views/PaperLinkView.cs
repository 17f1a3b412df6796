namespace SiteGen.Rendering.Views;

/// <summary>
/// A link to another paper from a paper's page (related papers, newer and older): only what the link shows,
/// so that editing that paper's abstract does not change, nor render again, the pages that link to it.
/// </summary>
internal sealed record PaperLinkView(string Title, string Url, string? PublishedDisplay)
{
    /// <summary>
    /// What a page's fingerprint takes of the link (<see cref="PageModel.RelatedFingerprint"/>): a link is shown on
    /// many pages, and is hashed once, not as its JSON on each of them. Not for templates.
    /// </summary>
    internal ulong Fingerprint { get; } = Site.Fingerprint.Fresh().Add(Title).Add(Url).Add(PublishedDisplay).Value;
}

namespace SiteGen.Rendering.Views;

/// <summary>
/// A link to another paper from a paper's page (related papers, newer and older): only what the link shows,
/// so that editing that paper's abstract does not change, nor render again, the pages that link to it.
/// </summary>
internal sealed record PaperLinkView(string Title, string Url, string? PublishedDisplay);

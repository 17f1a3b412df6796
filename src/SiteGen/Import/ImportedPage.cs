using SiteGen.Papers;

namespace SiteGen.Import;

/// <summary>One paper of the imported listings and the page it goes to: <c>input/papers/{slug}.md</c>.</summary>
/// <param name="Paper">The paper, merged across the listings and tagged as a build would tag it.</param>
/// <param name="Path">The page's absolute path.</param>
/// <param name="Exists">A page is already there: it is kept unless the import is forced.</param>
internal sealed record ImportedPage(Paper Paper, string Path, bool Exists);

using System.Collections.Immutable;

namespace SiteGen.Links;

/// <summary>
/// A strict build (or check) found broken internal links. Links are known only once pages are rendered, which a build
/// does as it writes them: so unlike other warnings, these fail a strict build after it wrote the site
/// (<paramref name="written"/>); <c>sitegen check --strict</c> fails on them having written nothing.
/// </summary>
public sealed class BrokenLinksException(ImmutableArray<string> warnings, bool written)
    : Exception($"{warnings.Length} warning(s), broken links among them, fail the build in strict mode.")
{
    public ImmutableArray<string> Warnings { get; } = warnings;

    public bool Written { get; } = written;
}

using System.Collections.Immutable;

namespace SiteGen.Links;

/// <summary>
/// A strict build (or check) found broken internal links. Links are known only once pages are rendered, which a build
/// does as it stages them: the build then stops before its files replace the published ones, so nothing is written.
/// </summary>
internal sealed class BrokenLinksException(ImmutableArray<string> warnings)
    : Exception($"{warnings.Length} warning(s), broken links among them, fail the build in strict mode.")
{
    public ImmutableArray<string> Warnings { get; } = warnings;
}

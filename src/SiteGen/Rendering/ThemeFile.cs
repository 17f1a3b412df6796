using SiteGen.Site;

namespace SiteGen.Rendering;

/// <summary>
/// One template the renderer uses: its name inside the theme (<c>layouts/base.liquid</c>), the file it was
/// read from, and the path diagnostics print (relative to the site root, e.g. <c>input/layouts/base.liquid</c>).
/// </summary>
internal sealed record ThemeFile(string Name, string FullPath, string DisplayPath)
{
    /// <summary>The folders of a theme that hold Liquid templates.</summary>
    public static readonly IReadOnlyList<string> TemplateFolders = ["layouts", "partials"];

    public const string Extension = ".liquid";

    /// <summary>
    /// Every template under <paramref name="themeRoots"/>, where a file in an earlier root overrides the file
    /// with the same name in a later one (a user's <c>input/layouts/paper.liquid</c> beats the theme's).
    /// Sorted by name, so loading is deterministic.
    /// </summary>
    /// <param name="warnings">Symbolic links that are not followed (<see cref="Site.SourceTree"/>).</param>
    public static IReadOnlyList<ThemeFile> Find(IReadOnlyList<string> themeRoots, string siteRoot, List<Diagnostics.Diagnostic>? warnings = null)
    {
        var sources = new Site.SourceTree(siteRoot, themeRoots);
        var byName = new SortedDictionary<string, ThemeFile>(StringComparer.Ordinal);
        foreach (var root in themeRoots)
        {
            foreach (var folder in TemplateFolders)
            {
                foreach (var file in sources.Files(Path.Combine(root, folder), "*" + Extension, recursive: true, warnings))
                {
                    var name = SitePath.Relative(root, file.Path);
                    byName.TryAdd(name, new ThemeFile(name, file.Path, SitePath.Relative(siteRoot, file.Path)));
                }
            }
        }

        return [.. byName.Values];
    }

    /// <summary><paramref name="path"/> relative to <paramref name="from"/>, with forward slashes on every platform.</summary>
}

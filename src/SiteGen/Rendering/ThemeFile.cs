namespace SiteGen.Rendering;

/// <summary>
/// One template the renderer uses: its name inside the theme (<c>layouts/base.liquid</c>), the file it was
/// read from, and the path diagnostics print (relative to the site root, e.g. <c>input/layouts/base.liquid</c>).
/// </summary>
public sealed record ThemeFile(string Name, string FullPath, string DisplayPath)
{
    /// <summary>The folders of a theme that hold Liquid templates.</summary>
    public static readonly IReadOnlyList<string> TemplateFolders = ["layouts", "partials"];

    public const string Extension = ".liquid";

    /// <summary>
    /// Every template under <paramref name="themeRoots"/>, where a file in an earlier root overrides the file
    /// with the same name in a later one (a user's <c>input/layouts/paper.liquid</c> beats the theme's).
    /// Sorted by name, so loading is deterministic.
    /// </summary>
    public static IReadOnlyList<ThemeFile> Find(IReadOnlyList<string> themeRoots, string siteRoot)
    {
        var byName = new SortedDictionary<string, ThemeFile>(StringComparer.Ordinal);
        foreach (var root in themeRoots)
        {
            foreach (var folder in TemplateFolders)
            {
                var directory = Path.Combine(root, folder);
                if (!Directory.Exists(directory))
                {
                    continue;
                }

                foreach (var fullPath in Directory.EnumerateFiles(directory, "*" + Extension, SearchOption.AllDirectories))
                {
                    var name = Display(root, fullPath);
                    byName.TryAdd(name, new ThemeFile(name, Path.GetFullPath(fullPath), Display(siteRoot, fullPath)));
                }
            }
        }

        return [.. byName.Values];
    }

    /// <summary><paramref name="path"/> relative to <paramref name="from"/>, with forward slashes on every platform.</summary>
    public static string Display(string from, string path) => Path.GetRelativePath(from, path).Replace('\\', '/');
}

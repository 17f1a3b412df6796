using SiteGen.Diagnostics;
using SiteGen.Settings;

namespace SiteGen.Site;

/// <summary>
/// The folders a build writes to, the output and the cache, as they really are (every symbolic link on the way
/// resolved), checked before anything is read or written: a build may remove files from the output folder and write
/// its own into both, so neither may be the file system's root or the site folder, nor hold or sit in one of the site's
/// sources, nor be inside the other. The defaults (<c>output/</c> and <c>cache/</c> in the site folder) always pass.
/// </summary>
/// <param name="CacheId">
/// What names the output folder's files in the cache (<c>cache/output-{id}.*</c>): its path from the site folder when
/// both it and the cache are inside the site, so a site moved or checked out elsewhere (a CI runner's workspace, a
/// copy) keeps its cache; else its full path, so that the output folders of two sites sharing a cache folder never
/// share files.
/// </param>
internal sealed record SiteFolders(string Output, string Cache, string CacheId)
{
    /// <param name="output">--output, when given; else the OutputPath setting.</param>
    public static SiteFolders Resolve(string root, SiteSettings settings, string? output)
    {
        var realRoot = RealPath(root);
        var outputFolder = Folder(output ?? settings.OutputPath, output is null ? "the OutputPath setting" : "--output", root);
        var cacheFolder = Folder(settings.CachePath, "the CachePath setting", root);
        // The default theme folder, theme/, is optional: without it the site has the built-in theme alone.
        var themes = settings.ThemePathsGiven ? settings.ThemePaths : [];
        foreach (var (setting, paths) in new[] { (nameof(SiteSettings.InputPaths), settings.InputPaths), (nameof(SiteSettings.ThemePaths), themes) })
        {
            foreach (var missing in paths.Where(p => !Directory.Exists(Path.GetFullPath(p, root))))
            {
                // An empty site that deletes the last one's pages is never what a mistyped folder name meant.
                throw new ContentException(SettingsLoader.FileName, 0, 0,
                    $"{setting} names '{missing}', which is not a folder of {root}; create it, or fix the setting");
            }
        }
        var sources = settings.InputPaths.Concat(settings.ThemePaths).Select(s => RealPath(Path.GetFullPath(s, root))).ToArray();
        foreach (var (folder, what, name) in new[] { (outputFolder.Real, outputFolder.Origin, "output"), (cacheFolder.Real, cacheFolder.Origin, "cache") })
        {
            if (Path.GetPathRoot(folder) == folder)
            {
                throw new UsageException($"{what} names '{folder}', the root of the file system; choose a folder of its own, such as '{name}'");
            }
            if (IsSameOrInside(realRoot, folder))
            {
                throw new UsageException($"{what} names '{folder}', which holds the site itself; choose a folder inside it, such as '{name}'");
            }
            foreach (var source in sources.Where(s => IsSameOrInside(s, folder) || IsSameOrInside(folder, s)))
            {
                throw new UsageException($"{what} names '{folder}', which overlaps '{source}', one of the site's input or theme folders; choose another, such as '{name}'");
            }
        }
        if (IsSameOrInside(cacheFolder.Real, outputFolder.Real) || IsSameOrInside(outputFolder.Real, cacheFolder.Real))
        {
            // A cache in the output would be published with the site and counted as its files; an output in the cache
            // would be tidied up with it.
            throw new UsageException($"{cacheFolder.Origin} names '{cacheFolder.Real}' and {outputFolder.Origin} '{outputFolder.Real}': one is inside the other; keep them apart, such as 'cache' and 'output'");
        }
        var cacheName = IsSameOrInside(outputFolder.Real, realRoot) && IsSameOrInside(cacheFolder.Real, realRoot)
            ? "site:" + Path.GetRelativePath(realRoot, outputFolder.Real).Replace(Path.DirectorySeparatorChar, '/')
            : outputFolder.Real;
        return new SiteFolders(outputFolder.Real, cacheFolder.Real, $"{new Fingerprint().Add(cacheName).Value:x16}");
    }

    /// <summary>What named the output folder's cache files before <see cref="CacheId"/>: its full path, always.</summary>
    public string FormerCacheId => $"{new Fingerprint().Add(Output).Value:x16}";

    /// <summary>
    /// The site's own theme folders, absolute, in priority order: those ThemePaths names, or theme/ when the setting is not
    /// given and the site has one. The built-in theme comes after them.
    /// </summary>
    public static string[] SiteThemes(string root, SiteSettings settings) =>
        [.. settings.ThemePaths.Select(p => Path.GetFullPath(p, root)).Where(p => settings.ThemePathsGiven || Directory.Exists(p))];

    private static (string Real, string Origin) Folder(string path, string origin, string root)
    {
        if (string.IsNullOrWhiteSpace(path) || path.Contains('\0'))
        {
            throw new UsageException($"{origin} is empty; name a folder, such as 'output'");
        }
        var real = RealPath(Path.GetFullPath(path, root));
        if (File.Exists(real))
        {
            throw new UsageException($"{origin} names '{real}', which is a file; name a folder");
        }
        return (real, origin);
    }

    /// <summary>
    /// <paramref name="path"/> with every symbolic link on the way replaced by what it points to, as realpath(3) does;
    /// the part that does not exist yet is kept as written.
    /// </summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        var pending = new Stack<string>(Parts(full[current.Length..]).Reverse());
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Combine(current, part);
            var target = Entries.KindOf(next) == EntryKind.Link ? new FileInfo(next).LinkTarget : null;
            if (target is null)
            {
                current = next;
                continue;
            }
            if (++links > 40)
            {
                throw new UsageException($"'{path}' goes through a loop of symbolic links at '{next}'");
            }
            foreach (var piece in Parts(target).Reverse())
            {
                pending.Push(piece);
            }
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
            }
        }
        return current;
    }

    private static IEnumerable<string> Parts(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".");

    public static bool IsSameOrInside(string path, string folder)
    {
        var a = Path.TrimEndingDirectorySeparator(path);
        var b = Path.TrimEndingDirectorySeparator(folder);
        return a == b || a.StartsWith(b.EndsWith(Path.DirectorySeparatorChar) ? b : b + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}

using SiteGen.Site;

namespace SiteGen.Scaffold;

/// <summary>
/// The theme that comes inside the program (the repository's <c>theme/</c>, embedded when SiteGen is built): layouts,
/// partials and assets. It is the last of a build's theme folders, so a site needs no theme of its own, and a file of
/// the site's <c>theme/</c> (or of <c>input/</c>) at the same relative path replaces the built-in one.
/// </summary>
/// <remarks>
/// Templates and assets are read from folders, so the built-in theme is written out, once per version, to
/// <c>theme/</c> in the cache folder (only what differs is written, so a build of the same version writes nothing there).
/// </remarks>
internal static class BuiltInTheme
{
    private const string Prefix = "theme/";

    /// <summary>Where in the cache folder the built-in theme is written out.</summary>
    public const string CacheFolderName = "theme";

    /// <summary>Every file of the built-in theme: its path relative to the theme (forward slashes) and its bytes.</summary>
    public static IReadOnlyList<(string Path, byte[] Bytes)> Files { get; } = Load();

    /// <summary>
    /// Writes the built-in theme to <c>theme/</c> in <paramref name="cacheFolder"/>: each file whose bytes differ (or that
    /// is missing) is written beside itself and moved over it; files that are not the theme's are removed. Returns the folder.
    /// </summary>
    public static string WriteOut(string cacheFolder, FileOperations files)
    {
        var folder = Path.Combine(cacheFolder, CacheFolderName);
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (relative, bytes) in Files)
        {
            var path = Path.Combine(folder, relative);
            expected.Add(Path.GetFullPath(path));
            if (File.Exists(path) && new FileInfo(path).Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            {
                continue;
            }
            // A temporary name of this process's own: two builds (a check beside a build) may write the same file at once.
            files.WriteAtomically(path, stream => stream.Write(bytes), $"{path}.{Environment.ProcessId}.partial");
        }
        foreach (var stale in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => !expected.Contains(Path.GetFullPath(f))))
        {
            files.DeleteFile(stale);
        }
        return folder;
    }

    private static List<(string Path, byte[] Bytes)> Load()
    {
        var files = EmbeddedFiles(Prefix);
        if (files.Count == 0)
        {
            throw new InvalidOperationException("SiteGen was built without its theme: no embedded resource starts with 'theme/'.");
        }
        return files;
    }

    /// <summary>The program's embedded files whose names start with <paramref name="prefix"/>: their paths after it (forward slashes) and bytes, in name order.</summary>
    internal static List<(string Path, byte[] Bytes)> EmbeddedFiles(string prefix)
    {
        var assembly = typeof(BuiltInTheme).Assembly;
        var files = new List<(string, byte[])>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            files.Add((name[prefix.Length..].Replace('\\', '/'), bytes.ToArray()));
        }
        return files;
    }
}

namespace SiteGen.Site;

/// <summary>Paths as SiteGen shows and keys them: relative, with forward slashes on every system.</summary>
internal static class SitePath
{
    /// <summary><paramref name="path"/> relative to <paramref name="from"/>, with '/' between its parts.</summary>
    public static string Relative(string from, string path) => Path.GetRelativePath(from, path).Replace('\\', '/');
}

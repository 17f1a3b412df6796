using SiteGen.Diagnostics;
using SiteGen.Settings;
using SiteGen.Site;

namespace SiteGen.Preview;

/// <summary>
/// The folders a preview serves and watches, as the settings name them: read again after each build, since an edit
/// of statiq.json may move them.
/// </summary>
internal sealed record PreviewFolders(string Output, string Cache, string SettingsFile, IReadOnlyList<string> Sources)
{
    public static PreviewFolders Read(BuildRequest request)
    {
        var root = Path.GetFullPath(request.Root);
        var settings = SettingsLoader.Load(root, request.Settings ?? [], request.Environment ?? SiteBuilder.ReadEnvironment(), new List<Diagnostic>());
        return new PreviewFolders(
            request.Output is { } output ? Path.GetFullPath(output) : Path.GetFullPath(settings.OutputPath, root),
            Path.GetFullPath(settings.CachePath, root),
            Path.Combine(root, SettingsLoader.FileName),
            [.. settings.InputPaths.Concat(settings.ThemePaths).Select(p => Path.GetFullPath(p, root)).Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>The same folders (a record compares its list of sources by reference).</summary>
    public bool SameAs(PreviewFolders other) =>
        SettingsFile == other.SettingsFile && Output == other.Output && Cache == other.Cache && Sources.SequenceEqual(other.Sources);

    /// <summary>True for a path the build writes (output, cache): a change there must not start another build.</summary>
    public bool IsWrittenByTheBuild(string path) => IsInside(path, Output) || IsInside(path, Cache);

    private static bool IsInside(string path, string folder)
    {
        var f = Path.TrimEndingDirectorySeparator(folder);
        return path == f || path.StartsWith(f + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}

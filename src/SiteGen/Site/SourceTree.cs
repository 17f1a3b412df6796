using System.Collections.Concurrent;
using System.IO.Enumeration;
using SiteGen.Diagnostics;

namespace SiteGen.Site;

/// <summary>
/// The site's sources as a build may read them: the files under its input and theme folders. A symbolic link is followed
/// only when it leads inside the site folder (or into one of those folders); any other is skipped with a warning that names
/// it, as is a dangling one. A folder is walked once: a link back to a folder already read (a loop) is never walked again.
/// Files are found in one walk of each folder, name, time and length together (one stat a file on the walking thread).
/// </summary>
/// <param name="folders">
/// What the build's walks found in each folder so far, when the build reads its sources as they were at its start (a
/// build from the command line: the up-to-date check walks them all, and the steps that read files list the same
/// folders again); null to read each folder as it is when it is walked (the preview, whose builds follow edits).
/// </param>
internal sealed class SourceTree(string root, IEnumerable<string> sourceFolders, SourceTree.FolderEntries? folders = null)
{
    /// <summary>The entries of each folder, by its real path, read once for one build.</summary>
    internal sealed class FolderEntries
    {
        private readonly ConcurrentDictionary<string, Entry[]> _entries = new(StringComparer.Ordinal);

        public Entry[] Of(string real) => _entries.GetOrAdd(real, Read);
    }

    /// <summary>A folder's entry, with what one stat of it tells.</summary>
    internal readonly record struct Entry(string Name, bool Link, bool Folder, DateTime Time, long Length);

    private readonly string _root = Path.GetFullPath(root);
    private readonly string[] _allowed = [SiteFolders.RealPath(root), .. sourceFolders.Select(SiteFolders.RealPath)];

    /// <summary>
    /// The files matching <paramref name="pattern"/> in <paramref name="folder"/> (and in its subfolders when
    /// <paramref name="recursive"/>), in no set order; their paths are under <paramref name="folder"/> as named, links
    /// included. Skipped links are added to <paramref name="warnings"/> when given.
    /// </summary>
    public List<FoundFile> Files(string folder, string pattern, bool recursive, List<Diagnostic>? warnings)
    {
        var found = new List<FoundFile>();
        folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (Reach(folder, warnings) is { } real)
        {
            Walk(real, folder, pattern, recursive, new HashSet<string>(StringComparer.Ordinal) { real }, found, warnings);
        }
        return found;
    }

    /// <summary>The file <paramref name="name"/> of <paramref name="folder"/>, if it is one the build may read.</summary>
    public FoundFile? Find(string folder, string name, List<Diagnostic>? warnings)
    {
        var path = Path.Combine(folder, name);
        if (Reach(Path.GetDirectoryName(path)!, warnings) is not { } real)
        {
            return null;
        }
        var entry = Path.Combine(real, name);
        var target = Entries.KindOf(entry) == EntryKind.Link ? Follow(entry, path, warnings) : entry;
        var file = target is null ? null : new FileInfo(target);
        return file is { Exists: true } ? new FoundFile(path, file.LastWriteTimeUtc, file.Length) : null;
    }

    /// <summary>The real folder that <paramref name="folder"/> is; null when it is missing or a link on the way leads outside.</summary>
    private string? Reach(string folder, List<Diagnostic>? warnings)
    {
        string real;
        try
        {
            real = SiteFolders.RealPath(folder);
        }
        catch (UsageException)
        {
            Warn(warnings, folder, "is reached through a loop of symbolic links, so it is not read; remove the link");
            return null;
        }
        if (!IsAllowed(real))
        {
            Warn(warnings, folder, $"is reached through a symbolic link to '{real}', outside the site folder, so it is not read; move what it holds into the site folder");
            return null;
        }
        return Directory.Exists(real) ? real : null;
    }

    /// <summary>
    /// The real folders first, in name order, then the links found on the way, in the order found: a folder is read under
    /// its own name before any link to it, so what a link adds does not depend on the order the system lists entries in.
    /// </summary>
    private void Walk(string real, string shown, string pattern, bool recursive, HashSet<string> visited, List<FoundFile> found,
        List<Diagnostic>? warnings)
    {
        var links = new Queue<(string Entry, string Shown)>();
        WalkFolders(real, shown, pattern, recursive, visited, found, links, warnings);
        while (links.TryDequeue(out var link))
        {
            if (Follow(link.Entry, link.Shown, warnings) is not { } target)
            {
                continue;
            }
            if (Directory.Exists(target))
            {
                if (recursive && Visit(target, link.Shown, visited, warnings))
                {
                    WalkFolders(target, link.Shown, pattern, recursive, visited, found, links, warnings);
                }
            }
            else if (FileSystemName.MatchesSimpleExpression(pattern, Path.GetFileName(link.Shown)))
            {
                var file = new FileInfo(target);
                found.Add(new FoundFile(link.Shown, file.LastWriteTimeUtc, file.Length));
            }
        }
    }

    private void WalkFolders(string real, string shown, string pattern, bool recursive, HashSet<string> visited, List<FoundFile> found,
        Queue<(string Entry, string Shown)> links, List<Diagnostic>? warnings)
    {
        foreach (var (name, link, folder, time, length) in folders?.Of(real) ?? Read(real))
        {
            var path = Path.Combine(shown, name);
            if (link)
            {
                links.Enqueue((Path.Combine(real, name), path));
            }
            else if (folder)
            {
                var next = Path.Combine(real, name);
                if (recursive && Visit(next, path, visited, warnings))
                {
                    WalkFolders(next, path, pattern, recursive, visited, found, links, warnings);
                }
            }
            else if (FileSystemName.MatchesSimpleExpression(pattern, name))
            {
                found.Add(new FoundFile(path, time, length));
            }
        }
    }

    /// <summary>The entries of the folder <paramref name="real"/>, in ordinal order of their names.</summary>
    private static Entry[] Read(string real)
    {
        var entries = LinuxFolderWalk.TryEntries(real) ?? new FileSystemEnumerable<Entry>(real,
            (ref FileSystemEntry e) => new Entry(e.FileName.ToString(), e.Attributes.HasFlag(FileAttributes.ReparsePoint), e.IsDirectory,
                e.LastWriteTimeUtc.UtcDateTime, e.Length),
            new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false }).ToArray();
        Array.Sort(entries, (x, y) => string.CompareOrdinal(x.Name, y.Name));
        return entries;
    }

    private bool Visit(string real, string shown, HashSet<string> visited, List<Diagnostic>? warnings)
    {
        if (visited.Add(real))
        {
            return true;
        }
        Warn(warnings, shown, $"is a symbolic link to a folder read already ('{real}': a loop, or a second link to it), so it is not read again");
        return false;
    }

    /// <summary>Where the link <paramref name="entry"/> leads, if the build may read there; else null, and a warning.</summary>
    private string? Follow(string entry, string shown, List<Diagnostic>? warnings)
    {
        string target;
        try
        {
            target = SiteFolders.RealPath(entry);
        }
        catch (UsageException)
        {
            Warn(warnings, shown, "is a loop of symbolic links, so it is not read; remove the link");
            return null;
        }
        if (!IsAllowed(target))
        {
            Warn(warnings, shown, $"is a symbolic link to '{target}', outside the site folder, so it is not read; copy what it points to into the site folder");
            return null;
        }
        if (Entries.KindOf(target) == EntryKind.Missing)
        {
            Warn(warnings, shown, $"is a symbolic link to '{target}', which does not exist, so it is not read; remove the link or mend it");
            return null;
        }
        return target;
    }

    private bool IsAllowed(string real) => _allowed.Any(folder => SiteFolders.IsSameOrInside(real, folder));

    private void Warn(List<Diagnostic>? warnings, string path, string message) =>
        warnings?.Add(Diagnostic.Warning(SitePath.Relative(_root, path), 0, message));
}

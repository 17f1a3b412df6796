using System.IO.Enumeration;

namespace SiteGen.Site;

/// <summary>
/// The files one <see cref="Modules.ReadFiles"/> found in its folders at the last build of a session, by name, with the
/// time and length each had. A rebuild told which paths a watcher saw change (<see cref="BuildRequest.ChangedFiles"/>)
/// starts from that listing and looks at those paths alone: at 10,000 papers, listing 2,147 papers again cost 10 to
/// 20 ms an edit, one stat a file. Without a listing, or when a change may hide files (a folder moved or deleted, a
/// watcher that lost events and reported its root), the folders are listed again.
/// </summary>
internal sealed class FolderListings(bool remember)
{
    private readonly Dictionary<string, SortedDictionary<string, FoundFile>> _last = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Lists the files matching <paramref name="pattern"/> in <paramref name="directories"/> (the first folder holding a name wins).</summary>
    /// <param name="sources">What the build may read (<see cref="SourceTree"/>).</param>
    /// <param name="warnings">Links skipped on the way.</param>
    /// <param name="recursive">True to list the folders' subfolders too (the listings folder: <c>sitegen fetch</c> writes into <c>hf/</c>).</param>
    public FoundFile[] List(SourceTree sources, IReadOnlyList<string> directories, string pattern, IReadOnlyCollection<string>? changed,
        List<Diagnostics.Diagnostic> warnings, bool recursive = false)
    {
        var key = string.Join('\n', [pattern, recursive ? "**" : "*", .. directories]);
        SortedDictionary<string, FoundFile>? last = null;
        if (remember)
        {
            lock (_gate)
            {
                _last.TryGetValue(key, out last);
            }
        }
        var found = last is not null && changed is not null && Update(sources, last, directories, pattern, changed, warnings, recursive) is { } updated
            ? updated
            : Walk(sources, directories, pattern, warnings, recursive);
        if (remember)
        {
            lock (_gate)
            {
                _last[key] = found;
            }
        }
        return [.. found.Values];
    }

    /// <summary>The last listing with the changed paths looked at again; null when a change calls for a new walk.</summary>
    private static SortedDictionary<string, FoundFile>? Update(SourceTree sources,
        SortedDictionary<string, FoundFile> last, IReadOnlyList<string> directories, string pattern, IReadOnlyCollection<string> changed,
        List<Diagnostics.Diagnostic> warnings, bool recursive)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in changed)
        {
            var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
            foreach (var directory in directories)
            {
                if (IsSameOrInside(directory, full))
                {
                    return null; // the folder itself, or one that holds it, changed: its files may all have
                }
                var inFolder = recursive ? IsSameOrInside(full, directory) : string.Equals(Path.GetDirectoryName(full), directory, StringComparison.Ordinal);
                if (!inFolder || !FileSystemName.MatchesSimpleExpression(pattern, Path.GetFileName(full)))
                {
                    continue;
                }
                var name = SitePath.Relative(directory, full);
                if (recursive && (Directory.Exists(full) || (!File.Exists(full) && !last.ContainsKey(name))))
                {
                    return null; // a subfolder came or went: what it holds is found by a walk
                }
                names.Add(name);
            }
        }
        if (names.Count == 0)
        {
            return last; // nothing of these folders changed: the listing is the same object, so is every document from it
        }
        var updated = new SortedDictionary<string, FoundFile>(last, StringComparer.Ordinal);
        foreach (var name in names)
        {
            updated.Remove(name);
            foreach (var directory in directories)
            {
                if (sources.Find(directory, name, warnings) is { } file)
                {
                    updated[name] = file;
                    break;
                }
            }
        }
        return updated;
    }

    /// <summary>True when <paramref name="changed"/> is <paramref name="directory"/> or one of the folders above it.</summary>
    private static bool IsSameOrInside(string directory, string changed) =>
        directory.Length == changed.Length
            ? string.Equals(directory, changed, StringComparison.Ordinal)
            : directory.Length > changed.Length && directory.StartsWith(changed, StringComparison.Ordinal)
                && directory[changed.Length] == Path.DirectorySeparatorChar;

    private static SortedDictionary<string, FoundFile> Walk(SourceTree sources, IReadOnlyList<string> directories, string pattern,
        List<Diagnostics.Diagnostic> warnings, bool recursive)
    {
        var found = new SortedDictionary<string, FoundFile>(StringComparer.Ordinal);
        foreach (var directory in directories)
        {
            foreach (var file in sources.Files(directory, pattern, recursive, warnings))
            {
                found.TryAdd(SitePath.Relative(directory, file.Path), file);
            }
        }
        return found;
    }
}

/// <summary>A file found in an input folder: its path, and the time and length that tell whether it changed.</summary>
internal readonly record struct FoundFile(string Path, DateTime Modified, long Length);

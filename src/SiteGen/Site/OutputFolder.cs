using System.Collections.Concurrent;
using System.Text;

namespace SiteGen.Site;

/// <summary>
/// The only place that writes to disk during a build. Every path is checked to stay inside the output
/// folder; a file whose bytes are unchanged is not rewritten (its timestamp stays, so hosts and rsync
/// see no change); files that an earlier build wrote and this one did not are removed, and only those:
/// the manifest of what SiteGen wrote keeps it from touching files it did not make.
/// </summary>
public sealed class OutputFolder
{
    public const string ManifestName = ".sitegen-manifest";

    private readonly ConcurrentDictionary<string, byte> _produced = new(StringComparer.Ordinal);
    private int _written;

    public OutputFolder(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    /// <summary>Files whose bytes changed (or were new) in this build.</summary>
    public int FilesWritten => _written;

    /// <summary>Files this build produced, changed or not.</summary>
    public int FilesProduced => _produced.Count;

    public void Write(string destination, string content) => Write(destination, Encoding.UTF8.GetBytes(content));

    public void Write(string destination, byte[] bytes)
    {
        var full = Resolve(destination);
        if (!_produced.TryAdd(destination, 0))
        {
            throw new InvalidOperationException($"Two documents are written to '{destination}'.");
        }
        if (File.Exists(full) && new FileInfo(full).Length == bytes.Length && File.ReadAllBytes(full).AsSpan().SequenceEqual(bytes))
        {
            return;
        }
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        Interlocked.Increment(ref _written);
    }

    /// <summary>Removes what the previous build wrote and this one did not, then records this build's files.</summary>
    public int RemoveStaleFiles()
    {
        var manifest = System.IO.Path.Combine(Path, ManifestName);
        var removed = 0;
        if (File.Exists(manifest))
        {
            foreach (var destination in File.ReadLines(manifest))
            {
                if (destination.Length == 0 || _produced.ContainsKey(destination) || !IsInside(destination, out var full))
                {
                    continue;
                }
                if (File.Exists(full))
                {
                    File.Delete(full);
                    removed++;
                    RemoveEmptyFolders(System.IO.Path.GetDirectoryName(full)!);
                }
            }
        }
        var lines = string.Join('\n', _produced.Keys.Order(StringComparer.Ordinal)) + "\n";
        if (!File.Exists(manifest) || File.ReadAllText(manifest) != lines)
        {
            Directory.CreateDirectory(Path);
            File.WriteAllText(manifest, lines);
        }
        return removed;
    }

    /// <summary>The absolute path of <paramref name="destination"/>; throws if it would leave the output folder.</summary>
    public string Resolve(string destination) =>
        IsInside(destination, out var full)
            ? full
            : throw new InvalidOperationException($"'{destination}' would be written outside the output folder.");

    private bool IsInside(string destination, out string full)
    {
        full = System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, destination));
        return !System.IO.Path.IsPathRooted(destination)
            && full.StartsWith(Path + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private void RemoveEmptyFolders(string folder)
    {
        while (folder.Length > Path.Length && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
            folder = System.IO.Path.GetDirectoryName(folder)!;
        }
    }
}

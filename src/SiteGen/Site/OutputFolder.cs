using System.Collections.Concurrent;
using System.Globalization;

namespace SiteGen.Site;

/// <summary>
/// The only place that writes the site. Every path is checked to stay inside the output folder. A manifest
/// of what the last build wrote (in the cache folder) holds, per file, the fingerprint of its inputs and
/// the hash of its bytes, so that a rebuild
/// <list type="bullet">
/// <item>skips rendering a page whose inputs did not change (<see cref="TryKeep"/>),</item>
/// <item>does not rewrite a file whose bytes did not change (its timestamp stays; hosts and rsync see no change),</item>
/// <item>removes the files the last build wrote and this one did not — and only those: files SiteGen did not make stay.</item>
/// </list>
/// Deleting the cache folder is safe: the next build renders and compares everything again.
/// </summary>
public sealed class OutputFolder
{
    private readonly string? _manifestPath;
    private readonly Dictionary<string, FileStamp> _previous;
    private readonly ConcurrentDictionary<string, FileStamp> _produced;
    private readonly ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);
    private int _written;

    /// <param name="path">The output folder.</param>
    /// <param name="manifestPath">Where the manifest of this output folder is kept; null keeps none (every file is compared on disk).</param>
    public OutputFolder(string path, string? manifestPath = null)
    {
        Path = System.IO.Path.GetFullPath(path);
        _manifestPath = manifestPath;
        _previous = manifestPath is not null && Directory.Exists(Path) ? FileStamp.ReadManifest(manifestPath) : [];
        // Sized like the last build: growing a concurrent table takes all its locks, again and again.
        _produced = new(Environment.ProcessorCount, Math.Max(31, _previous.Count), StringComparer.Ordinal);
    }

    public string Path { get; }

    /// <summary>Files whose bytes changed (or were new) in this build.</summary>
    public int FilesWritten => _written;

    /// <summary>Files this build produced, changed or not.</summary>
    public int FilesProduced => _produced.Count;

    /// <summary>
    /// True, and the file counts as produced, when the last build wrote <paramref name="destination"/> from
    /// inputs with this fingerprint and the file is still there as written: then it need not be rendered.
    /// </summary>
    public bool TryKeep(string destination, ulong inputs)
    {
        if (!_previous.TryGetValue(destination, out var stamp) || stamp.Inputs != inputs || !IsIntact(Resolve(destination), stamp))
        {
            return false;
        }
        Produce(destination, stamp);
        return true;
    }

    public void Write(string destination, ReadOnlySpan<byte> bytes, ulong inputs = 0)
    {
        var stamp = new FileStamp(inputs, Fingerprint.Of(bytes), bytes.Length);
        Produce(destination, stamp);
        var full = Resolve(destination);
        if (_previous.TryGetValue(destination, out var old)
                ? old.Bytes == stamp.Bytes && old.Length == stamp.Length && IsIntact(full, stamp)
                : SameBytesOnDisk(full, bytes))
        {
            return;
        }
        var folder = System.IO.Path.GetDirectoryName(full)!;
        // Remembered only once it exists: a thread that found it remembered but not yet made (another pipeline
        // writing to the same folder, tags/x/index.html and tags/x/feed.xml) would fail to write into it.
        if (!_folders.ContainsKey(folder))
        {
            Directory.CreateDirectory(folder);
            _folders.TryAdd(folder, 0);
        }
        File.WriteAllBytes(full, bytes);
        Interlocked.Increment(ref _written);
    }

    /// <summary>Removes what the previous build wrote and this one did not, then records this build's files.</summary>
    public int RemoveStaleFiles()
    {
        var removed = 0;
        foreach (var destination in _previous.Keys)
        {
            if (_produced.ContainsKey(destination) || !IsInside(destination, out var full) || !File.Exists(full))
            {
                continue;
            }
            File.Delete(full);
            removed++;
            RemoveEmptyFolders(System.IO.Path.GetDirectoryName(full)!);
        }
        if (_manifestPath is not null)
        {
            FileStamp.WriteManifest(_manifestPath, _produced);
        }
        return removed;
    }

    /// <summary>The absolute path of <paramref name="destination"/>; throws if it would leave the output folder.</summary>
    public string Resolve(string destination) =>
        IsInside(destination, out var full)
            ? full
            : throw new InvalidOperationException($"'{destination}' would be written outside the output folder.");

    private void Produce(string destination, FileStamp stamp)
    {
        if (!_produced.TryAdd(destination, stamp))
        {
            throw new InvalidOperationException($"Two documents are written to '{destination}'.");
        }
    }

    /// <summary>Without a manifest entry (a first build, a deleted cache), the file on disk is compared itself.</summary>
    private static bool SameBytesOnDisk(string full, ReadOnlySpan<byte> bytes)
    {
        var file = new FileInfo(full);
        return file.Exists && file.Length == bytes.Length && File.ReadAllBytes(full).AsSpan().SequenceEqual(bytes);
    }

    /// <summary>The file is there with the length SiteGen wrote (a cheap check: one stat, no read).</summary>
    private static bool IsIntact(string full, FileStamp stamp)
    {
        var file = new FileInfo(full);
        return file.Exists && file.Length == stamp.Length;
    }

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

/// <summary>What the manifest knows of one output file: its inputs' fingerprint, its bytes' hash and length.</summary>
internal readonly record struct FileStamp(ulong Inputs, ulong Bytes, long Length)
{
    /// <summary>One line per file: <c>inputs bytes length destination</c>, hashes in hex, sorted by destination.</summary>
    public static Dictionary<string, FileStamp> ReadManifest(string path)
    {
        var stamps = new Dictionary<string, FileStamp>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return stamps;
        }
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split(' ', 4);
            if (parts.Length == 4
                && ulong.TryParse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var inputs)
                && ulong.TryParse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var bytes)
                && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                stamps[parts[3]] = new FileStamp(inputs, bytes, length);
            }
            // A line that does not read is ignored: the cache is only ever a shortcut.
        }
        return stamps;
    }

    public static void WriteManifest(string path, IEnumerable<KeyValuePair<string, FileStamp>> stamps)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        using var writer = new StreamWriter(path);
        foreach (var (destination, stamp) in stamps.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{stamp.Inputs:x16} {stamp.Bytes:x16} {stamp.Length} {destination}\n"));
        }
    }
}

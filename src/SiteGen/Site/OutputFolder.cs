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
/// <para>
/// A dry run (<c>sitegen check</c>) goes through the same calls but touches nothing on disk: every page is rendered
/// (none is kept, or its links could not be checked), every path is checked, every file is counted, and nothing is
/// written, removed, or recorded in the manifest.
/// </para>
/// </summary>
public sealed class OutputFolder
{
    private readonly string? _manifestPath;
    private readonly BuildSession? _session;
    private readonly IReadOnlyDictionary<string, FileStamp> _previous;

    /// <summary>
    /// True when <see cref="_previous"/> is what this very process wrote in its last build (a preview session):
    /// then the files are taken to be as it left them, without a stat each. Only a manifest read from disk, which
    /// may be older than the folder, is checked against it.
    /// </summary>
    private readonly bool _trusted;
    private readonly ConcurrentDictionary<string, FileStamp> _produced;
    private readonly ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);
    private int _written;
    private int _manifestInvalidated;

    /// <summary>1 once a file's stamp differs from the manifest's: a build that changed nothing leaves the manifest as it is.</summary>
    private int _stampsChanged;

    /// <summary>1 once this build makes a file the last one did not.</summary>
    private int _newFiles;

    /// <summary>
    /// True when, so far, this build makes exactly the files this same process's last build made: no new one, none left
    /// out. Asked once every file is made (the link check), it says the site holds the same files as last time.
    /// </summary>
    public bool HoldsTheSameFiles => _trusted && _newFiles == 0 && _produced.Count == _previous.Count;

    /// <param name="path">The output folder.</param>
    /// <param name="manifestPath">Where the manifest of this output folder is kept; null keeps none (every file is compared on disk).</param>
    /// <param name="session">A long-running process's session: it hands over the last build's manifest without reading the file.</param>
    /// <param name="dryRun">Write nothing at all (see the class's summary).</param>
    public OutputFolder(string path, string? manifestPath = null, BuildSession? session = null, bool dryRun = false)
    {
        DryRun = dryRun;
        Path = System.IO.Path.GetFullPath(path);
        _manifestPath = manifestPath;
        _session = session;
        var remembered = manifestPath is null ? null : session?.LastManifest(manifestPath);
        _trusted = remembered is not null && Directory.Exists(Path);
        _previous = manifestPath is null || !Directory.Exists(Path) ? new Dictionary<string, FileStamp>()
            : remembered ?? FileStamp.ReadManifest(manifestPath);
        // Sized like the last build, with many lock stripes: growing or writing a concurrent table from every
        // core at once otherwise waits on its locks.
        // (Twice the count: a table grows, holding every lock, as soon as one stripe fills its share.)
        _produced = new(Environment.ProcessorCount * 8, 31 + 2 * _previous.Count, StringComparer.Ordinal);
    }

    public string Path { get; }

    public bool DryRun { get; }

    /// <summary>Files whose bytes changed (or were new) in this build.</summary>
    public int FilesWritten => _written;

    /// <summary>Files this build produced, changed or not.</summary>
    public int FilesProduced => _produced.Count;

    /// <summary>
    /// True, and the file counts as produced, when the last build wrote <paramref name="destination"/> from
    /// inputs with this fingerprint and the file is still there as written: then it need not be rendered.
    /// </summary>
    public bool TryKeep(string destination, ulong inputs) => TryKeep(destination, inputs, out _);

    /// <param name="stamp">What the manifest holds of the file kept.</param>
    internal bool TryKeep(string destination, ulong inputs, out FileStamp stamp)
    {
        stamp = default;
        if (DryRun || !_previous.TryGetValue(destination, out stamp) || stamp.Inputs != inputs || !(_trusted || IsIntact(Resolve(destination), stamp)))
        {
            return false;
        }
        Produce(destination, stamp, stamp);
        return true;
    }

    /// <summary>
    /// True when this build starts from the very manifest that the build which produced <paramref name="produced"/>
    /// (<see cref="Produced"/>) left, in this process: every file it made is as it left it.
    /// </summary>
    internal bool ContinuesFrom(object produced) => _trusted && !DryRun && ReferenceEquals(_previous, produced);

    /// <summary>This build's files, as the next build of the session will start from them (<see cref="ContinuesFrom"/>).</summary>
    internal object Produced => _produced;

    /// <summary>
    /// A file the build that this one <see cref="ContinuesFrom"/> made from the same inputs, with this stamp: it counts as
    /// produced, with no look at the manifest or the disk.
    /// </summary>
    internal void Carry(string destination, FileStamp stamp) => Produce(destination, stamp, stamp);

    public void Write(string destination, ReadOnlySpan<byte> bytes, ulong inputs = 0) => WriteBytes(destination, bytes, inputs);

    /// <returns>The file's stamp, as the manifest will hold it.</returns>
    internal FileStamp WriteBytes(string destination, ReadOnlySpan<byte> bytes, ulong inputs)
    {
        if (DryRun)
        {
            Resolve(destination);
            var counted = new FileStamp(inputs, 0, bytes.Length);
            Produce(destination, counted);
            return counted;
        }
        var stamp = new FileStamp(inputs, Fingerprint.Of(bytes), bytes.Length);
        var known = _previous.TryGetValue(destination, out var old);
        Produce(destination, stamp, known ? old : null);
        // A file this process wrote with these very bytes (a session's manifest) is left as it is without a look at the
        // disk, or a path made for it: its path was checked when it was first written.
        if (known && _trusted && old.Bytes == stamp.Bytes && old.Length == stamp.Length)
        {
            return stamp;
        }
        var full = Resolve(destination);
        if (known
                ? old.Bytes == stamp.Bytes && old.Length == stamp.Length && (_trusted || IsIntact(full, stamp))
                : SameBytesOnDisk(full, bytes))
        {
            return stamp;
        }
        CreateFolderOf(full);
        InvalidateManifest();
        File.WriteAllBytes(full, bytes);
        Interlocked.Increment(ref _written);
        return stamp;
    }

    /// <summary>
    /// Writes a file too large to hold in memory (papers.json of a million papers): <paramref name="write"/> streams
    /// it into a temporary file beside the destination, hashed on the way, which then replaces the destination
    /// only if its bytes differ, so an unchanged file keeps its timestamp as <see cref="Write"/> does.
    /// </summary>
    public void Write(string destination, Action<Stream> write, ulong inputs = 0)
    {
        var full = Resolve(destination);
        if (DryRun)
        {
            var counting = new HashingStream(Stream.Null);
            write(counting);
            Produce(destination, new FileStamp(inputs, 0, counting.Written));
            return;
        }
        CreateFolderOf(full);
        var temporary = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full)!, $".{System.IO.Path.GetFileName(full)}.sitegen-partial");
        try
        {
            FileStamp stamp;
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                var hashing = new HashingStream(file);
                write(hashing);
                stamp = new FileStamp(inputs, hashing.Hash, hashing.Written);
            }
            Produce(destination, stamp);
            var unchanged = _previous.TryGetValue(destination, out var old)
                ? old.Bytes == stamp.Bytes && old.Length == stamp.Length && (_trusted || IsIntact(full, stamp))
                : SameBytesOnDisk(full, temporary);
            if (!unchanged)
            {
                InvalidateManifest();
                File.Move(temporary, full, overwrite: true);
                Interlocked.Increment(ref _written);
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private void CreateFolderOf(string full) =>
        // GetOrAdd, not TryAdd-then-create: a second writer into the same new folder must not get ahead of its creation.
        _folders.GetOrAdd(System.IO.Path.GetDirectoryName(full)!, static folder =>
        {
            Directory.CreateDirectory(folder);
            return 0;
        });

    /// <summary>Removes what the previous build wrote and this one did not, then records this build's files.</summary>
    public int RemoveStaleFiles()
    {
        if (DryRun)
        {
            // What a build would remove.
            return _previous.Keys.Count(d => !_produced.ContainsKey(d) && IsInside(d, out var full) && File.Exists(full));
        }
        var removed = 0;
        // Every file of the last build made again, and as many: none is stale, and 21,000 lookups are saved an edit.
        IEnumerable<string> lastFiles = _newFiles == 0 && _produced.Count == _previous.Count ? [] : _previous.Keys;
        foreach (var destination in lastFiles)
        {
            if (_produced.ContainsKey(destination) || !IsInside(destination, out var full) || !File.Exists(full))
            {
                continue;
            }
            InvalidateManifest();
            File.Delete(full);
            removed++;
            RemoveEmptyFolders(System.IO.Path.GetDirectoryName(full)!);
        }
        if (_manifestPath is null)
        {
            return removed;
        }
        // This build's table is a session's from now on, changed or not: its next build continues from this one
        // (ContinuesFrom). The file is written only when it would say something else.
        _session?.RememberManifest(_manifestPath, _produced);
        if (_stampsChanged != 0 || removed > 0 || _produced.Count != _previous.Count)
        {
            if (_session is { Remembers: true })
            {
                // A preview session reads its own manifest from memory: the file is for the next process, so it is
                // written while the next edit is awaited (the session's next build waits for it).
                var (path, produced) = (_manifestPath, _produced);
                _session.InBackground(() => FileStamp.TryWriteManifest(path, produced));
            }
            else
            {
                FileStamp.WriteManifest(_manifestPath, _produced);
            }
        }
        return removed;
    }

    /// <summary>
    /// The manifest describes the folder as the last build left it: before the first file of this build changes, it is
    /// removed, so a build that stops half way (a crash, Ctrl+C) leaves no manifest that would vouch for old bytes; the
    /// next build then compares every file on disk.
    /// </summary>
    private void InvalidateManifest()
    {
        if (_manifestPath is not null && Interlocked.Exchange(ref _manifestInvalidated, 1) == 0 && File.Exists(_manifestPath))
        {
            File.Delete(_manifestPath);
        }
    }

    /// <summary>
    /// True when the folder will hold <paramref name="destination"/> once this build is done (the link check asks): this
    /// build produced it, or it is a file SiteGen did not make (a CNAME, a PDF put there by hand), which builds leave
    /// alone. A file only the last build made is stale: it is removed at the end of this build.
    /// </summary>
    public bool WillHold(string destination) =>
        _produced.ContainsKey(destination)
        || (!_previous.ContainsKey(destination) && IsInside(destination, out var full) && File.Exists(full));

    /// <summary>A page as a build left it, for the link check of a page this build keeps.</summary>
    public string ReadPage(string destination) => File.ReadAllText(Resolve(destination));

    /// <summary>The absolute path of <paramref name="destination"/>; throws if it would leave the output folder.</summary>
    public string Resolve(string destination) =>
        IsInside(destination, out var full)
            ? full
            : throw new InvalidOperationException($"'{destination}' would be written outside the output folder.");

    private void Produce(string destination, FileStamp stamp) =>
        Produce(destination, stamp, _previous.TryGetValue(destination, out var old) ? old : null);

    /// <param name="previous">The last build's stamp of <paramref name="destination"/>, if it made it (the caller has looked it up).</param>
    private void Produce(string destination, FileStamp stamp, FileStamp? previous)
    {
        if (!_produced.TryAdd(destination, stamp))
        {
            throw new InvalidOperationException($"Two documents are written to '{destination}'.");
        }
        if (_stampsChanged == 0 && previous != stamp)
        {
            Interlocked.Exchange(ref _stampsChanged, 1);
        }
        if (_newFiles == 0 && previous is null)
        {
            Interlocked.Exchange(ref _newFiles, 1);
        }
    }

    /// <summary>Without a manifest entry (a first build, a deleted cache), the file on disk is compared itself.</summary>
    private static bool SameBytesOnDisk(string full, ReadOnlySpan<byte> bytes)
    {
        var file = new FileInfo(full);
        return file.Exists && file.Length == bytes.Length && File.ReadAllBytes(full).AsSpan().SequenceEqual(bytes);
    }

    private static bool SameBytesOnDisk(string full, string other)
    {
        var file = new FileInfo(full);
        if (!file.Exists || file.Length != new FileInfo(other).Length)
        {
            return false;
        }
        using var a = File.OpenRead(full);
        using var b = File.OpenRead(other);
        var (x, y) = (new byte[1 << 16], new byte[1 << 16]);
        int read;
        while ((read = a.ReadAtLeast(x, x.Length, throwOnEndOfStream: false)) > 0)
        {
            if (b.ReadAtLeast(y, read, throwOnEndOfStream: false) != read || !x.AsSpan(0, read).SequenceEqual(y.AsSpan(0, read)))
            {
                return false;
            }
        }
        return true;
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

    /// <summary><see cref="WriteManifest"/>, in the background: a manifest that cannot be written is only a slower next build.</summary>
    public static void TryWriteManifest(string path, IEnumerable<KeyValuePair<string, FileStamp>> stamps)
    {
        try
        {
            WriteManifest(path, stamps);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            File.Delete(path);
        }
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

using System.Globalization;
using System.IO.Enumeration;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace SiteGen.Site;

/// <summary>
/// What a build leaves in the cache so that the next one can tell, as make does, that there is nothing to do: the
/// fingerprint of everything it read (the program, the settings, every file of the input and theme folders by path,
/// length and time) and of the output folder as it left it (every file by path, length and time, its own and any put
/// there by hand, but for symbolic links, which change nothing a build makes), with what it reported. A one-off build
/// that finds both the same does not run at all: it reports the last build's papers, files and warnings again, and
/// writes nothing. Any change (an edit, a touched file, a file deleted from the output or added to it, another setting
/// or program) runs the build as usual; deleting the cache folder is safe.
/// </summary>
/// <param name="Manifest">The manifest the build left (<see cref="ManifestVersionOf"/>): the output folder it vouches for is that manifest's.</param>
internal sealed record UpToDateStamp(ulong Inputs, ulong Output, ulong Manifest, int Papers, int Files, int LinkPages, int Links, IReadOnlyList<string> Warnings)
{
    private const string Header = "sitegen up-to-date 2";

    public static string PathFor(string manifestPath) => Path.ChangeExtension(manifestPath, ".up-to-date");

    /// <summary>Everything a build reads besides the output folder, taken before it reads any of it.</summary>
    /// <param name="root">The site folder: the sources are read as the build reads them (<see cref="SourceTree"/>).</param>
    /// <param name="entries">What the walk finds in each folder, kept for the build's own walks of the same folders.</param>
    public static ulong InputsOf(ulong program, string settingsJson, string outputPath, string root, IReadOnlyList<string> folders,
        SourceTree.FolderEntries entries)
    {
        var fingerprint = new Fingerprint().Add(program).Add(settingsJson).Add(outputPath);
        var sources = new SourceTree(root, folders, entries);
        foreach (var folder in folders.Distinct(StringComparer.Ordinal))
        {
            ulong sum = 0, count = 0;
            var start = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)).Length;
            foreach (var file in sources.Files(folder, "*", recursive: true, warnings: null))
            {
                sum += HashOf(file.Path.AsSpan(start), file.Length, file.Modified.Ticks);
                count++;
            }
            fingerprint.Add(folder).Add(sum).Add(count);
        }
        return fingerprint.Value;
    }

    /// <summary>The output folder as it is: every file's path, length and time (SiteGen's staging folder left out).</summary>
    public static ulong OutputOf(string outputPath) => FilesOf(outputPath, OutputFolder.StagingFolder).Fingerprint;

    /// <summary>The manifest file as a number that changes whenever it is written again (its length and time); 0 when there is none.</summary>
    public static ulong ManifestVersionOf(string manifestPath)
    {
        var file = new FileInfo(manifestPath);
        return file.Exists ? new Fingerprint().Add((ulong)file.Length).Add((ulong)file.LastWriteTimeUtc.Ticks).Value : 0;
    }

    /// <summary>
    /// The sum of a hash of every file's path (under <paramref name="folder"/>), length and time, and how many there are
    /// (none if it does not exist), leaving out the folder <paramref name="skip"/> at its top. A sum does not depend on the
    /// order the folder is read in, so nothing is held or sorted (at a million papers the output has two million files),
    /// and the sums of two folders add up as the files do: moved into the output with their paths, lengths and times,
    /// they add their sum to its.
    /// </summary>
    /// <param name="hurry">Asked when nothing else is left to wait for: the walk then takes every core (on Linux).</param>
    /// <param name="lengths">True to keep each file's length too (<see cref="FileSum.Lengths"/>; on Linux).</param>
    public static FileSum FilesOf(string folder, string? skip = null, LinuxFolderWalk.Hurry? hurry = null, bool lengths = false)
    {
        if (!Directory.Exists(folder))
        {
            return lengths ? new FileSum { Lengths = new Dictionary<ulong, long>() } : default;
        }
        return LinuxFolderWalk.TrySum(folder, skip, hurry, lengths) ?? WalkedByRuntime(folder, skip);
    }

    /// <summary><see cref="FilesOf"/> by the runtime's enumerator, on every system (<see cref="LinuxFolderWalk"/> is quicker on Linux).</summary>
    internal static FileSum WalkedByRuntime(string folder, string? skip)
    {
        var root = Path.TrimEndingDirectorySeparator(folder).Length;
        // A link in the output is neither counted nor followed. No build makes one, writes or deletes through one, or takes
        // one for what a link of a page leads to (EntryKind.Link), so one put there by hand changes nothing a build makes;
        // one put where a build wrote takes that file's place, which is then missing from the count. The enumerator tells
        // a link from the directory entry's type, where asking each folder's attributes was a quarter of the walk.
        var hashes = new FileSystemEnumerable<ulong>(folder, (ref FileSystemEntry entry) => HashOf(ref entry, root),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = false })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory,
            ShouldRecursePredicate = (ref FileSystemEntry entry) =>
                !(skip is not null && Path.TrimEndingDirectorySeparator(entry.Directory).Length == root && entry.FileName.SequenceEqual(skip)),
        };
        ulong sum = 0, count = 0;
        foreach (var hash in hashes)
        {
            sum += hash;
            count++;
        }
        return new FileSum(sum, count);
    }

    private static ulong HashOf(ref FileSystemEntry entry, int root)
    {
        var directory = entry.Directory[root..];
        Span<char> path = stackalloc char[directory.Length + 1 + entry.FileName.Length];
        directory.CopyTo(path);
        // Forward slashes on every system, as a destination has them: files counted as they are written, not walked
        // (OutputFolder.StagedHash), are counted by their destination.
        path[..directory.Length].Replace(Path.DirectorySeparatorChar, '/');
        path[directory.Length] = '/';
        entry.FileName.CopyTo(path[(directory.Length + 1)..]);
        return HashOf(path, entry.Length, entry.LastWriteTimeUtc.UtcTicks);
    }

    /// <summary>What <see cref="FilesOf"/> counts for the file at <paramref name="destination"/> (relative, with forward slashes) of the folder it walks.</summary>
    public static ulong HashOf(string destination, long length, long ticks) => HashOf(KeyOf(destination), length, ticks);

    /// <summary>The key of the file at <paramref name="destination"/> (relative, with forward slashes) in <see cref="FileSum.Lengths"/>.</summary>
    public static ulong KeyOf(string destination)
    {
        Span<char> path = stackalloc char[destination.Length + 1];
        path[0] = '/';
        destination.CopyTo(path[1..]);
        return KeyOf(path);
    }

    /// <summary>The key of a file at <paramref name="path"/> ("/" and its path from the folder walked) in <see cref="FileSum.Lengths"/>.</summary>
    internal static ulong KeyOf(ReadOnlySpan<char> path) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(path));

    /// <summary>What <see cref="FilesOf"/> counts for a file at <paramref name="path"/> ("/" and its path from the folder walked).</summary>
    internal static ulong HashOf(ReadOnlySpan<char> path, long length, long ticks) => HashOf(KeyOf(path), length, ticks);

    /// <summary>What <see cref="FilesOf"/> counts for the file whose path has the key <paramref name="key"/> (<see cref="KeyOf(ReadOnlySpan{char})"/>).</summary>
    internal static ulong HashOf(ulong key, long length, long ticks)
    {
        Span<ulong> stamp = [key, (ulong)length, (ulong)ticks];
        return XxHash3.HashToUInt64(MemoryMarshal.AsBytes(stamp));
    }

    public static UpToDateStamp? Read(string path)
    {
        try
        {
            var lines = File.ReadAllLines(path);
            if (lines.Length < 3 || lines[0] != Header)
            {
                return null;
            }
            var numbers = lines[1].Split(' ');
            var counts = lines[2].Split(' ');
            return new UpToDateStamp(
                ulong.Parse(numbers[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                ulong.Parse(numbers[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                ulong.Parse(numbers[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                int.Parse(counts[0], CultureInfo.InvariantCulture),
                int.Parse(counts[1], CultureInfo.InvariantCulture),
                int.Parse(counts[2], CultureInfo.InvariantCulture),
                int.Parse(counts[3], CultureInfo.InvariantCulture),
                lines[3..]);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or OverflowException)
        {
            return null; // no stamp, or one that does not read: the build runs
        }
    }

    /// <summary>
    /// Writes the stamp; one warning per line, so a warning of several lines (none is) leaves no stamp. The stamp is only
    /// a shortcut: one that cannot be written is none (and an old one names other inputs, or another output).
    /// </summary>
    public void Write(FileOperations files, string path)
    {
        try
        {
            if (Warnings.Any(w => w.Contains('\n') || w.Contains('\r')))
            {
                files.TryDelete(path);
                return;
            }
            files.WriteAtomically(path, stream =>
            {
                using var writer = new StreamWriter(stream) { NewLine = "\n" };
                writer.WriteLine(Header);
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Inputs:x16} {Output:x16} {Manifest:x16}"));
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Papers} {Files} {LinkPages} {Links}"));
                foreach (var warning in Warnings)
                {
                    writer.WriteLine(warning);
                }
            });
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            files.TryDelete(path);
        }
    }
}

/// <summary>
/// Files as <see cref="UpToDateStamp.FilesOf"/> counts them: a sum of their hashes and how many. A commit's folder is
/// the one before it, plus the files it moved in, minus those it moved aside.
/// </summary>
internal readonly record struct FileSum(ulong Sum, ulong Count)
{
    /// <summary>
    /// The length of each file the walk counted, by <see cref="UpToDateStamp.KeyOf"/> its path, when it was asked for
    /// (<see cref="OutputFolder.Walk"/>): what a build would otherwise ask of each file again, one by one. Not part of
    /// what the sum is.
    /// </summary>
    public IReadOnlyDictionary<ulong, long>? Lengths { get; init; }

    public bool Equals(FileSum other) => Sum == other.Sum && Count == other.Count;

    public override int GetHashCode() => HashCode.Combine(Sum, Count);

    public ulong Fingerprint => new Fingerprint().Add(Sum).Add(Count).Value;

    public FileSum Plus(FileSum other) => new(Sum + other.Sum, Count + other.Count);

    public FileSum Minus(FileSum other) => new(Sum - other.Sum, Count - other.Count);
}

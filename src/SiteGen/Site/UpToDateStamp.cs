using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace SiteGen.Site;

/// <summary>
/// What a build leaves in the cache so that the next one can tell, as make does, that there is nothing to do: the
/// fingerprint of everything it read (the program, the settings, every file of the input and theme folders by path,
/// length and time) and of the output folder as it left it (<see cref="OutputWalk"/>: every file the manifest names by
/// path, length and time, and every folder on the way to one by its time, which changes when a file is put there or
/// taken away), with what it reported. A one-off build that finds both the same does not run at all: it reports the last
/// build's papers, files and warnings again, and writes nothing. Any change (an edit, a touched file, a file of the build
/// edited or deleted, a file added to the output, another setting or program) runs the build as usual; deleting the
/// cache folder is safe. A file put in the output by hand counts by its name alone: no build reads what it holds.
/// </summary>
/// <param name="OutputFiles">The output's files that the manifest names (<see cref="OutputWalk.Files"/>).</param>
/// <param name="OutputFolders">The output's folders on the way to them (<see cref="OutputWalk.Folders"/>): a sum the next build's commit adds to and takes from.</param>
/// <param name="Manifest">The manifest the build left (<see cref="ManifestVersionOf"/>): the output folder it vouches for is that manifest's.</param>
internal sealed record UpToDateStamp(ulong Inputs, FileSum OutputFiles, FileSum OutputFolders, ulong Manifest, int Papers, int Files, int LinkPages,
    int Links, IReadOnlyList<string> Warnings)
{
    private const string Header = "sitegen up-to-date 3";

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
                sum += HashOf(PathKey(file.Path.AsSpan(start)), file.Length, file.Modified.Ticks);
                count++;
            }
            fingerprint.Add(folder).Add(sum).Add(count);
        }
        return fingerprint.Value;
    }

    /// <summary>The output folder as it is, by the manifest at <paramref name="manifestPath"/>: what a stamp holds of it.</summary>
    public static (FileSum Files, FileSum Folders) OutputOf(string outputPath, string manifestPath)
    {
        string[] destinations = [.. ManifestFile.Read(manifestPath).Files.Keys];
        return (OutputWalk.Files(outputPath, destinations).Sum, OutputWalk.Folders(outputPath, destinations).Sum);
    }

    /// <summary>The manifest file as a number that changes whenever it is written again (its length and time); 0 when there is none.</summary>
    public static ulong ManifestVersionOf(string manifestPath)
    {
        var file = new FileInfo(manifestPath);
        return file.Exists ? new Fingerprint().Add((ulong)file.Length).Add((ulong)file.LastWriteTimeUtc.Ticks).Value : 0;
    }

    /// <summary>What the output's sum counts for the file at <paramref name="destination"/> (relative, with forward slashes).</summary>
    public static ulong HashOf(string destination, long length, long ticks) => HashOf(KeyOf(destination), length, ticks);

    /// <summary>The key of the file or folder at <paramref name="destination"/> (relative, with forward slashes; "" for the output folder).</summary>
    public static ulong KeyOf(ReadOnlySpan<char> destination)
    {
        // "/" first, as the sums of earlier versions had it; a folder is told from a file by its hash (OutputWalk).
        var path = destination.Length < 512 ? stackalloc char[destination.Length + 1] : new char[destination.Length + 1];
        path[0] = '/';
        destination.CopyTo(path[1..]);
        return PathKey(path);
    }

    private static ulong PathKey(ReadOnlySpan<char> path) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(path));

    /// <summary>What the output's sum counts for the file or folder whose path has the key <paramref name="key"/> (<see cref="KeyOf"/>).</summary>
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
            ulong Number(int i) => ulong.Parse(numbers[i], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            return new UpToDateStamp(Number(0), new FileSum(Number(1), Number(2)), new FileSum(Number(3), Number(4)), Number(5),
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
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Inputs:x16} {OutputFiles.Sum:x16} {OutputFiles.Count:x} {OutputFolders.Sum:x16} {OutputFolders.Count:x} {Manifest:x16}"));
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
/// Files or folders as <see cref="OutputWalk"/> counts them: a sum of their hashes and how many. A sum does not depend on
/// the order they are counted in, so nothing is sorted, and a commit's files are the ones before it, plus the files it
/// moved in, minus those it moved aside or replaced.
/// </summary>
internal readonly record struct FileSum(ulong Sum, ulong Count)
{
    public ulong Fingerprint => new Fingerprint().Add(Sum).Add(Count).Value;

    public FileSum Plus(FileSum other) => new(Sum + other.Sum, Count + other.Count);

    public FileSum Minus(FileSum other) => new(Sum - other.Sum, Count - other.Count);
}

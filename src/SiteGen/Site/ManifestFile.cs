using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace SiteGen.Site;

/// <summary>What every page depends on besides its own data: the program, the settings and the theme, each as a fingerprint.</summary>
internal readonly record struct BuildKey(ulong Program, ulong Settings, ulong Theme);

/// <summary>How the last build's manifest read.</summary>
internal enum ManifestState
{
    /// <summary>Whole, from this version's format.</summary>
    Whole,

    /// <summary>No manifest: a first build, or a cache that was deleted.</summary>
    Missing,

    /// <summary>Written by another version of SiteGen, in another format.</summary>
    OtherVersion,

    /// <summary>Cut short or edited: its entries count as files SiteGen made whose bytes it does not know.</summary>
    Damaged,
}

/// <summary>The last build's manifest as read: the files it made, the key it was built with (null if unknown), and how it read.</summary>
internal sealed record LastManifest(Dictionary<string, FileStamp> Files, BuildKey? Key, ManifestState State);

/// <summary>
/// The manifest in the cache folder: what the last build wrote into the output folder, one line per file
/// (<c>inputs bytes length destination</c>, hashes in hex, sorted by destination), under a header with the build's key
/// and the number of files, so that a cut, an edit or another version's file is noticed rather than half trusted.
/// </summary>
internal static class ManifestFile
{
    private const string Header = "sitegen manifest 2";

    /// <summary>How many files the manifest at <paramref name="path"/> says it lists (its header alone is read); 0 when it says nothing.</summary>
    public static int CountOf(string path) => HeaderOf(path).Files is var count and > 0 ? Math.Min(count, 1 << 22) : 0;

    /// <summary>The key of the build that wrote the manifest at <paramref name="path"/> (its header alone is read); null when it says none.</summary>
    public static BuildKey? KeyOf(string path) => HeaderOf(path).Key;

    private static (BuildKey? Key, int Files) HeaderOf(string path)
    {
        try
        {
            // A header is a line of some hundred bytes: a megabyte's buffer for it was fresh memory twice a build.
            foreach (var line in Utf8Lines.Of(path, firstRead: 4096))
            {
                return ParseHeader(Encoding.UTF8.GetString(line.Span));
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
        }
        return (null, -1);
    }

    public static LastManifest Read(string path)
    {
        var files = new Dictionary<string, FileStamp>(StringComparer.Ordinal);
        string? first = null;
        BuildKey? key = null;
        int expected = -1, unread = 0;
        try
        {
            // Streamed: at a million papers the manifest has two million lines.
            foreach (var line in Utf8Lines.Of(path))
            {
                var text = line.Span;
                if (first is null)
                {
                    first = Encoding.UTF8.GetString(text);
                    (key, expected) = ParseHeader(first);
                    if (key is not null)
                    {
                        // Sized once from the header (capped: a damaged header may ask for anything).
                        files.EnsureCapacity(Math.Min(expected, 1 << 22));
                        continue;
                    }
                }
                if (ParseEntry(text) is { } entry)
                {
                    files[entry.Destination] = entry.Stamp;
                }
                else
                {
                    unread++;
                }
            }
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return new LastManifest(files, null, ManifestState.Missing);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Damaged(files);
        }
        if (key is not null && unread == 0 && files.Count == expected)
        {
            return new LastManifest(files, key, ManifestState.Whole);
        }
        // A manifest whose lines all read but that has no header is an older SiteGen's (the same lines, no header); one
        // whose header names another format is another version's.
        if (first is not null && key is null
            && ((unread == 0 && files.Count > 0 && !first.StartsWith("sitegen ", StringComparison.Ordinal))
                || (first.StartsWith("sitegen manifest ", StringComparison.Ordinal) && !first.StartsWith(Header + " ", StringComparison.Ordinal))))
        {
            return new LastManifest(files, null, ManifestState.OtherVersion);
        }
        return Damaged(files);
    }

    /// <summary>Its entries count as files SiteGen made whose bytes it does not know: rendered again, never taken for the user's.</summary>
    private static LastManifest Damaged(Dictionary<string, FileStamp> files)
    {
        foreach (var destination in files.Keys)
        {
            files[destination] = FileStamp.Unknown;
        }
        return new LastManifest(files, null, ManifestState.Damaged);
    }

    /// <summary>
    /// The entries of <paramref name="stamps"/> in the manifest's order, by path: at 100,000 papers a sort of every path
    /// took 0.45 s of a core at the end of a daily update, so a build sorts while it moves its files in, and writes the
    /// manifest (<see cref="Write"/>) after; and the last manifest's paths, in its order (<paramref name="last"/>), give
    /// the order of the files the build made again without a sort, checked path by path, so that only the files it made
    /// anew (<paramref name="added"/>, those <paramref name="last"/> does not list: a day's pages) are sorted and merged in.
    /// </summary>
    public static KeyValuePair<string, FileStamp>[] Sorted(IReadOnlyDictionary<string, FileStamp> stamps, IEnumerable<string>? last = null,
        IReadOnlyCollection<string>? added = null)
    {
        if (last is not null && added is not null && InOrderOf(stamps, last, added) is { } ordered)
        {
            return ordered;
        }
        var entries = stamps.ToArray();
        SortByPath(entries);
        return entries;
    }

    private static void SortByPath(KeyValuePair<string, FileStamp>[] entries) =>
        Array.Sort(Array.ConvertAll(entries, entry => entry.Key), entries, StringComparer.Ordinal);

    /// <summary>
    /// The entries in order: those <paramref name="paths"/> lists in its order, when that rises, with the
    /// <paramref name="added"/> ones sorted and merged in; null when it does not rise, or the two are not all the entries
    /// once each (then everything is sorted).
    /// </summary>
    private static KeyValuePair<string, FileStamp>[]? InOrderOf(IReadOnlyDictionary<string, FileStamp> stamps, IEnumerable<string> paths,
        IReadOnlyCollection<string> added)
    {
        var kept = new KeyValuePair<string, FileStamp>[stamps.Count];
        var count = 0;
        string? before = null;
        foreach (var path in paths)
        {
            if (!stamps.TryGetValue(path, out var stamp))
            {
                continue; // a file this build did not make
            }
            if (count == kept.Length || (before is not null && string.CompareOrdinal(before, path) >= 0))
            {
                return null;
            }
            kept[count++] = new(path, stamp);
            before = path;
        }
        if (count + added.Count != kept.Length)
        {
            return null;
        }
        if (added.Count == 0)
        {
            return kept;
        }
        var sortedAdded = new KeyValuePair<string, FileStamp>[added.Count];
        var a = 0;
        foreach (var path in added)
        {
            if (!stamps.TryGetValue(path, out var stamp))
            {
                return null;
            }
            sortedAdded[a++] = new(path, stamp);
        }
        SortByPath(sortedAdded);
        var merged = new KeyValuePair<string, FileStamp>[kept.Length];
        for (int k = 0, n = 0, m = 0; m < merged.Length; m++)
        {
            if (k < count && n < sortedAdded.Length && string.Equals(kept[k].Key, sortedAdded[n].Key, StringComparison.Ordinal))
            {
                return null; // a path in both: not the entries once each
            }
            merged[m] = n == sortedAdded.Length || (k < count && string.CompareOrdinal(kept[k].Key, sortedAdded[n].Key) < 0) ? kept[k++] : sortedAdded[n++];
        }
        return merged;
    }

    /// <summary>Writes the manifest of <paramref name="sorted"/> (<see cref="Sorted"/>) whole or not at all (<see cref="FileOperations.WriteAtomically"/>).</summary>
    public static void Write(FileOperations files, string path, BuildKey key, KeyValuePair<string, FileStamp>[] sorted) =>
        files.WriteAtomically(path, stream =>
        {
            // Each line formatted as UTF-8 straight into a buffer: the build waits for the manifest at its very end, and a
            // line made as text, then encoded, took twice as long.
            var buffer = new byte[1 << 16];
            var used = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"{Header} program={key.Program:x16} settings={key.Settings:x16} theme={key.Theme:x16} files={sorted.Length}\n"), buffer);
            foreach (var (destination, stamp) in sorted)
            {
                // Two hashes, a length and three spaces are at most 55 bytes; a character at most 3.
                var most = 56 + 3 * destination.Length;
                if (buffer.Length - used < most)
                {
                    stream.Write(buffer, 0, used);
                    used = 0;
                    if (buffer.Length < most)
                    {
                        buffer = new byte[most];
                    }
                }
                // Each number formatted on its own, straight into the buffer: through an interpolated string, each hash was boxed.
                used += Formatted(buffer.AsSpan(used), stamp.Inputs, "x16");
                used += Formatted(buffer.AsSpan(used), stamp.Bytes, "x16");
                used += Formatted(buffer.AsSpan(used), stamp.Length, "");
                used += Encoding.UTF8.GetBytes(destination, buffer.AsSpan(used));
                buffer[used++] = (byte)'\n';
            }
            stream.Write(buffer, 0, used);
        });

    /// <summary>Writes <paramref name="number"/> in <paramref name="format"/> and a space; the bytes written.</summary>
    private static int Formatted<T>(Span<byte> buffer, T number, ReadOnlySpan<char> format) where T : IUtf8SpanFormattable
    {
        number.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture);
        buffer[written] = (byte)' ';
        return written + 1;
    }

    private static (BuildKey? Key, int Files) ParseHeader(string line)
    {
        var parts = line.Split(' ');
        if (parts.Length == 7 && string.Join(' ', parts[..3]) == Header
            && Hex(parts[3], "program=") is { } program && Hex(parts[4], "settings=") is { } settings && Hex(parts[5], "theme=") is { } theme
            && parts[6].StartsWith("files=", StringComparison.Ordinal)
            && int.TryParse(parts[6].AsSpan("files=".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return (new BuildKey(program, settings, theme), count);
        }
        return (null, -1);
    }

    private static ulong? Hex(string part, string name) =>
        part.StartsWith(name, StringComparison.Ordinal)
        && ulong.TryParse(part.AsSpan(name.Length), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>One line, <c>inputs bytes length destination</c>, read from its UTF-8: only the destination becomes a string.</summary>
    private static (string Destination, FileStamp Stamp)? ParseEntry(ReadOnlySpan<byte> line)
    {
        var rest = line;
        return Field(ref rest, out var inputsText) && ulong.TryParse(inputsText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var inputs)
            && Field(ref rest, out var bytesText) && ulong.TryParse(bytesText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var bytes)
            && Field(ref rest, out var lengthText) && long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            && rest.Length > 0
            ? (Encoding.UTF8.GetString(rest), new FileStamp(inputs, bytes, length))
            : null;
    }

    /// <summary>The text up to the next space, and <paramref name="rest"/> moved past it; false when no space follows.</summary>
    private static bool Field(ref ReadOnlySpan<byte> rest, out ReadOnlySpan<byte> field)
    {
        var space = rest.IndexOf((byte)' ');
        if (space < 0)
        {
            field = default;
            return false;
        }
        field = rest[..space];
        rest = rest[(space + 1)..];
        return true;
    }
}

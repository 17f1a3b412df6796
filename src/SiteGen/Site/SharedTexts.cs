using System.Collections.Concurrent;
using System.Text;

namespace SiteGen.Site;

/// <summary>
/// Texts that many papers share, read back from the store once per distinct value: a tag's slug, name and URL, a date
/// as shown, an author-count label and URL, a year's URL, a link's name, the capture a paper came from. A rebuild keeps
/// every paper and view it decodes or makes, so each copy of these was memory the collector went through again and
/// again. A process keeps each distinct text once, for good: they are few (at 100,000 papers some thousands).
/// </summary>
internal static class SharedTexts
{
    /// <summary>Longer texts are read as they are: they are a paper's own.</summary>
    private const int MaxBytes = 256;

    private static readonly ConcurrentDictionary<string, string> s_texts = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> s_lookup = s_texts.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// True when <see cref="Read"/> gives <paramref name="text"/>'s value as one object whatever its characters (a
    /// character is at most 3 bytes): a table of such texts by reference does not grow with every read.
    /// </summary>
    public static bool AlwaysShared(string text) => text.Length <= MaxBytes / 3;

    /// <summary>A text <see cref="BinaryWriter.Write(string)"/> wrote, as the one object every reader of the same text gets.</summary>
    public static string Read(BinaryReader reader)
    {
        var length = reader.Read7BitEncodedInt();
        if (length < 0)
        {
            throw new InvalidDataException("a text of negative length");
        }
        if (length > MaxBytes)
        {
            var large = new byte[length];
            reader.BaseStream.ReadExactly(large);
            return Encoding.UTF8.GetString(large);
        }
        Span<byte> bytes = stackalloc byte[length];
        reader.BaseStream.ReadExactly(bytes);
        Span<char> chars = stackalloc char[length];
        var text = chars[..Encoding.UTF8.GetChars(bytes, chars)];
        if (s_lookup.TryGetValue(text, out var shared))
        {
            return shared;
        }
        var made = text.ToString();
        return s_texts.GetOrAdd(made, made);
    }

    /// <summary>The one object for <paramref name="text"/>'s value (null stays null).</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? Share(string? text) => text is null ? null : s_texts.GetOrAdd(text, text); // a lookup first, without a lock
}

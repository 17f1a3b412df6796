using System.Text;

namespace SiteGen.Text;

/// <summary>
/// Text as every output can carry it, the same in all of them: the characters XML 1.0 cannot hold, and no reader could
/// see, are dropped (C0 controls but tab and line feed, DEL, the C1 controls, U+FFFE/U+FFFF and the other noncharacters,
/// and U+FEFF, a byte-order mark out of place, which YAML may not hold inside a document),
/// a lone half of a surrogate pair becomes U+FFFD, and a carriage return (alone or before a line feed) a line feed, as an
/// HTML or XML parser would read it anyway. Applied where text enters (<see cref="Site.SourceText"/>, and the
/// strings a YAML or JSON escape can make), so a page, <c>papers.json</c>, a feed and the search index all say the same.
/// Everything else a reader sees is kept: bidi controls, joiners, any script.
/// </summary>
internal static class SafeText
{
    public static string Clean(string text)
    {
        var i = 0;
        while (i < text.Length && IsKept(text, i, out var width))
        {
            i += width;
        }
        if (i == text.Length)
        {
            return text;
        }
        var clean = new StringBuilder(text.Length);
        clean.Append(text, 0, i);
        while (i < text.Length)
        {
            if (IsKept(text, i, out var width))
            {
                clean.Append(text, i, width);
            }
            else if (char.IsSurrogate(text[i]))
            {
                clean.Append('\uFFFD');
            }
            else if (text[i] == '\r')
            {
                clean.Append('\n');
                width = i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            }
            i += width;
        }
        return clean.ToString();
    }

    /// <summary>Whether the character (or pair) at <paramref name="i"/> stays, and how many UTF-16 units it takes.</summary>
    private static bool IsKept(string text, int i, out int width)
    {
        var c = text[i];
        width = 1;
        if (c >= ' ' && c < '\u007F')
        {
            return true;
        }
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            width = 2;
            var rune = char.ConvertToUtf32(c, text[i + 1]);
            return (rune & 0xFFFE) != 0xFFFE;
        }
        return c is '\t' or '\n'
            || (c > '\u009F' && !char.IsSurrogate(c) && c is not (>= '\uFDD0' and <= '\uFDEF' or '\uFEFF' or '\uFFFE' or '\uFFFF'));
    }
}

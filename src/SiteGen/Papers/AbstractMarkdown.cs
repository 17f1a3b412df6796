using System.Text;

namespace SiteGen.Papers;

/// <summary>
/// Turns the literal text of an abstract, as a listing shows it, into Markdown that renders back to that text:
/// nothing in it becomes emphasis, a heading, a list or HTML, and every http(s) URL becomes a link.
/// </summary>
/// <remarks>
/// Escapes are added only where CommonMark would otherwise read a character as markup, so the Markdown stays
/// readable for people who edit the page. Whitespace is not significant in HTML, and is not kept exactly:
/// each line is trimmed (leading spaces would make code blocks, trailing ones line breaks) and runs of blank
/// lines become one paragraph break. A NUL character cannot survive (CommonMark replaces it with U+FFFD).
/// </remarks>
internal static class AbstractMarkdown
{
    public static string FromLiteral(string text)
    {
        var markdown = new StringBuilder(text.Length + text.Length / 16);
        var blankLines = 0;
        foreach (var rawLine in text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
        {
            var line = rawLine.Trim(LineWhitespace);
            if (line.Length == 0)
            {
                blankLines++;
                continue;
            }
            if (markdown.Length > 0)
            {
                markdown.Append(blankLines > 0 ? "\n\n" : "\n");
            }
            blankLines = 0;
            AppendLine(markdown, line);
        }
        return markdown.ToString();
    }

    /// <summary>Whitespace CommonMark strips or interprets at the edges of a line.</summary>
    private static readonly char[] LineWhitespace = [' ', '\t', '\v', '\f'];

    private static void AppendLine(StringBuilder markdown, string line)
    {
        var done = 0;
        foreach (var (start, length) in WebUrls.Find(line))
        {
            AppendText(markdown, line, done, start);
            // A CommonMark autolink: its text is the URL exactly, with no escapes inside (none are needed,
            // and none would be honoured).
            markdown.Append('<').Append(line, start, length).Append('>');
            done = start + length;
        }
        AppendText(markdown, line, done, line.Length);
    }

    /// <summary>Appends <c>line[from..to]</c>, a stretch with no URL in it, escaped.</summary>
    private static void AppendText(StringBuilder markdown, string line, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var c = line[i];
            if (i == 0 && BlockMarkerEnd(line) is > 0 and var end)
            {
                // The escape that defuses the marker goes before its last character: "\#", "1\.", "\-".
                markdown.Append(line, 0, end - 1).Append('\\').Append(line[end - 1]);
                i = end - 1;
                continue;
            }
            var escape = c switch
            {
                '*' or '`' or '[' or ']' or '<' => true,
                // Snake_case_names stay readable: an underscore between two letters or digits never opens or
                // closes emphasis. Neighbours count only inside this stretch; a URL next to it starts with '<'.
                '_' => !(i > from && i + 1 < to && char.IsLetterOrDigit(line[i - 1]) && char.IsLetterOrDigit(line[i + 1])),
                // A backslash escapes only ASCII punctuation (including the '<' of a following autolink) and
                // makes a hard line break at the end of a line.
                '\\' => i + 1 == to || IsAsciiPunctuation(line[i + 1]),
                '&' => StartsEntity(line, i),
                _ => false,
            };
            if (escape)
            {
                markdown.Append('\\');
            }
            markdown.Append(c);
        }
    }

    /// <summary>
    /// The end of the marker with which <paramref name="line"/> would start a heading, quote, list, rule, fence or
    /// setext underline, or 0 when it starts no block. Characters escaped everywhere ('*', '_', '`', '[', '&lt;')
    /// need nothing here.
    /// </summary>
    private static int BlockMarkerEnd(string line)
    {
        switch (line[0])
        {
            case '>':
                return 1;
            case '#':
                var hashes = CountLeading(line, '#');
                return hashes <= 6 && EndsMarker(line, hashes) ? 1 : 0;
            case '-' or '=' when line.AsSpan().TrimEnd(" \t").IndexOfAnyExcept(line[0]) < 0:
                return 1; // "---" is a rule, and "-" or "=" under a line makes it a heading
            case '-' when line.AsSpan().IndexOfAnyExcept("- \t") < 0 && line.AsSpan().Count('-') >= 3:
                return 1; // "- - -" and "--\t-" are rules too: spaces and tabs may stand between the dashes
            case '-' or '+':
                return EndsMarker(line, 1) ? 1 : 0;
            case '~':
                return CountLeading(line, '~') >= 3 ? 1 : 0;
            case >= '0' and <= '9':
                var digits = 0;
                while (digits < line.Length && char.IsAsciiDigit(line[digits]))
                {
                    digits++;
                }
                return digits <= 9 && digits < line.Length && line[digits] is '.' or ')' && EndsMarker(line, digits + 1)
                    ? digits + 1
                    : 0;
            default:
                return 0;
        }
    }

    private static int CountLeading(string line, char c)
    {
        var count = 0;
        while (count < line.Length && line[count] == c)
        {
            count++;
        }
        return count;
    }

    /// <summary>A list or heading marker only counts when a space, a tab or the end of the line follows it.</summary>
    private static bool EndsMarker(string line, int index) => index >= line.Length || line[index] is ' ' or '\t';

    /// <summary>True when an '&amp;' at <paramref name="index"/> starts something like "&amp;amp;" or "&amp;#38;", which would be decoded.</summary>
    private static bool StartsEntity(string line, int index)
    {
        var i = index + 1;
        if (i < line.Length && line[i] == '#')
        {
            i++;
        }
        var nameStart = i;
        while (i < line.Length && char.IsAsciiLetterOrDigit(line[i]))
        {
            i++;
        }
        return i > nameStart && i < line.Length && line[i] == ';';
    }

    private static bool IsAsciiPunctuation(char c) => char.IsAscii(c) && (char.IsPunctuation(c) || char.IsSymbol(c));
}

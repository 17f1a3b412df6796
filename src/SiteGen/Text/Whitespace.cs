using System.Buffers;

namespace SiteGen.Text;

/// <summary>Text as a page shows it: every run of white space one space, none at the ends.</summary>
internal static class Whitespace
{
    /// <summary>
    /// <paramref name="text"/> itself when it already reads so (most titles and abstracts do), else one new string: a
    /// split into words and a join made a string per word, a tenth of what a cold build allocated.
    /// </summary>
    public static string Collapse(string text)
    {
        if (IsCollapsed(text))
        {
            return text;
        }
        var (length, changes) = Collapsed(text);
        return !changes ? text : string.Create(length, text, static (span, text) =>
        {
            var at = 0;
            var space = false;
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = at > 0;
                    continue;
                }
                if (space)
                {
                    span[at++] = ' ';
                    space = false;
                }
                span[at++] = c;
            }
        });
    }

    /// <summary>
    /// True when nothing is to collapse, found by vectorized searches (most texts): no white space at the ends, none
    /// but ' ', and no two spaces together.
    /// </summary>
    private static bool IsCollapsed(string text) =>
        text.Length == 0
        || (!char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1])
            && text.AsSpan().IndexOfAny(WhiteSpaceButSpace) < 0 && !text.AsSpan().Contains("  ", StringComparison.Ordinal));

    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> holds to be white space, but ' '.</summary>
    private static readonly SearchValues<char> WhiteSpaceButSpace =
        SearchValues.Create([.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => c != ' ' && char.IsWhiteSpace(c))]);

    /// <summary>The collapsed text's length, and whether it differs from the text at all.</summary>
    private static (int Length, bool Changes) Collapsed(string text)
    {
        var (length, space, changes) = (0, false, false);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                // Dropped (at the start, or after another), or made a ' ': a change unless it is a ' ' that stays.
                changes |= c != ' ' || space || length == 0;
                space = length > 0;
                continue;
            }
            if (space)
            {
                length++;
                space = false;
            }
            length++;
        }
        return (length, changes || space);
    }
}

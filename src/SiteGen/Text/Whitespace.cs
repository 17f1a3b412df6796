using System.Buffers;

namespace SiteGen.Text;

/// <summary>Text as a page shows it: every run of white space one space, none at the ends.</summary>
internal static class Whitespace
{
    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> holds to be white space, but ' '.</summary>
    private static readonly SearchValues<char> WhiteSpaceButSpace =
        SearchValues.Create([.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => c != ' ' && char.IsWhiteSpace(c))]);

    /// <summary>
    /// <paramref name="text"/> itself when it already reads so (most titles and abstracts do, found by vectorized
    /// searches), else one new string: a split into words and a join made a string per word, a tenth of what a cold
    /// build allocated.
    /// </summary>
    public static string Collapse(string text) => IsCollapsed(text) ? text : string.Create(CollapsedLength(text), text, static (span, text) =>
    {
        var (at, space) = (0, false);
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

    /// <summary>No white space at the ends, none but ' ', and no two spaces together.</summary>
    private static bool IsCollapsed(string text) =>
        text.Length == 0
        || (!char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1])
            && text.AsSpan().IndexOfAny(WhiteSpaceButSpace) < 0 && !text.AsSpan().Contains("  ", StringComparison.Ordinal));

    private static int CollapsedLength(string text)
    {
        var (length, space) = (0, false);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = length > 0;
                continue;
            }
            length += space ? 2 : 1;
            space = false;
        }
        return length;
    }
}

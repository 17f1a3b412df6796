namespace SiteGen.Benchmarks.Generation;

/// <summary>Splits abstracts into sentences and finds the model names they introduce.</summary>
internal static class Sentences
{
    /// <summary>Words ending in a period that do not end a sentence.</summary>
    private static readonly string[] Abbreviations = ["e.g.", "i.e.", "et al.", "etc.", "vs.", "Fig.", "Eq.", "cf.", "approx.", "resp."];

    /// <summary>
    /// The sentences of <paramref name="text"/>: a sentence ends at <c>.</c>, <c>!</c> or <c>?</c> followed by a space
    /// and an uppercase letter, a digit or an opening quote or bracket, unless the period closes an abbreviation.
    /// </summary>
    public static IEnumerable<string> Split(string text)
    {
        var start = 0;
        for (var i = 0; i + 2 < text.Length; i++)
        {
            if (text[i] is not ('.' or '!' or '?') || text[i + 1] != ' ')
            {
                continue;
            }
            var next = text[i + 2];
            if (!(char.IsUpper(next) || char.IsDigit(next) || next is '"' or '(' or '['))
            {
                continue;
            }
            if (text[i] == '.' && EndsWithAbbreviation(text.AsSpan(start, i + 1 - start)))
            {
                continue;
            }
            yield return text[start..(i + 1)];
            start = i + 2;
        }
        if (start < text.Length)
        {
            var last = text[start..].Trim();
            if (last.Length > 0)
            {
                yield return last;
            }
        }
    }

    /// <summary>
    /// Names in parentheses that have at least two capitals and no spaces, as abstracts introduce them:
    /// "a graph prompt reasoning network (GPRN)" gives <c>GPRN</c>.
    /// </summary>
    public static IEnumerable<string> Acronyms(string text)
    {
        var from = 0;
        while (from < text.Length)
        {
            var open = text.IndexOf('(', from);
            if (open < 0)
            {
                yield break;
            }
            var close = text.IndexOf(')', open + 1);
            if (close < 0)
            {
                yield break;
            }
            var inside = text.AsSpan(open + 1, close - open - 1);
            if (inside.Length is >= 2 and <= 16 && IsName(inside))
            {
                yield return inside.ToString();
            }
            from = close + 1;
        }
    }

    private static bool IsName(ReadOnlySpan<char> word)
    {
        var capitals = 0;
        foreach (var c in word)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                capitals++;
            }
            else if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }
        return capitals >= 2 && char.IsAsciiLetter(word[0]);
    }

    private static bool EndsWithAbbreviation(ReadOnlySpan<char> sentence)
    {
        foreach (var abbreviation in Abbreviations)
        {
            if (sentence.EndsWith(abbreviation, StringComparison.Ordinal)
                && (sentence.Length == abbreviation.Length || !char.IsLetter(sentence[^(abbreviation.Length + 1)])))
            {
                return true;
            }
        }
        return false;
    }
}

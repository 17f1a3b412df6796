using SiteGen.Text;

namespace SiteGen.Papers;

/// <summary>
/// What makes two titles the same paper's: the same words, whatever the case, the accents (a precomposed é or an e with a
/// combining accent), or the spaces (arXiv wraps long titles with double spaces). Punctuation counts: "A: B" and "A - B"
/// are two papers.
/// </summary>
internal static class TitleKey
{
    public static string Of(string title)
    {
        var folded = TextFold.Fold(title);
        if (!NeedsSpacesMended(folded))
        {
            return folded; // most titles: every title of a build is keyed, and a second copy of each was garbage
        }
        var key = new System.Text.StringBuilder(folded.Length);
        var space = false;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                space = key.Length > 0;
                continue;
            }
            if (space)
            {
                key.Append(' ');
                space = false;
            }
            key.Append(c);
        }
        return key.ToString();
    }

    /// <summary>Whether the text has a space other than one ' ' between two words (at its ends, two in a row, a tab, a line break).</summary>
    private static bool NeedsSpacesMended(string text)
    {
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
        {
            return true;
        }
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || char.IsWhiteSpace(text[i + 1])))
            {
                return true;
            }
        }
        return false;
    }
}

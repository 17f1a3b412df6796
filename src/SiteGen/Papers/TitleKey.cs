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
}

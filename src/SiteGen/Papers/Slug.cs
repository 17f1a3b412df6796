using System.Globalization;
using System.Text;

namespace SiteGen.Papers;

/// <summary>
/// URL names: ASCII, lowercase, words joined by hyphens, derived from the title alone so that a paper's URL
/// never depends on which other papers are in the build. A slug can never hold a path separator or a dot
/// segment, so it can never climb out of the output folder.
/// </summary>
public static class Slug
{
    /// <summary>Long titles are cut at a word boundary; URLs stay readable and well under file-name limits.</summary>
    public const int MaxLength = 80;

    public static string FromTitle(string title)
    {
        var decomposed = title.Normalize(NormalizationForm.FormKD);
        var slug = new StringBuilder(Math.Min(decomposed.Length, MaxLength + 16));
        var pendingHyphen = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue; // é -> e
            }
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && slug.Length > 0)
                {
                    slug.Append('-');
                }
                pendingHyphen = false;
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (c != '\'' && c != '\u2019')
            {
                pendingHyphen = true; // apostrophes join: "Let's" -> "lets"
            }
        }
        if (slug.Length > MaxLength)
        {
            var cut = slug.ToString(0, MaxLength + 1).LastIndexOf('-');
            slug.Length = cut > MaxLength / 2 ? cut : MaxLength;
        }
        return slug.Length == 0 ? "untitled" : slug.ToString();
    }

    /// <summary>True when <paramref name="slug"/> is already in slug form (a hand-written <c>slug:</c> must be).</summary>
    public static bool IsValid(string slug) =>
        slug.Length is > 0 and <= MaxLength * 2
        && slug[0] != '-' && slug[^1] != '-'
        && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}

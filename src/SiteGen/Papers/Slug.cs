using System.Text;
using SiteGen.Text;

namespace SiteGen.Papers;

/// <summary>
/// URL names: ASCII, lowercase, words joined by hyphens, derived from the title alone so that a paper's URL never depends
/// on which other papers are in the build (two titles that would share one are told apart when papers are ordered). Accents
/// go ("Schrödinger" is "schrodinger"), Greek and Cyrillic are transliterated (<see cref="Transliteration"/>); a title with
/// nothing left of that (Chinese, Arabic, emoji) is named by its arXiv id when known, else by a short hash of the title, so
/// two such titles never share a name and each keeps its own from build to build. A slug can never hold a path separator or
/// a dot segment, so it can never climb out of the output folder.
/// </summary>
internal static class Slug
{
    /// <summary>Long titles are cut at a word boundary; URLs stay readable and well under file-name limits.</summary>
    public const int MaxLength = 80;

    /// <param name="arxiv">The paper's arXiv id, if known: the name of a title with no Latin letters left.</param>
    public static string FromTitle(string title, string? arxiv = null)
    {
        var folded = TextFold.Fold(title);
        var slug = new StringBuilder(Math.Min(folded.Length, MaxLength + 16));
        var pendingHyphen = false;
        foreach (var c in folded)
        {
            var letters = char.IsAsciiLetterOrDigit(c) ? null : Transliteration.Of(c);
            if (char.IsAsciiLetterOrDigit(c) || letters is { Length: > 0 })
            {
                if (pendingHyphen && slug.Length > 0)
                {
                    slug.Append('-');
                }
                pendingHyphen = false;
                if (letters is null)
                {
                    slug.Append(c);
                }
                else
                {
                    slug.Append(letters);
                }
            }
            else if (c != '\'' && c != '\u2019' && letters is null)
            {
                pendingHyphen = true; // apostrophes join: "Let's" -> "lets"; so does a soft sign
            }
        }
        if (slug.Length > MaxLength)
        {
            var cut = slug.ToString(0, MaxLength + 1).LastIndexOf('-');
            slug.Length = cut > MaxLength / 2 ? cut : MaxLength;
        }
        if (slug.Length > 0)
        {
            return slug.ToString();
        }
        if (arxiv is not null && FromTitle(arxiv) is { } id && IsValid(id) && !id.StartsWith("paper-", StringComparison.Ordinal))
        {
            return id; // 2405.07960 -> 2405-07960
        }
        return $"paper-{new Site.Fingerprint().Add(TitleKey.Of(title)).Value:x16}"[..14];
    }

    /// <summary>True when <paramref name="slug"/> is already in slug form (a hand-written <c>slug:</c> must be).</summary>
    public static bool IsValid(string slug) =>
        slug.Length is > 0 and <= MaxLength * 2
        && slug[0] != '-' && slug[^1] != '-'
        && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}

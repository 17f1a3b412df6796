using System.Buffers;
using System.Globalization;
using System.Text;

namespace SiteGen.Search;

/// <summary>
/// Splits text into the words the search index holds. The browser splits a query the same way
/// (<c>theme/assets/search.js</c>, <c>words()</c>), so both sides must change together:
/// lowercase and drop the diacritics with one table (<see cref="Text.TextFold"/>, which the index carries for the
/// browser), so "Café" is "cafe"; a word is a run of letters, marks and digits; words of one character and stop words
/// are left out. URLs in an abstract are skipped:
/// "https", "github" and "com" would match half the papers and mean nothing.
/// </summary>
internal static class SearchWords
{
    /// <summary>Shorter words are not indexed: a one-letter prefix would match most of the index.</summary>
    public const int MinLength = 2;

    /// <summary>
    /// Words too common in abstracts to tell papers apart. Written into the index, so the browser drops the
    /// same ones from a query (otherwise "the diffusion" would find nothing).
    /// </summary>
    public static readonly IReadOnlyList<string> StopWords =
    [
        "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "has", "have", "in", "into", "is", "it",
        "its", "of", "on", "or", "our", "over", "that", "the", "their", "these", "this", "to", "via", "was", "we",
        "were", "which", "with", "without",
    ];

    /// <summary>A longer word is no stop word: most words of an abstract skip the lookup.</summary>
    private static readonly int LongestStopWord = StopWords.Max(word => word.Length);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Stop =
        new HashSet<string>(StopWords, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Calls <paramref name="word"/> with each word of <paramref name="text"/>, in order, repeats included.</summary>
    public static void Split(string text, WordAction word) => Text.TextFold.WithFolded(text, word, SplitFolded);

    /// <summary><see cref="Split"/> of a text already folded (<see cref="Text.TextFold"/>).</summary>
    private static void SplitFolded(ReadOnlySpan<char> folded, WordAction word)
    {
        Span<char> buffer = stackalloc char[64];
        var length = 0;
        var tooLong = false;
        for (var i = 0; i <= folded.Length; i++)
        {
            var c = i < folded.Length ? folded[i] : ' ';
            if (IsWordChar(c, folded, i))
            {
                if (length == 0 && IsUrlAt(folded, i))
                {
                    i = EndOfUrl(folded, i) - 1;
                    continue;
                }
                if (length < buffer.Length)
                {
                    buffer[length] = c;
                }
                else
                {
                    tooLong = true; // a run of 64 letters is no word anyone types; drop it
                }
                length++;
                continue;
            }
            if (length >= MinLength && !tooLong && (length > LongestStopWord || !Stop.Contains(buffer[..length])))
            {
                word(buffer[..length]);
            }
            length = 0;
            tooLong = false;
        }
    }

    internal delegate void WordAction(ReadOnlySpan<char> word);

    /// <summary>A letter, a mark or a digit of any script (the <c>\p{L}\p{M}\p{N}</c> of the browser's split).</summary>
    private static bool IsWordChar(char c, ReadOnlySpan<char> text, int i)
    {
        if (c < 128)
        {
            return char.IsAsciiLetterOrDigit(c);
        }
        if (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]))
        {
            return IsWordChar(text[i - 1], text, i - 1); // the second half of a pair goes with the first
        }
        var category = Rune.DecodeFromUtf16(text[i..], out var rune, out _) == OperationStatus.Done ? Rune.GetUnicodeCategory(rune) : UnicodeCategory.OtherNotAssigned;
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
    }

    private static bool IsUrlAt(ReadOnlySpan<char> text, int i) =>
        text[i..].StartsWith("http://") || text[i..].StartsWith("https://");

    private static readonly SearchValues<char> UrlEnds = SearchValues.Create(" \t\r\n>)");

    /// <summary>A URL ends at white space or at what closes it in Markdown (<c>&lt;url&gt;</c>, <c>[text](url)</c>).</summary>
    private static int EndOfUrl(ReadOnlySpan<char> text, int i)
    {
        var end = text[i..].IndexOfAny(UrlEnds);
        return end < 0 ? text.Length : i + end;
    }
}

using System.Globalization;
using System.Text;

namespace SiteGen.Tags;

/// <summary>
/// Splits text into the lowercase words that tag phrases are compared with (see <see cref="TagMatcher"/>).
/// A word is a run of letters, digits and combining marks; everything else separates words. Sentence
/// punctuation and brackets also mark a break, which a phrase can only cross where it has one itself.
/// </summary>
internal static class Words
{
    /// <summary>
    /// One word: <paramref name="Length"/> lowercase characters at <paramref name="Start"/> of the character
    /// buffer given to <see cref="Split(ReadOnlySpan{char}, Span{char}, Span{Word})"/>.
    /// <paramref name="AfterBreak"/> is true when sentence punctuation or a bracket stands between the
    /// previous word and this one.
    /// </summary>
    internal readonly record struct Word(int Start, int Length, bool AfterBreak);

    /// <summary>How many characters the lowercase words of a text of this length can take, at most.</summary>
    public static int MaxChars(int textLength) => textLength * 2;

    /// <summary>How many words a text of this length can hold, at most: words need a separator between them.</summary>
    public static int MaxWords(int textLength) => (textLength + 1) / 2;

    /// <summary>
    /// Writes the lowercase characters of the words of <paramref name="text"/> one after another into
    /// <paramref name="chars"/> (at least <see cref="MaxChars"/> long) and the words into
    /// <paramref name="words"/> (at least <see cref="MaxWords"/> long). Returns the number of words.
    /// </summary>
    public static int Split(ReadOnlySpan<char> text, Span<char> chars, Span<Word> words)
    {
        var count = 0;
        var written = 0;
        var wordStart = -1;
        var afterBreak = false;
        for (var i = 0; i < text.Length;)
        {
            Kind kind;
            var c = text[i];
            if (c < AsciiKinds.Length)
            {
                // Abstracts are mostly ASCII: one table read instead of decoding and classifying a rune.
                i++;
                kind = AsciiKinds[c];
                if (kind == Kind.Letter)
                {
                    if (wordStart < 0)
                    {
                        wordStart = written;
                    }
                    chars[written++] = AsciiLower[c];
                    continue;
                }
            }
            else
            {
                // A lone surrogate decodes as U+FFFD, which is not a letter: it separates words.
                Rune.DecodeFromUtf16(text[i..], out var rune, out var consumed);
                i += consumed;
                kind = KindOf(rune);
                if (kind == Kind.Letter)
                {
                    if (wordStart < 0)
                    {
                        wordStart = written;
                    }
                    written += Lower(rune).EncodeToUtf16(chars[written..]);
                    continue;
                }
            }
            if (wordStart >= 0)
            {
                words[count++] = new Word(wordStart, written - wordStart, afterBreak);
                wordStart = -1;
                afterBreak = false;
            }
            afterBreak |= kind == Kind.Break;
        }
        if (wordStart >= 0)
        {
            words[count++] = new Word(wordStart, written - wordStart, afterBreak);
        }
        return count;
    }

    /// <summary>The lowercase words of <paramref name="text"/>, for phrases and tests.</summary>
    public static string[] Split(string text)
    {
        var chars = new char[MaxChars(text.Length)];
        var words = new Word[MaxWords(text.Length)];
        var count = Split(text, chars, words);
        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = new string(chars, words[i].Start, words[i].Length);
        }
        return result;
    }

    /// <summary>What a character is to <see cref="Split(ReadOnlySpan{char}, Span{char}, Span{Word})"/>.</summary>
    private enum Kind : byte
    {
        /// <summary>Only separates words.</summary>
        Separator,

        /// <summary>Separates words and stops a phrase (see <see cref="IsBreak"/>).</summary>
        Break,

        /// <summary>Part of a word: a letter, digit or combining mark.</summary>
        Letter,
    }

    /// <summary>
    /// <see cref="KindOf"/> and <see cref="Lower"/> of the ASCII characters, worked out once from the very same
    /// rules, so the fast path cannot disagree with the general one.
    /// </summary>
    private static readonly Kind[] AsciiKinds = [.. Enumerable.Range(0, 128).Select(c => KindOf(new Rune(c)))];

    private static readonly char[] AsciiLower = [.. Enumerable.Range(0, 128).Select(c => (char)Lower(new Rune(c)).Value)];

    private static Kind KindOf(Rune rune) => IsWordRune(rune) ? Kind.Letter : IsBreak(rune) ? Kind.Break : Kind.Separator;

    /// <summary>Lowercase, with the Greek final sigma read as sigma: "ΛΌΓΟΣ" is "λόγος".</summary>
    private static Rune Lower(Rune rune)
    {
        if (rune.IsAscii)
        {
            return new Rune(char.ToLowerInvariant((char)rune.Value));
        }
        var lower = Rune.ToLowerInvariant(rune);
        return lower.Value == FinalSigma ? new Rune(Sigma) : lower;
    }

    private const char Sigma = '\u03C3';
    private const char FinalSigma = '\u03C2';

    private static bool IsWordRune(Rune rune)
    {
        if (rune.IsAscii)
        {
            return char.IsAsciiLetterOrDigit((char)rune.Value);
        }
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
    }

    /// <summary>
    /// Sentence punctuation and brackets. Hyphens, dashes, slashes, apostrophes and quotes are not breaks:
    /// "fine-tuning" reads as "fine tuning", "Mixture-of-Experts" as "mixture of experts".
    /// </summary>
    private static bool IsBreak(Rune rune) =>
        rune.Value is '.' or ',' or ';' or ':' or '!' or '?' or '\u2026' or '\u3001' or '\u3002'
            or '\uFF01' or '\uFF0C' or '\uFF1A' or '\uFF1B' or '\uFF1F'
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation;
}

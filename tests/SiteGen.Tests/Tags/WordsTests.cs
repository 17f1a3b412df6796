using System.Globalization;
using System.Text;
using SiteGen.Tags;

namespace SiteGen.Tests.Tags;

public sealed class WordsTests
{
    /// <summary>The rules of <see cref="Words"/>, written out independently of its lookup table for ASCII.</summary>
    private static bool IsWordChar(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.DecimalDigitNumber;

    private static bool IsBreak(char c) =>
        c is '.' or ',' or ';' or ':' or '!' or '?'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation;

    [Fact]
    public void EveryAsciiCharacterIsSplitByTheSameRulesAsTheRest()
    {
        var chars = new char[16];
        var words = new Words.Word[8];
        for (var c = (char)0; c < 128; c++)
        {
            var count = Words.Split($"aB{c}Cd", chars, words);

            if (IsWordChar(c))
            {
                Assert.Equal(1, count);
                Assert.Equal($"ab{char.ToLowerInvariant(c)}cd", new string(chars, 0, words[0].Length));
            }
            else
            {
                Assert.Equal(2, count);
                Assert.Equal("ab", new string(chars, words[0].Start, words[0].Length));
                Assert.Equal("cd", new string(chars, words[1].Start, words[1].Length));
                Assert.Equal(IsBreak(c), words[1].AfterBreak);
            }
        }
    }

    [Fact]
    public void AsciiAndOtherLettersMakeOneWord()
    {
        Assert.Equal(["déjà", "vu", "σοφία", "free"], Words.Split("DÉJÀ vu: ΣΟΦΊΑ-free"));
        Assert.Equal(["e\u0301t\u00E9", "x𝒜y"], Words.Split("E\u0301T\u00C9 x𝒜y"));
    }

    [Fact]
    public void AsciiBreaksAfterNonAsciiWordsAreKept()
    {
        var chars = new char[32];
        var words = new Words.Word[8];

        var count = Words.Split("é. é é", chars, words);

        Assert.Equal(3, count);
        Assert.True(words[1].AfterBreak);
        Assert.False(words[2].AfterBreak);
    }

    [Fact]
    public void TheLookupTableAgreesWithRuneLowercasing()
    {
        for (var c = 'A'; c <= 'Z'; c++)
        {
            Assert.Equal([Rune.ToLowerInvariant(new Rune(c)).ToString()], Words.Split(c.ToString()));
        }
    }
}

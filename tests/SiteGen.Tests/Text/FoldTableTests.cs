using System.Text;
using SiteGen.Text;
using Xunit.Abstractions;

namespace SiteGen.Tests.Text;

/// <summary>
/// The fold table, written out in the source so that builds without ICU fold as builds with it do, is what Unicode's
/// decompositions say (computed here with ICU, which the test process has).
/// </summary>
public sealed class FoldTableTests(ITestOutputHelper log)
{
    private static bool IsMark(char c) =>
        c is >= '\u0300' and <= '\u036F' or >= '\u1AB0' and <= '\u1AFF' or >= '\u1DC0' and <= '\u1DFF' or >= '\u20D0' and <= '\u20FF'
            or >= '\uFE20' and <= '\uFE2F';

    /// <summary>Letters with no decomposition, folded to the Latin letters people type for them (and ς to σ, ligatures to letters).</summary>
    private static readonly Dictionary<char, string> Letters = new()
    {
        ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe", ['ø'] = "o", ['ł'] = "l", ['đ'] = "d", ['ð'] = "d", ['þ'] = "th", ['ı'] = "i",
        ['ħ'] = "h", ['ŧ'] = "t", ['ŀ'] = "l", ['ĳ'] = "ij", ['ς'] = "σ", ['ﬀ'] = "ff", ['ﬁ'] = "fi", ['ﬂ'] = "fl", ['ﬃ'] = "ffi",
        ['ﬄ'] = "ffl", ['ﬅ'] = "st", ['ﬆ'] = "st",
    };

    /// <summary>The table as ICU's decompositions give it: what the source holds must be this.</summary>
    private static SortedDictionary<char, string> Expected()
    {
        var map = new SortedDictionary<char, string>();
        for (var i = 0xA0; i <= 0xFFFF; i++)
        {
            var c = (char)i;
            if (char.IsSurrogate(c))
            {
                continue;
            }
            if (IsMark(c))
            {
                map[c] = "";
                continue;
            }
            if (char.ToLowerInvariant(c) != c && c != '\u0130')
            {
                continue; // folded after lowering
            }
            string decomposed;
            try
            {
                decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            }
            catch (ArgumentException)
            {
                continue; // not a character Unicode assigns
            }
            if (!decomposed.Any(IsMark))
            {
                continue;
            }
            var stripped = new string([.. decomposed.Where(d => !IsMark(d))]).Normalize(NormalizationForm.FormC).ToLowerInvariant();
            if (stripped.Length > 0 && stripped != c.ToString())
            {
                map[c] = stripped;
            }
        }
        foreach (var (letter, plain) in Letters)
        {
            map[letter] = plain;
        }
        foreach (var key in map.Keys.ToList())
        {
            map[key] = string.Concat(map[key].Select(c => Letters.TryGetValue(c, out var plain) ? plain : c.ToString()));
        }
        return map;
    }

    [Fact]
    public void TheTableIsUnicodesDecompositionsWithoutTheirMarks()
    {
        Assert.True("é".Normalize(NormalizationForm.FormD).Length == 2, "this test needs ICU (libicu) to compute the table");
        var (keys, values) = TextFold.Table;
        var table = keys.Zip(values.Split('|')).ToDictionary(p => p.First, p => p.Second);
        var expected = Expected();

        var wrong = expected.Where(e => !table.TryGetValue(e.Key, out var v) || v != e.Value).Select(e => $"U+{(int)e.Key:X4} -> '{e.Value}'")
            .Concat(table.Keys.Except(expected.Keys).Select(k => $"U+{(int)k:X4} is not in Unicode's table"))
            .ToList();
        foreach (var line in wrong.Take(50))
        {
            log.WriteLine(line);
        }
        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("Schrödinger Bridges for Café Naïve Models", "schrodinger bridges for cafe naive models")]
    [InlineData("İSTANBUL İstanbul", "istanbul istanbul")]
    [InlineData("Straße Ærø Łódź Þór", "strasse aero lodz thor")]
    [InlineData("e\u0301te\u0301", "ete")] // decomposed accents fold as precomposed ones do
    [InlineData("ΛΌΓΟΣ", "λογοσ")]
    [InlineData("Ёлка", "елка")]
    [InlineData("ﬁne-tuning", "fine-tuning")]
    [InlineData("深度学习 🚀", "深度学习 🚀")]
    public void FoldingLowersAndDropsDiacritics(string text, string folded) => Assert.Equal(folded, TextFold.Fold(text));
}

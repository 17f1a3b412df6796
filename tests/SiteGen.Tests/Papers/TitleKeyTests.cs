using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SiteGen.Papers;
using SiteGen.Text;

namespace SiteGen.Tests.Papers;

/// <summary>A title's key is its folded words, one space between each, whatever spaces the title had.</summary>
public sealed class TitleKeyTests
{
    private static readonly Gen<string> Titles =
        Gen.Elements("Diffusion", "Café", "e\u0301", "LLM", ":", "-", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "x")
            .ListOf()
            .Select(pieces => string.Concat(pieces));

    [Property(MaxTest = 1000)]
    public Property IsTheFoldedWordsWithOneSpaceBetween() =>
        Prop.ForAll(Arb.From(Titles), title =>
            (TitleKey.Of(title) == string.Join(' ', TextFold.Fold(title).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
                .Label($"'{title}'"));

    /// <summary>The hash the merge keys papers by is the key's, made the quick way for a title in ASCII.</summary>
    [Property(MaxTest = 1000)]
    public Property TheHashIsTheHashOfTheKey() =>
        Prop.ForAll(Arb.From(Gen.OneOf(Titles, Gen.Elements("Diffusion", "LLM", "A: B", " ", "  ", "\t", "\n", "\r", "x").ListOf().Select(p => string.Concat(p)))),
            title => (TitleKey.HashOf(title) == System.IO.Hashing.XxHash128.HashToUInt128(
                System.Runtime.InteropServices.MemoryMarshal.AsBytes(TitleKey.Of(title).AsSpan()))).Label($"'{title}'"));

    [Fact]
    public void TitlesThatDifferOnlyInCaseAccentsAndSpacesHaveOneKey()
    {
        Assert.Equal(TitleKey.Of("Café  Models"), TitleKey.Of(" cafe\u0301 models\n"));
        Assert.NotEqual(TitleKey.Of("A: B"), TitleKey.Of("A - B"));
        Assert.Equal(TitleKey.HashOf("Diffusion  Models "), TitleKey.HashOf("diffusion models"));
        Assert.NotEqual(TitleKey.HashOf("A: B"), TitleKey.HashOf("A - B"));
    }
}

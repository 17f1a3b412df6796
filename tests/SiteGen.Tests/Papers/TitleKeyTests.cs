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

    [Fact]
    public void TitlesThatDifferOnlyInCaseAccentsAndSpacesHaveOneKey()
    {
        Assert.Equal(TitleKey.Of("Café  Models"), TitleKey.Of(" cafe\u0301 models\n"));
        Assert.NotEqual(TitleKey.Of("A: B"), TitleKey.Of("A - B"));
    }
}

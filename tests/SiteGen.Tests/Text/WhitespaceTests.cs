using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SiteGen.Text;

namespace SiteGen.Tests.Text;

public sealed class WhitespaceTests
{
    /// <summary>Texts of words and runs of every kind of white space, at the ends too.</summary>
    private static readonly Gen<string> Texts =
        Gen.Elements("a", "word", "é", "\u00A0", "\u2003", " ", "  ", "\t", "\n", "\r\n", "\u3000", "-")
            .ListOf()
            .Select(pieces => string.Concat(pieces));

    /// <summary>The definition: the text split at white space into words, joined by one space.</summary>
    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Property(MaxTest = 2000)]
    public Property IsTheWordsJoinedByOneSpace() =>
        Prop.ForAll(Arb.From(Texts), text => (Whitespace.Collapse(text) == Words(text)).Label($"'{text}' gave '{Whitespace.Collapse(text)}'"));

    [Theory]
    [InlineData("Attention Is All You Need")]
    [InlineData("one")]
    [InlineData("")]
    public void ATextAlreadyCollapsedIsReturnedAsItIs(string text) => Assert.Same(text, Whitespace.Collapse(text));

    [Theory]
    [InlineData("a\tb", "a b")]
    [InlineData(" a", "a")]
    [InlineData("a ", "a")]
    [InlineData("a  b", "a b")]
    [InlineData("a\u00A0b", "a b")]
    [InlineData(" \t\n ", "")]
    public void RunsAndEndsAreCollapsed(string text, string expected) => Assert.Equal(expected, Whitespace.Collapse(text));
}

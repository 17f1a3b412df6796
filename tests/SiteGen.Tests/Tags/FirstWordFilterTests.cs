using SiteGen.Tags;

namespace SiteGen.Tests.Tags;

public sealed class FirstWordFilterTests
{
    [Fact]
    public void NeverTurnsAwayAFirstWord()
    {
        string[] firstWords = ["a", "in", "learning", "3d", "fréchet", "λόγοσ", "𝒜", "averyveryverylongfirstword"];
        var filter = new FirstWordFilter(firstWords);

        Assert.All(firstWords, word => Assert.True(filter.MayStartAPhrase(word)));
    }

    [Fact]
    public void TurnsAwayMostOtherWords()
    {
        var filter = new FirstWordFilter(["learning", "graph", "in"]);
        string[] others = ["the", "of", "and", "we", "results", "model", "show", "that", "this", "for"];

        Assert.All(others, word => Assert.False(filter.MayStartAPhrase(word)));
    }

    [Fact]
    public void AnEmptyFilterTurnsAwayEverything()
    {
        Assert.False(new FirstWordFilter([]).MayStartAPhrase("learning"));
    }
}

using SiteGen.Papers;

namespace SiteGen.Tests.Papers;

/// <summary>URL names: the title's words in ASCII, whatever its script; never empty, never shared by two titles.</summary>
public sealed class SlugTests
{
    [Theory]
    [InlineData("Schrödinger Bridges for Café Naïve Models", "schrodinger-bridges-for-cafe-naive-models")]
    [InlineData("İstanbul: A Benchmark", "istanbul-a-benchmark")]
    [InlineData("Let's Think Step by Step", "lets-think-step-by-step")]
    [InlineData("Глубокое обучение", "glubokoe-obuchenie")]
    [InlineData("Объём", "obieem")] // ICAO: ъ is ie, ё is e
    [InlineData("Βαθιά μάθηση", "vathia-mathisi")]
    [InlineData("ééé", "eee")]
    public void ATitleIsSpelledInAsciiLetters(string title, string slug) => Assert.Equal(slug, Slug.FromTitle(title));

    [Theory]
    [InlineData("深度学习")]
    [InlineData("التعلم العميق")]
    [InlineData("🚀🔥")]
    [InlineData("★☆")]
    public void ATitleWithNothingToSpellIsNamedByAHashOfItsOwn(string title)
    {
        var slug = Slug.FromTitle(title);

        Assert.Matches("^paper-[0-9a-f]{8}$", slug);
        Assert.True(Slug.IsValid(slug));
        Assert.Equal(slug, Slug.FromTitle(title)); // stable
        Assert.Equal(slug, Slug.FromTitle(" " + title + "  ")); // the same title is the same paper
    }

    [Fact]
    public void TitlesWithNothingToSpellGetDifferentNames()
    {
        string[] titles = ["深度学习", "机器学习", "التعلم", "🚀🔥", "🔥🚀", "深度学习 2"];
        Assert.Equal(titles.Length, titles.Select(t => Slug.FromTitle(t)).Distinct().Count());
    }

    [Fact]
    public void ATitleWithNothingToSpellIsNamedByItsArxivIdWhenKnown() =>
        Assert.Equal("2405-07960", Slug.FromTitle("深度学习", arxiv: "2405.07960"));
}

using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>No paper is lost to another with the same URL name: each keeps a page, and the build says where.</summary>
public sealed class SlugClashTests
{
    [Fact]
    public async Task TitlesWithoutAsciiLettersEachGetAPage()
    {
        using var site = new TempFolder().WithEmptySite();
        string[] titles = ["深度学习", "التعلم", "🚀🔥", "ééé", "Глубокое обучение"];
        foreach (var (title, i) in titles.Select((t, i) => (t, i)))
        {
            site.WritePaper($"p{i}", title);
        }

        var built = await SiteBuilder.BuildAsync(new BuildRequest(site.Path));

        Assert.Equal(titles.Length, built.Papers);
        Assert.Empty(built.Warnings);
        Assert.Equal(titles.Length, Directory.EnumerateDirectories(site["output/papers"]).Count());
    }

    [Fact]
    public async Task TwoTitlesWithOneSlugBothKeepAPageTheOlderTheNameAndTheNewerAWarning()
    {
        using var site = new TempFolder().WithEmptySite();
        site.WritePaper("older", "Pointer Networks", "2015-06-09");
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));

        site.WritePaper("newer", "Pointer networks!", "2025-01-01");
        var built = await SiteBuilder.BuildAsync(new BuildRequest(site.Path));

        Assert.Equal(2, built.Papers);
        // Adding a paper moves no other.
        Assert.Equal("Pointer Networks", SiteLinks.Parse(File.ReadAllText(site["output/papers/pointer-networks/index.html"])).QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Pointer networks!", File.ReadAllText(site["output/papers/pointer-networks-2/index.html"]));
        var warning = Assert.Single(built.Warnings);
        Assert.StartsWith("newer.md: warning: \"Pointer networks!\" and \"Pointer Networks\"", warning);
        Assert.Contains("papers/pointer-networks-2/", warning);
    }

    [Fact]
    public async Task TwoPagesOfOnePaperAreOneWarningNamingBothFilesByTheirPathInTheSite()
    {
        using var site = new TempFolder().WithEmptySite();
        site.WritePaper("paper", "Pointer Networks", "2015-06-09");
        site.WritePaper("paper-copy", "Pointer networks", "2015-06-09");

        var built = await SiteBuilder.BuildAsync(new BuildRequest(site.Path));

        Assert.Equal(1, built.Papers);
        var warning = Assert.Single(built.Warnings);
        Assert.StartsWith("input/papers/paper.md: warning: input/papers/paper.md and input/papers/paper-copy.md are both pages for paper", warning);
    }
}

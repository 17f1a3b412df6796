using SiteGen.Rendering.Views;
using SiteGen.Site;
using SiteGen.Tests.Rendering;
using SiteGen.Text;

namespace SiteGen.Tests.Site;

/// <summary>A one-off build's cards, kept in its text file and read back for each page, are the cards a session holds.</summary>
public sealed class CardCacheTests
{
    [Fact]
    public void CardsKeptInTheTextFileAreTheHeldOnesAtEveryDepthAndEachTimeTheyAreShown()
    {
        using var folder = new TempFolder();
        using var texts = TextFile.Create(folder["texts"]);
        PaperView[] papers = [ThemeSamples.Paper(1), ThemeSamples.Paper(2, title: "Naïve <b>titles</b> & café")];
        var held = new CardCache(ThemeSamples.Theme);
        var kept = new CardCache(ThemeSamples.Theme, texts);

        foreach (var url in new[] { "index.html", "tags/vision/index.html", "tags/vision/page/2/index.html", "index.html" })
        {
            var site = ThemeSamples.Site(url);

            Assert.Equal(held.For(papers, site).Select(c => c.ToStringValue()), kept.For(papers, site).Select(c => c.ToStringValue()));
        }
        Assert.True(new FileInfo(folder["texts"]).Length > 0, "the cards went to the file");
    }
}

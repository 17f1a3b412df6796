using SiteGen.Engine;
using SiteGen.Rendering.Views;
using SiteGen.Site;
using SiteGen.Tests.Rendering;
using SiteGen.Text;

namespace SiteGen.Tests.Site;

/// <summary>
/// A one-off build's cards, kept in its text file and read back for each page, are the cards a session holds; cards a
/// new process reads back from the cache's store are the ones it would render.
/// </summary>
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

    [Fact]
    public void ANewProcessReadsTheCardsBackFromTheStoreAsTheyWouldBeRenderedAndStoresOnlyThoseOfChangedPapers()
    {
        using var folder = new TempFolder();
        var path = folder["documents"];
        var held = new CardCache(ThemeSamples.Theme);
        long Process(PaperView[] papers, string url, bool verify = false)
        {
            using (var store = DocumentStore.Open(path, 1, FileOperations.Disk))
            {
                var stored = new CardCache(ThemeSamples.Theme, stored: new DocumentCache { Store = store, Verify = verify });
                var site = ThemeSamples.Site(url);
                Assert.Equal(held.For(papers, site).Select(c => c.ToStringValue()), stored.For(papers, site).Select(c => c.ToStringValue()));
                store.Save();
            }
            return new FileInfo(path).Length;
        }
        PaperView[] papers = [ThemeSamples.Paper(1), ThemeSamples.Paper(2, title: "Naïve <b>titles</b> & café")];

        var first = Process(papers, "index.html");
        // Read back at another depth (a card's way to the root is put in as it is shown), and checked against a rendering.
        Assert.Equal(first, Process(papers, "tags/vision/page/2/index.html"));
        Assert.Equal(first, Process(papers, "index.html", verify: true));
        // A paper whose view changed has another card, made and stored; the other is still read back.
        var retitled = Process([papers[0], ThemeSamples.Paper(2, title: "Another title")], "index.html");
        Assert.True(retitled > first, "the changed paper's card was stored");
    }

    [Fact]
    public void CardsKeptForTheNextProcessSurviveABuildThatShowsNone()
    {
        using var folder = new TempFolder();
        var path = folder["documents"];
        var site = ThemeSamples.Site("index.html");
        // Enough cards to outweigh what the store lets be unread (a megabyte), with long titles.
        var papers = Enumerable.Range(1, 400).Select(i => ThemeSamples.Paper(i, title: $"Paper {i} " + new string('x', 4_000))).ToArray();
        void Process(Action<CardCache, DocumentStore> work)
        {
            using var store = DocumentStore.Open(path, 1, FileOperations.Disk);
            work(new CardCache(ThemeSamples.Theme, stored: new DocumentCache { Store = store }), store);
            store.Save();
        }
        Process((cards, _) => cards.For(papers, site));
        var stored = new FileInfo(path).Length;

        // A build that renders no list page keeps them; one that does not is taken to have no use for them.
        Process((cards, _) => cards.KeepStored(papers, site));
        Assert.Equal(stored, new FileInfo(path).Length);
        Process((_, _) => { });
        Assert.True(new FileInfo(path).Length < stored / 100, "unread and not kept, the cards were dropped");
    }
}

using SiteGen.Rendering.Views;
using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>A page is rendered again exactly when something its template can see has changed.</summary>
public sealed class PageFingerprintTests
{
    private static readonly SiteView Site = new("Papers", "d", "../../");

    private static PaperView Paper(string title = "T", string abstractHtml = "<p>a</p>", int? authors = 3, string excerpt = "a")
    {
        var view = new PaperView(title, "t", "papers/t/index.html", "papers/t.md", authors, "3 authors", "authors/3/index.html",
            "2025-01-01", "Jan 1, 2025", null, [new TagLinkView("x", "X", "tags/x/index.html")], null, abstractHtml, excerpt, ["l.txt"]);
        return view with { Fingerprint = PageFingerprint.Of(view) };
    }

    private static PageModel List(params PaperView[] papers) =>
        new(Site, new PageView("Home", "home", "index.html")) { Papers = papers };

    private static PageModel PaperPage(PaperView paper) =>
        new(Site, new PageView(paper.Title, "paper", paper.Url) { DescribedPaper = paper }) { Paper = paper };

    [Fact]
    public void TheSameInputsGiveTheSameFingerprint()
    {
        Assert.Equal(PageFingerprint.Of(Paper()), PageFingerprint.Of(Paper()));
        Assert.Equal(PageFingerprint.Of("home", List(Paper()), 1), PageFingerprint.Of("home", List(Paper()), 1));
    }

    [Fact]
    public void AnyChangeToAPaperChangesItsFingerprintAndThatOfEveryListShowingIt()
    {
        var before = PageFingerprint.Of("home", List(Paper(), Paper("U")), 1);

        Assert.NotEqual(PageFingerprint.Of(Paper()), PageFingerprint.Of(Paper(abstractHtml: "<p>b</p>")));
        Assert.NotEqual(PageFingerprint.Of(Paper()), PageFingerprint.Of(Paper(authors: null)));
        Assert.NotEqual(before, PageFingerprint.Of("home", List(Paper(abstractHtml: "<p>b</p>"), Paper("U")), 1));
        Assert.NotEqual(before, PageFingerprint.Of("home", List(Paper("U"), Paper()), 1)); // order matters
        Assert.NotEqual(PageFingerprint.Of("paper", PaperPage(Paper()), 1), PageFingerprint.Of("paper", PaperPage(Paper(authors: null)), 1));
        Assert.Equal(PageFingerprint.Of("paper", PaperPage(Paper()), 1), PageFingerprint.Of("paper", PaperPage(Paper()), 1));
    }

    [Fact]
    public void APapersPageChangesWithItsLinksToOtherPapersAndTheirOrder()
    {
        PaperLinkView a = new("A", "papers/a/index.html", null), b = new("B", "papers/b/index.html", "Jan 1, 2025");
        var page = PaperPage(Paper());
        var related = PageFingerprint.Of("paper", page with { Related = [a, b] }, 1);

        Assert.NotEqual(PageFingerprint.Of("paper", page, 1), related);
        Assert.NotEqual(related, PageFingerprint.Of("paper", page with { Related = [b, a] }, 1));
        Assert.NotEqual(related, PageFingerprint.Of("paper", page with { Related = [a, new("C", b.Url, b.PublishedDisplay)] }, 1));
        Assert.NotEqual(related, PageFingerprint.Of("paper", page with { Related = [a, b], Newer = a }, 1));
        Assert.Equal(related, PageFingerprint.Of("paper", page with { Related = [new("A", a.Url, null), new("B", b.Url, b.PublishedDisplay)] }, 1));
    }

    [Fact]
    public void TheLayoutTheSiteAndTheTemplatesArePartOfThePage()
    {
        var page = List(Paper());

        Assert.NotEqual(PageFingerprint.Of("home", page, 1), PageFingerprint.Of("tag", page, 1));
        Assert.NotEqual(PageFingerprint.Of("home", page, 1), PageFingerprint.Of("home", page, 2));
        Assert.NotEqual(PageFingerprint.Of("home", page, 1), PageFingerprint.Of("home", page with { Site = Site with { Title = "Other" } }, 1));
    }

    [Fact]
    public void EverythingOfTheSiteAPageSeesIsPartOfIt()
    {
        var page = List(Paper());
        var before = PageFingerprint.Of("home", page, 1);

        Assert.NotEqual(before, PageFingerprint.Of("home", page with { Site = Site with { Description = "e" } }, 1));
        Assert.NotEqual(before, PageFingerprint.Of("home", page with { Site = Site with { Menu = [new MenuLinkView("About", "about/index.html")] } }, 1));
        Assert.NotEqual(before, PageFingerprint.Of("home", page with { Site = Site with { HasSearch = true } }, 1));
        Assert.NotEqual(before, PageFingerprint.Of("home", page with { Site = Site with { BaseUrl = "https://example.org/" } }, 1));
        Assert.NotEqual(before, PageFingerprint.Of("home", page with { Site = Site with { Root = "../" } }, 1));
        Assert.Equal(before, PageFingerprint.Of("home", page with { Site = Site with { } }, 1)); // an equal site, another object
    }

    [Fact]
    public void APagesOwnDescriptionCountsAndAPapersPageCountsItsPapersExcerpt()
    {
        var home = List(Paper());
        var paperPage = PaperPage(Paper());

        Assert.NotEqual(PageFingerprint.Of("home", home with { Page = new PageView("Home", "home", "index.html", "Newest first") }, 1),
            PageFingerprint.Of("home", home with { Page = new PageView("Home", "home", "index.html", "Oldest first") }, 1));
        Assert.Equal("a", paperPage.Page.Description);
        Assert.Equal("b", PaperPage(Paper(excerpt: "b")).Page.Description);
        Assert.NotEqual(PageFingerprint.Of("paper", paperPage, 1), PageFingerprint.Of("paper", PaperPage(Paper(excerpt: "b")), 1));
    }
}

using SiteGen.Rendering.Views;
using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>List pages: the front page shows the newest papers, numbered pages count from the oldest and stay put.</summary>
public sealed class PaginatorTests
{
    /// <summary>A newest-first list of <paramref name="count"/> items named by age: "age0" is the oldest.</summary>
    private static string[] NewestFirst(int count) => [.. Enumerable.Range(0, count).Reverse().Select(age => $"age{age}")];

    [Fact]
    public void TheFrontPageHoldsTheNewestAndPageOneTheOldest()
    {
        var pages = Paginator.Paginate(NewestFirst(138), 50, "f/").ToArray();

        Assert.Equal(["f/index.html", "f/page/2/index.html", "f/page/1/index.html"], pages.Select(p => p.Destination));
        Assert.Equal([null, 2, 1], pages.Select(p => p.Number));
        Assert.All(pages, p => Assert.Equal(2, p.Numbered));
        Assert.Equal(("age137", "age88"), (pages[0].Items[0], pages[0].Items[^1]));
        Assert.Equal(("age87", "age50", 38), (pages[1].Items[0], pages[1].Items[^1], pages[1].Items.Count));
        Assert.Equal(("age49", "age0"), (pages[2].Items[0], pages[2].Items[^1]));
    }

    [Fact]
    public void AListThatFitsOnTheFrontPageHasNoNumberedPagesAndNoNavigation()
    {
        var full = Assert.Single(Paginator.Paginate(NewestFirst(50), 50, "f/"));
        var empty = Assert.Single(Paginator.Paginate(NewestFirst(0), 50, "f/"));

        Assert.Equal((50, 0), (full.Items.Count, full.Numbered));
        Assert.Null(full.Pagination);
        Assert.Equal("f/index.html", empty.Destination);
        Assert.Equal(0, empty.Items.Count);
    }

    [Fact]
    public void NewerPapersLeaveEveryFullNumberedPageAsItWas()
    {
        var before = Paginator.Paginate(NewestFirst(230), 50, "f/").Where(p => p.Number is not null).ToDictionary(p => p.Number!.Value, p => p.Items.ToArray());
        var after = Paginator.Paginate(NewestFirst(240), 50, "f/").Where(p => p.Number is not null).ToDictionary(p => p.Number!.Value, p => p.Items.ToArray());

        Assert.Equal([4, 3, 2, 1], before.Keys);
        foreach (var number in new[] { 1, 2, 3 })
        {
            Assert.Equal(before[number], after[number]);
        }
        Assert.Equal((30, 40), (before[4].Length, after[4].Length));
    }

    [Fact]
    public void APageLinksTheFrontPageItsNeighbourhoodAndPageOne()
    {
        var navigation = Paginator.Navigation("f/", 5, 20);

        Assert.Equal(("f/page/6/index.html", "f/page/4/index.html"), (navigation.PreviousUrl, navigation.NextUrl));
        Assert.Equal(
            [
                new PageLinkView(null, "f/index.html", false, AfterGap: false, IsFar: false),
                new PageLinkView(7, "f/page/7/index.html", false, AfterGap: true, IsFar: true),
                new PageLinkView(6, "f/page/6/index.html", false, AfterGap: false, IsFar: false),
                new PageLinkView(5, "f/page/5/index.html", true, AfterGap: false, IsFar: false),
                new PageLinkView(4, "f/page/4/index.html", false, AfterGap: false, IsFar: false),
                new PageLinkView(3, "f/page/3/index.html", false, AfterGap: false, IsFar: true),
                new PageLinkView(1, "f/page/1/index.html", false, AfterGap: true, IsFar: false),
            ],
            navigation.Pages);
    }

    [Fact]
    public void OnlyThePagesNearTheNewestLinkDifferentlyWhenAPageIsAdded()
    {
        static (string?, string?, PageLinkView[]) Links(int? current, int numbered)
        {
            var navigation = Paginator.Navigation("f/", current, numbered);
            return (navigation.PreviousUrl, navigation.NextUrl, [.. navigation.Pages]);
        }

        var changed = Enumerable.Range(1, 20).Where(n => !SameLinks(Links(n, 20), Links(n, 21))).ToArray();

        Assert.Equal([18, 19, 20], changed);
        Assert.False(SameLinks(Links(null, 20), Links(null, 21)));
    }

    private static bool SameLinks((string?, string?, PageLinkView[]) a, (string?, string?, PageLinkView[]) b) =>
        a.Item1 == b.Item1 && a.Item2 == b.Item2 && a.Item3.SequenceEqual(b.Item3);
}

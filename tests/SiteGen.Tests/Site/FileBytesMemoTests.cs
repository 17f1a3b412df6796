using SiteGen.Site;

namespace SiteGen.Tests.Site;

public class FileBytesMemoTests
{
    [Fact]
    public void The_same_list_gives_the_last_bytes_without_making_them()
    {
        var memo = new FileBytesMemo(remember: true);
        var made = 0;
        byte[] Make() => [(byte)++made];

        var first = memo.GetOrMake("feed.xml", new[] { "a", "b" }, Make);
        var again = memo.GetOrMake("feed.xml", new[] { "a", "b" }, Make);

        Assert.Same(first, again);
        Assert.Equal(1, made);
    }

    [Fact]
    public void Another_item_another_order_or_another_file_makes_them_again()
    {
        var memo = new FileBytesMemo(remember: true);
        var made = 0;
        byte[] Make() => [(byte)++made];
        memo.GetOrMake("feed.xml", new[] { "a", "b" }, Make);

        memo.GetOrMake("feed.xml", new[] { "a", "c" }, Make);
        memo.GetOrMake("feed.xml", new[] { "c", "a" }, Make);
        memo.GetOrMake("tags/x/feed.xml", new[] { "c", "a" }, Make);
        memo.GetOrMake("feed.xml", new[] { "c", "a", "d" }, Make);

        Assert.Equal(5, made);
    }

    [Fact]
    public void A_one_off_build_keeps_nothing()
    {
        var memo = new FileBytesMemo(remember: false);
        var made = 0;

        memo.GetOrMake("sitemap.xml", new[] { 1 }, () => [(byte)++made]);
        memo.GetOrMake("sitemap.xml", new[] { 1 }, () => [(byte)++made]);

        Assert.Equal(2, made);
    }
}

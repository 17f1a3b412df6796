using System.Runtime;
using SiteGen.Site;

namespace SiteGen.Tests.Site;

public sealed class CollectorHoldTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(1L << 20)] // a small site: next to no collections to spare
    [InlineData(1L << 30)] // a large one: its rebuild would outrun any region worth its memory
    public void ABuildThatReadsLittleOrMuchOfItsWorkBackIsLeftToTheCollector(long storedBytes) =>
        Assert.Null(CollectorHold.For(storedBytes));

    [Fact]
    public void ABuildInBetweenRunsWithoutCollectionsUntilItEnds()
    {
        var hold = CollectorHold.For(8L << 20); // 80 MB expected
        Assert.NotNull(hold);

        hold.Dispose();
        hold.Dispose(); // ending twice is harmless

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }
}

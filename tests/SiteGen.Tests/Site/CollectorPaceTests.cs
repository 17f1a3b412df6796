using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>When a one-off build's heap is compacted: once it is large, and has grown a quarter again past what it holds.</summary>
public sealed class CollectorPaceTests
{
    private const long Gigabyte = 1L << 30;

    [Theory]
    [InlineData(Gigabyte / 2, 0L)] // a small heap, whatever it holds: left to the collector
    [InlineData(Gigabyte, 0L)]
    [InlineData(5 * Gigabyte, 4 * Gigabyte)] // within a quarter again what it holds
    [InlineData(5 * Gigabyte / 2, 2 * Gigabyte)]
    public void AHeapThatIsSmallOrWithinAQuarterAgainWhatItHoldsIsLeftAlone(long heap, long kept) =>
        Assert.False(CollectorPace.IsDue(heap, kept));

    [Theory]
    [InlineData(Gigabyte + 1, 0L)] // before any full collection
    [InlineData(5 * Gigabyte + 1, 4 * Gigabyte)]
    [InlineData(9 * Gigabyte, 4 * Gigabyte)] // the server collector's own pace at a million papers
    public void ALargeHeapGrownPastAQuarterAgainWhatItHoldsIsCompacted(long heap, long kept) =>
        Assert.True(CollectorPace.IsDue(heap, kept));
}

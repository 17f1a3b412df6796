using System.Runtime;
using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>
/// Alone, since a no-GC region is the whole process's: another test's one-off rebuild may start one (and would make
/// <see cref="CollectorHold.For"/> decline), or allocate enough to end this one.
/// </summary>
[Collection(nameof(CollectorHoldTests))]
public sealed class CollectorHoldTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(1L << 20)] // a small site: next to no collections to spare
    public void ABuildThatReadsLittleOfItsWorkBackIsLeftToTheCollector(long storedBytes) =>
        Assert.Null(CollectorHold.For(storedBytes));

    [Fact]
    public void ABuildThatWouldAllocateMoreThanAThirdOfTheMemoryIsLeftToTheCollector()
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

        Assert.Null(CollectorHold.For(memory / 30)); // it may allocate twelve times what it reads: 40% of the memory
        Assert.Null(CollectorHold.For(memory));
    }

    [Fact]
    public void ABuildInBetweenRunsWithoutCollectionsUntilItEnds()
    {
        var hold = CollectorHold.For(8L << 20); // 80 MB expected
        Assert.NotNull(hold);
        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);

        hold.Dispose();
        hold.Dispose(); // ending twice is harmless

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }
}

[CollectionDefinition(nameof(CollectorHoldTests), DisableParallelization = true)]
public sealed class CollectorHoldCollection;

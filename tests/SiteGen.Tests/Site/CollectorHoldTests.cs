using System.Runtime;
using System.Runtime.InteropServices;
using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>
/// Alone, since a no-GC region is the whole process's: another test's one-off rebuild may start one (and would make
/// <see cref="CollectorHold.For"/> decline), or allocate enough to end this one. On Linux a hold also asks for huge
/// pages for the collector's heap, found around a new object in <c>/proc/self/maps</c>.
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

        Assert.Null(CollectorHold.For(memory / 25)); // it may allocate nine times what it reads: 36% of the memory
        Assert.Null(CollectorHold.For(memory));
    }

    [Fact]
    public void ABuildInBetweenRunsWithoutCollectionsUntilItEnds()
    {
        var hold = CollectorHold.For(8L << 20); // 72 MB expected
        Assert.NotNull(hold);
        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);

        hold.Dispose();
        hold.Dispose(); // ending twice is harmless

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    /// <summary>
    /// A hold released because the build will render everything after all: the region ends, and a collection follows at
    /// once, so that the collector does not keep the region's size as its budget until it next collects.
    /// </summary>
    [Fact]
    public void AHoldReleasedEndsTheRegionWithACollection()
    {
        var hold = CollectorHold.For(8L << 20);
        Assert.NotNull(hold);
        var collections = GC.CollectionCount(0);

        hold.Release();

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        Assert.True(GC.CollectionCount(0) > collections, "no collection after the region");
    }

    [Fact]
    public void TheHeapFoundAroundAnObjectHoldsItAndIsTheCollectorsReservationNotOnePage()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // no /proc/self/maps: TheKernelTakesTheHugePagesAdviceOnLinuxOnly checks that nothing is asked there
        }
        var probe = new byte[64];
        var handle = GCHandle.Alloc(probe, GCHandleType.Pinned);
        try
        {
            var address = (ulong)handle.AddrOfPinnedObject();
            var heap = CollectorHold.HeapAround(address);

            Assert.NotNull(heap);
            Assert.InRange(address, heap.Value.Start, heap.Value.End - 1);
            // The collector reserves its heap in one piece, far larger than what it has committed so far.
            Assert.True(heap.Value.End - heap.Value.Start >= 1UL << 30, $"{heap.Value.End - heap.Value.Start} bytes");
        }
        finally
        {
            handle.Free();
        }
    }

    [Fact]
    public void TheKernelTakesTheHugePagesAdviceOnLinuxOnly() => Assert.Equal(OperatingSystem.IsLinux(), CollectorHold.AskForHugePages());
}

[CollectionDefinition(nameof(CollectorHoldTests), DisableParallelization = true)]
public sealed class CollectorHoldCollection;

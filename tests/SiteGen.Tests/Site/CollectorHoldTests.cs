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
        Assert.Null(CollectorHold.For(storedBytes, out _));

    [Fact]
    public void ABuildThatWouldAllocateMoreThanAQuarterOfTheMemoryIsLeftToTheCollector()
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

        Assert.Null(CollectorHold.For(memory / 16, out _)); // it allocates at least 4.5 times what it reads: 28% of the memory
        Assert.Null(CollectorHold.For(memory, out _));
    }

    [Fact]
    public void ARegionWithTheMarginIsAskedForFirstThenTheLeastTheBuildMayNeed()
    {
        const long MB = 1L << 20;

        // 100 MB read back: 900 MB, else 600 MB.
        Assert.Equal([900 * MB, 600 * MB], CollectorHold.Budgets(100 * MB, maxBudget: 4096 * MB));
        // 450 MB read back (a daily update at 100,000 papers) under a bound of 4,000 MB: 4,050 MB is over it, 2,700 MB is not.
        Assert.Equal([2700 * MB], CollectorHold.Budgets(450 * MB, maxBudget: 4000 * MB));
        // 449 MB under a bound of 2,450 MB (a 9.8 GB heap limit): the least region, 2,694 MB, is over it, but the bound
        // itself covers the 4.5 times the store a rebuild allocates (2,020 MB): the whole bound, as a last resort.
        Assert.Equal([2450 * MB], CollectorHold.Budgets(449 * MB, maxBudget: 2450 * MB));
        // Over the bound either way, the last resort too (4,608 MB); under the smallest region worth one.
        Assert.Empty(CollectorHold.Budgets(1024 * MB, maxBudget: 4096 * MB));
        Assert.Empty(CollectorHold.Budgets(2 * MB, maxBudget: 4096 * MB));
    }

    [Fact]
    public void ARegionTheRuntimeRefusesIsAskedForAgainBeforeASmallerOne()
    {
        const long MB = 1L << 20;
        var asked = new List<long>();

        // 10 MB read back: 90 MB, else 60 MB; the asks for 90 MB refused but the last.
        var hold = CollectorHold.For(10 * MB, budget =>
        {
            asked.Add(budget);
            return asked.Count == CollectorHold.Asks;
        }, out var refused);

        Assert.NotNull(hold);
        Assert.Null(refused);
        Assert.Equal(Enumerable.Repeat(90 * MB, CollectorHold.Asks), asked);
        Assert.Equal((90 * MB, CollectorHold.Asks), (hold.Region, hold.AsksTaken));
        Assert.StartsWith($"held off the collector in a region of 90 MB (given at ask {CollectorHold.Asks} of {CollectorHold.Asks})", hold.Outcome, StringComparison.Ordinal);

        // Refused every time: each region asked for as many times, then none, and the build says so.
        asked.Clear();
        Assert.Null(CollectorHold.For(10 * MB, budget =>
        {
            asked.Add(budget);
            return false;
        }, out refused));
        Assert.Equal([.. Enumerable.Repeat(90 * MB, CollectorHold.Asks), .. Enumerable.Repeat(60 * MB, CollectorHold.Asks)], asked);
        Assert.Equal($"not held off the collector: the runtime refused a region of 60 MB {CollectorHold.Asks} times", refused);
    }

    [Fact]
    public void ABuildInBetweenRunsWithoutCollectionsUntilItEnds()
    {
        var hold = CollectorHold.For(8L << 20, out _); // 72 MB expected
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
        var hold = CollectorHold.For(8L << 20, out _);
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

using System.Runtime;

namespace SiteGen.Site;

/// <summary>
/// Holds the garbage collector off a one-off rebuild. A new process that finds its work in the cache decodes what it
/// keeps (papers, views) from the document store, and the collections, which promote all of that, took a third of a
/// one-paper rebuild at 10,000 papers (about 250 of 800 ms with the workstation collector; with the server one, the
/// hold still takes it from 0.93-1.07 s to 0.66-0.88 s) and a third of the CPU of a daily update at 100,000 papers
/// (about 2.5 s of pauses and eight full collections; held, 7.8 s against 10.3-12.5 s). When the build is expected to
/// allocate at most a third of the machine's memory, it runs in a no-GC region of the expected size instead: the
/// garbage stays until the process ends, so its peak memory grows by what it allocates (at 10,000 papers 45 MB more for
/// one paper edited; at 100,000 papers a daily update peaks at 3.4 GB against 1.7 GB).
/// <para>
/// It is all or nothing: a region that runs out half way ends in one collection of everything made so far, which
/// pauses longer than the ones it spared (a 256 MB region for a 340 MB rebuild: 425 ms against 270 ms), hence the margin
/// in <see cref="AllocatedPerStoredByte"/>. A build that would allocate more than a third of the memory (a million
/// papers) is left to the collector, as is one without a usable store (a cold build, a new program), whose peak memory a
/// region would raise.
/// </para>
/// </summary>
internal sealed class CollectorHold : IDisposable
{
    /// <summary>
    /// What a rebuild may allocate per byte of the store it reads: 8.3 was measured at 10,000 papers, 10 at 100,000 (a
    /// daily update), with a margin, since running out costs more than a region too large, which costs nothing.
    /// </summary>
    private const long AllocatedPerStoredByte = 12;

    /// <summary>No region smaller: a small site's build has next to no collections to spare.</summary>
    private const long MinBudget = 32L << 20;

    /// <summary>
    /// No region larger: the memory it may hold back, a third of what the process may use (a container's limit, if any),
    /// so that a daily update at 100,000 papers is held on a 16 GB machine (a CI runner's).
    /// </summary>
    private static long MaxBudget => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 3;

    private CollectorHold()
    {
    }

    /// <summary>A hold for a build that reads <paramref name="storedBytes"/> of its work back, or null when it is not worth one.</summary>
    public static CollectorHold? For(long storedBytes)
    {
        var budget = storedBytes * AllocatedPerStoredByte;
        if (budget < MinBudget || budget > MaxBudget)
        {
            return null;
        }
        try
        {
            return GC.TryStartNoGCRegion(budget) ? new CollectorHold() : null;
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentOutOfRangeException)
        {
            return null; // another build in this process holds one, or the runtime allows no region this large
        }
    }

    /// <summary>Ends the region, unless the build allocated past its budget and a collection ended it already.</summary>
    public void Dispose()
    {
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            try
            {
                GC.EndNoGCRegion();
            }
            catch (InvalidOperationException)
            {
                // Ended by a collection in between.
            }
        }
    }
}

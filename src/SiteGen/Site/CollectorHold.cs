using System.Runtime;

namespace SiteGen.Site;

/// <summary>
/// Holds the garbage collector off a one-off rebuild that will allocate little. A new process that finds its work in
/// the cache decodes what it keeps (papers, views) from the document store, and the collector's generation-1
/// collections, which promote all of that, paused a one-paper rebuild at 10,000 papers for a third of its time (about
/// 250 of 800 ms, with the workstation collector; with the server one, the hold still takes a one-paper rebuild from
/// 0.93-1.07 s to 0.66-0.88 s). When the build is expected to allocate at most <see cref="MaxBudget"/>, it runs in a
/// no-GC region of the expected size instead: the garbage stays until the process ends, so its peak memory grows by
/// what it allocates (at 10,000 papers 45 MB more for one paper edited, 200 MB more for a day's 50 papers).
/// <para>
/// It is all or nothing: a region that runs out half way ends in one collection of everything made so far, which
/// pauses longer than the ones it spared (a 256 MB region for a 340 MB rebuild: 425 ms against 270 ms). So a larger
/// site's rebuild, which allocates gigabytes, is left to the collector (at 100,000 papers a 1 GB region changed nothing
/// and a 3 GB one paused it longer), as is a build without a usable store (a cold build, a new program), whose peak
/// memory a region would raise.
/// </para>
/// </summary>
internal sealed class CollectorHold : IDisposable
{
    /// <summary>What a rebuild allocates per byte of the store it reads: 8.3 at 10,000 papers, 10.5 at 100,000 (a daily update).</summary>
    private const long AllocatedPerStoredByte = 10;

    /// <summary>No region smaller: a small site's build has next to no collections to spare.</summary>
    private const long MinBudget = 32L << 20;

    /// <summary>No region larger: the memory it may hold back is the price.</summary>
    private const long MaxBudget = 512L << 20;

    private CollectorHold()
    {
    }

    /// <summary>A hold for a build that reads <paramref name="storedBytes"/> of its work back, or null when it is not worth one.</summary>
    public static CollectorHold? For(long storedBytes)
    {
        var budget = storedBytes * AllocatedPerStoredByte;
        if (budget is < MinBudget or > MaxBudget)
        {
            return null;
        }
        try
        {
            return GC.TryStartNoGCRegion(budget) ? new CollectorHold() : null;
        }
        catch (InvalidOperationException)
        {
            return null; // another build in this process holds one
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

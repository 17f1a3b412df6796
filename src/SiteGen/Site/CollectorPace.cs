using System.Runtime;

namespace SiteGen.Site;

/// <summary>
/// Keeps a large build's heap within a quarter again what it holds, as Go's <c>GOGC=25</c> would. The server collector lets
/// the heap grow to about twice what is reachable before a full collection: a million papers peaked at 9.7 GB (RSS 9.9
/// GB). A build whose heap passes <see cref="MinHeap"/> is looked at twice a second, and once the heap has grown past
/// <see cref="Growth"/> times what the last full collection kept, it is compacted, large objects too: 7.5 GB (RSS 7.6 GB)
/// for about 30 s more of pauses in 550-660 s (docs/performance.md). A build held off the collector
/// (<see cref="CollectorHold"/>) is left alone: its garbage stays to its end by design.
/// </summary>
internal sealed class CollectorPace : IDisposable
{
    /// <summary>Below this the collector's own pace costs little memory, and a compaction more time than it saves.</summary>
    private const long MinHeap = 1L << 30;

    /// <summary>How far the heap may grow past what the last full collection kept.</summary>
    private const double Growth = 1.25;

    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);

    private readonly Timer _timer;
    private int _collecting;

    private CollectorPace() => _timer = new Timer(_ => Look(), null, Every, Every);

    /// <summary>Paces the collector until disposed.</summary>
    public static CollectorPace Start() => new();

    private void Look()
    {
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion || Interlocked.Exchange(ref _collecting, 1) == 1)
        {
            return;
        }
        try
        {
            if (IsDue(GC.GetTotalMemory(forceFullCollection: false), KeptByLastFullCollection()))
            {
                // The large objects too: the arrays a build makes at its end (its tables of links and files) are most of its growth there.
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            }
        }
        finally
        {
            Volatile.Write(ref _collecting, 0);
        }
    }

    /// <summary>True when a heap of <paramref name="heap"/> bytes, of which the last full collection kept <paramref name="kept"/>, is to be compacted.</summary>
    internal static bool IsDue(long heap, long kept) => heap > MinHeap && heap > Growth * kept;

    /// <summary>What the last full collection, blocking or in the background, left on the heap; 0 before the first.</summary>
    private static long KeptByLastFullCollection()
    {
        var (blocking, background) = (GC.GetGCMemoryInfo(GCKind.FullBlocking), GC.GetGCMemoryInfo(GCKind.Background));
        var last = blocking.Index >= background.Index ? blocking : background;
        return last.Index == 0 ? 0 : last.HeapSizeBytes - last.FragmentedBytes;
    }

    public void Dispose() => _timer.Dispose();
}

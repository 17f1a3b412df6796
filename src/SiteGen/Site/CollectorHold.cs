using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace SiteGen.Site;

/// <summary>
/// Holds the garbage collector off a one-off rebuild. A new process that finds its work in the cache decodes what it
/// keeps (papers, views) from the document store, and the collections, which promote all of that, took a third of a
/// one-paper rebuild at 10,000 papers (about 250 of 800 ms with the workstation collector; with the server one, the
/// hold still takes it from 0.93-1.07 s to 0.66-0.88 s) and a third of the CPU of a daily update at 100,000 papers
/// (about 2.5 s of pauses and eight full collections; held, 7.8 s against 10.3-12.5 s). When the build is expected to
/// allocate at most a quarter of the machine's memory, it runs in a no-GC region of the expected size instead: the
/// garbage stays until the process ends, so its peak memory grows by what it allocates (at 10,000 papers 45 MB more for
/// one paper edited; at 100,000 papers a daily update peaks at 3.4 GB against 1.7 GB).
/// <para>
/// It is all or nothing: a region that runs out half way ends in one collection of everything made so far, which
/// pauses longer than the ones it spared (a 256 MB region for a 340 MB rebuild: 425 ms against 270 ms), hence the margin
/// in <see cref="AllocatedPerStoredByte"/>, and a region of the least it may need (<see cref="LeastPerStoredByte"/>)
/// when the runtime refuses the first or it is over the bound. A build that would allocate more than a quarter of the
/// memory (a million papers) is left to the collector, as is one without a usable store (a cold build, a new program),
/// whose peak memory a region would raise; one found to render every page again (the settings or theme changed, the
/// output folder gone) is let go as soon as that is known (<see cref="Release"/>).
/// </para>
/// <para>
/// On Linux the region's memory is also asked for in huge pages (<see cref="AskForHugePages"/>): memory a region hands
/// out is touched once and never again, and in 4 KB pages the kernel faulted in every page of it, a seventh of a
/// one-paper rebuild's CPU at 10,000 papers.
/// </para>
/// </summary>
internal sealed class CollectorHold : IDisposable
{
    /// <summary>
    /// What a rebuild may allocate per byte of the store it reads, with a margin, since running out costs more than a
    /// region too large, which costs nothing: measured with the list pages' cards in the store (a fifth of it, read back
    /// only for the list pages rendered again), 5.4 for one paper edited and 7.6 for a daily update at 10,000 papers, 6.8
    /// for a daily update at 100,000.
    /// </summary>
    private const long AllocatedPerStoredByte = 9;

    /// <summary>
    /// The region asked for when the one with the margin is too large or refused: a daily update at 100,000 papers
    /// allocated 2.1-2.3 GB for a store of 440-465 MB, about 5 per byte, while its papers moved the list pages (1.85 GB,
    /// 4.1-4.2 per byte, since).
    /// </summary>
    private const long LeastPerStoredByte = 6;

    /// <summary>
    /// When neither region fits under the bound, the whole of what the bound allows is asked for, if it is at least this
    /// many times the store (in halves: 4.5): what a rebuild was measured to allocate since a day's papers stopped moving
    /// the list pages, 3.8-4.2 per byte (a day and one paper edited at 100,000 papers, one paper edited at 10,000). Running
    /// out of it costs one collection of what was made so far; no region at all cost far more: a day at 100,000 papers
    /// with a store of 449 MB under a 9.8 GB heap limit (a bound of 2.45 GB, under the 2.69 GB of the least region) took
    /// 8.2-9.6 s with 1.4-1.9 s of pauses, against 5.2-5.5 s held under 12 GB.
    /// </summary>
    private const long LastResortHalvesPerStoredByte = 9;

    /// <summary>No region smaller: a small site's build has next to no collections to spare.</summary>
    private const long MinBudget = 32L << 20;

    /// <summary>
    /// No region larger: the memory it may hold back, a quarter of what the process may use (a container's limit, or the
    /// collector's heap limit, if any), so that a daily update at 100,000 papers is held on a 16 GB machine (a CI
    /// runner's). Under a heap limit of 12 GB the runtime refused regions of a third of it (4.11-4.16 GB), and ended one
    /// a little smaller (4.08 GB) early.
    /// </summary>
    private static long MaxBudget => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4;

    private CollectorHold(long region, int asks)
    {
        (Region, AsksTaken) = (region, asks);
    }

    /// <summary>The size of the region, in bytes.</summary>
    public long Region { get; }

    /// <summary>At which ask the runtime gave the region (see <see cref="Asks"/>).</summary>
    public int AsksTaken { get; }

    /// <summary>True once the build let the hold go (<see cref="Release"/>).</summary>
    public bool Released { get; private set; }

    /// <summary>
    /// What became of the hold, for <c>--verbose</c>: a build that took seconds more than the last may have been refused a
    /// region, or run out of one.
    /// </summary>
    public string Outcome => string.Create(CultureInfo.InvariantCulture, $"held off the collector in a region of {Region >> 20} MB (given at ask {AsksTaken} of {Asks})")
        + (Released ? ", let go: every page is made again" : GCSettings.LatencyMode == GCLatencyMode.NoGCRegion ? "" : ", ran out");

    /// <summary>
    /// How many times a region is asked for before a smaller one is: the runtime refuses the first ask now and then, and
    /// gives the region at the second (each ask begins with a collection of the little the build has made so far). At
    /// 100,000 papers, 5 builds in 12 had their region at the second ask.
    /// </summary>
    internal const int Asks = 2;

    /// <summary>A hold for a build that reads <paramref name="storedBytes"/> of its work back, or null when it is not worth one.</summary>
    /// <param name="refused">Why there is no hold, for <c>--verbose</c>; null when there is one, or the build is too small for one.</param>
    public static CollectorHold? For(long storedBytes, out string? refused) => For(storedBytes, Start, out refused);

    /// <summary>
    /// Starts a region in which <paramref name="budget"/> may be allocated, a quarter of it in large objects (arrays of
    /// 85 KB and more; a day at 100,000 papers allocates 1.65 GB of small objects and 0.4 GB of large ones, in about even
    /// shares on each of the collector's heaps). Asked for a size alone, the runtime sets that size aside twice, once for
    /// each kind, committed up front (5.8 GB for a day's region of 2.75 GB at 100,000 papers), and refused it more often
    /// the less memory the machine had free. Measured at 100,000 papers under a 12 GB heap limit, asked once for the whole
    /// size as before: refused to 6 builds in 16 on one copy of the site, to none of 16 on another, and to 3 in 4 with
    /// 5.7 GB of the machine's memory free; each build refused took 8.3-10.4 s instead of 4.7-7.0 s. Asked for this way,
    /// twice at most: held in 11 builds of 12 (5 at the second ask), 4.7-7.7 s; the twelfth ran out half way (7.6 s).
    /// </summary>
    private static bool Start(long budget) => GC.TryStartNoGCRegion(budget, budget / 4);

    /// <param name="start">Starts a no-GC region for the budget given, or says it did not (<see cref="Start"/>).</param>
    internal static CollectorHold? For(long storedBytes, Func<long, bool> start, out string? refused)
    {
        // A small site's build is not worth a word; a large one's is, since it is then paced instead (CollectorPace).
        refused = storedBytes * AllocatedPerStoredByte < MinBudget ? null
            : string.Create(CultureInfo.InvariantCulture, $"not held off the collector: what it would allocate is over a quarter of the memory ({MaxBudget >> 20} MB)");
        foreach (var budget in Budgets(storedBytes, MaxBudget))
        {
            try
            {
                for (var ask = 1; ask <= Asks; ask++)
                {
                    if (start(budget))
                    {
                        AskForHugePages();
                        refused = null;
                        return new CollectorHold(budget, ask);
                    }
                }
                refused = string.Create(CultureInfo.InvariantCulture, $"not held off the collector: the runtime refused a region of {budget >> 20} MB {Asks} times");
            }
            catch (InvalidOperationException)
            {
                return null; // another build in this process holds one
            }
            catch (ArgumentOutOfRangeException)
            {
                // the runtime allows no region this large: a smaller one, if there is one to try
            }
        }
        return null;
    }

    /// <summary>
    /// The regions to ask for, in turn, for a build that reads <paramref name="storedBytes"/> back: with the margin, then
    /// the least it may need; none smaller than <see cref="MinBudget"/> or larger than <paramref name="maxBudget"/>; when
    /// the least is over the bound, the bound itself if it covers what a rebuild allocates (<see cref="LastResortHalvesPerStoredByte"/>).
    /// </summary>
    internal static IEnumerable<long> Budgets(long storedBytes, long maxBudget)
    {
        var budgets = new[] { storedBytes * AllocatedPerStoredByte, storedBytes * LeastPerStoredByte }.Where(budget => budget is >= MinBudget && budget <= maxBudget);
        var lastResort = storedBytes * LeastPerStoredByte > maxBudget && storedBytes * LastResortHalvesPerStoredByte / 2 <= maxBudget && maxBudget >= MinBudget;
        return lastResort ? [maxBudget] : budgets;
    }

    /// <summary>
    /// Ends the hold of a build found to allocate far past its budget after all (it renders every page again): a region
    /// ended leaves the collector an allocation budget as large as the region, which a build that allocates more then
    /// fills before its first collection (at 100,000 papers, with the theme changed, 5.5 GB against 1.8 GB without the
    /// hold). A collection now, of next to nothing, starts the budget again from what the build holds.
    /// </summary>
    public void Release()
    {
        Released = true;
        Dispose();
        GC.Collect();
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

    /// <summary>
    /// Marks the collector's heap as wanting transparent huge pages (<c>madvise(MADV_HUGEPAGE)</c>), as a JVM's
    /// <c>-XX:+UseTransparentHugePages</c> does: most Linux systems give huge pages only to memory so marked, and .NET
    /// marks none. The heap is the run of anonymous mappings around a new object (the collector reserves it in one
    /// piece). Measured on a one-paper rebuild at 10,000 papers: 8,500-10,700 page faults against 60,000, 9-17% less
    /// CPU. Only a hint: where it fails, or on another system, nothing changes.
    /// </summary>
    /// <returns>True when the kernel took the advice.</returns>
    internal static bool AskForHugePages()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        var probe = new byte[64];
        var handle = GCHandle.Alloc(probe, GCHandleType.Pinned);
        try
        {
            return HeapAround((ulong)handle.AddrOfPinnedObject()) is { } heap
                && Madvise((nint)heap.Start, (nuint)(heap.End - heap.Start), MadviseHugePage) == 0;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException
            or DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // no /proc, a line it does not read, no libc: 4 KB pages, as before
        }
        finally
        {
            handle.Free();
        }
    }

    /// <summary>The contiguous anonymous mappings of <c>/proc/self/maps</c> that hold <paramref name="address"/>.</summary>
    internal static (ulong Start, ulong End)? HeapAround(ulong address)
    {
        (ulong Start, ulong End)? run = null;
        foreach (var line in File.ReadLines("/proc/self/maps"))
        {
            // "start-end perms offset dev inode [path]": anonymous when the inode is 0 and there is no path.
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            var range = fields[0].Split('-');
            var (start, end) = (ulong.Parse(range[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                ulong.Parse(range[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            var anonymous = fields.Length == 5 && fields[4] == "0";
            if (anonymous && run is { } r && r.End == start)
            {
                run = (r.Start, end);
            }
            else if (run is { } held && held.Start <= address && address < held.End)
            {
                return held;
            }
            else
            {
                run = anonymous ? (start, end) : null;
            }
        }
        return run is { } last && last.Start <= address && address < last.End ? last : null;
    }

    private const int MadviseHugePage = 14;

    // DllImport rather than LibraryImport, which would need unsafe code for the project: the arguments need no marshalling.
    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Madvise(nint address, nuint length, int advice);
}

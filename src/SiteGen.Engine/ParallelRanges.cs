namespace SiteGen.Engine;

/// <summary>
/// A parallel loop over <c>0..count</c> that hands each worker a run of indices rather than one index at a time.
/// <see cref="Parallel.ForAsync(int, int, ParallelOptions, Func{int, CancellationToken, ValueTask})"/> pays a shared
/// counter and a state machine step per index: cheap for a page render, but most of a rebuild's per-document work
/// is a cache lookup of well under a microsecond, done for every one of tens of thousands of documents per module.
/// </summary>
public static class ParallelRanges
{
    /// <summary>Runs of at most this many indices: short enough that the slowest run does not hold up the loop's end.</summary>
    private const int MaxRun = 64;

    public static Task ForAsync(int count, ParallelOptions options, Action<int> body)
    {
        // Eight runs per core at least, so that uneven work (a long page among short ones) still spreads.
        var run = Math.Clamp(count / (Environment.ProcessorCount * 8), 1, MaxRun);
        var runs = (count + run - 1) / run;
        return Parallel.ForAsync(0, runs, options, (r, _) =>
        {
            var end = Math.Min(count, (r + 1) * run);
            for (var i = r * run; i < end; i++)
            {
                body(i);
            }
            return ValueTask.CompletedTask;
        });
    }
}

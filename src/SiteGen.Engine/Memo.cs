using System.Collections.Concurrent;

namespace SiteGen.Engine;

/// <summary>
/// A memo table that lives across runs of one process (builds of a preview session): a value computed in the last
/// run is reused when its key comes back. Each run that uses the table is a new generation; an entry that such a run
/// did not use is dropped, so memory follows the site, not the history of edits. A run that does not look at the
/// table at all (a memo above it answered, or its pipeline stopped early) drops nothing from it.
/// Keys are compared with <paramref name="comparer"/>: by value by default, or by reference
/// (<see cref="ReferenceEqualityComparer"/>) for immutable objects that an earlier memo handed out, which is
/// what makes a rebuild cheap: an unchanged input is the very same object as in the last run, found in O(1)
/// without hashing its text.
/// </summary>
/// <param name="remember">False for a one-off run: nothing is kept, every call computes.</param>
public sealed class Memo<TKey, TValue>(bool remember, IEqualityComparer<TKey>? comparer = null) where TKey : notnull
{
    /// <summary>Many lock stripes: parallel modules add thousands of entries at once in a first build.</summary>
    private static readonly int ConcurrencyLevel = Environment.ProcessorCount * 8;

    private readonly ConcurrentDictionary<TKey, Entry> _entries = new(ConcurrencyLevel, 31, comparer);
    private int _generation;
    private int _used;

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create) => GetOrAdd(key, create, static (k, create) => create(k));

    /// <summary>
    /// <see cref="GetOrAdd(TKey, Func{TKey, TValue})"/> with <paramref name="state"/> handed to <paramref name="create"/>, so a
    /// caller that passes a static function allocates nothing per call (a memo asked for every page of a build).
    /// </summary>
    public TValue GetOrAdd<TState>(TKey key, TState state, Func<TKey, TState, TValue> create)
    {
        if (!remember)
        {
            return create(key, state); // a one-off run: nothing to reuse, so no key to hash and no table to fill
        }
        if (!_entries.TryGetValue(key, out var entry))
        {
            entry = _entries.GetOrAdd(key, static (k, s) => new Entry(s.create(k, s.state)), (create, state));
        }
        // Plain writes: racing writers all write the same values. No lock on the path of a hit, and no shared write
        // once an entry is marked: a write to the table's own fields from every core, per lookup, made the cores take
        // turns at that cache line.
        if (entry.Generation != _generation)
        {
            entry.Generation = _generation;
            // Each thread counts into a counter of its own cache line. Two threads that share one may lose a count:
            // the sweep then only comes a little sooner.
            _live[(Environment.CurrentManagedThreadId & (LiveStripes - 1)) * CacheLineInts]++;
        }
        if (_used == 0)
        {
            _used = 1;
        }
        return entry.Value;
    }

    /// <summary>
    /// Called between runs: if the last run used the table, and what it did not use has grown to a quarter of what it
    /// did, drops what it did not use. Sweeping only then keeps memory within 1.25 times the site's while a run that
    /// changed one paper does not walk every table (at 10,000 papers, a sweep of them all cost 15 ms an edit).
    /// </summary>
    public void NextGeneration()
    {
        if (_used == 0)
        {
            return;
        }
        _used = 0;
        var live = 0;
        for (var stripe = 0; stripe < _live.Length; stripe += CacheLineInts)
        {
            live += _live[stripe];
            _live[stripe] = 0;
        }
        if (_entries.Count - live > Math.Max(MinimumStale, live / 4))
        {
            foreach (var (key, entry) in _entries)
            {
                if (entry.Generation < _generation)
                {
                    _entries.TryRemove(key, out _);
                }
            }
        }
        _generation++;
    }

    /// <summary>How many unused entries are always let be: a small table is never worth a sweep.</summary>
    private const int MinimumStale = 64;

    /// <summary>Entries this run has used so far (the first use of each counts), in a counter per thread stripe.</summary>
    private readonly int[] _live = new int[LiveStripes * CacheLineInts];

    private const int LiveStripes = 16;

    /// <summary>Counters this many ints apart sit in different cache lines (64 bytes).</summary>
    private const int CacheLineInts = 16;

    /// <summary>Entries held: those the last run used, and at most a quarter as many (or 64) it did not.</summary>
    public int Count => _entries.Count;

    public void Clear() => _entries.Clear();

    private sealed class Entry(TValue value)
    {
        public TValue Value { get; } = value;

        /// <summary>The last run that used it; a new entry is not yet counted as used.</summary>
        public int Generation = -1;
    }
}

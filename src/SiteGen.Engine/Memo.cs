using System.Collections.Concurrent;

namespace SiteGen.Engine;

/// <summary>
/// A memo table that lives across runs of one process (builds of a preview session): a value computed in the last
/// run is reused when its key comes back. Each run that uses the table is a new generation; an entry that such a run
/// did not use is dropped, so memory follows the site, not the history of edits. A run that does not look at the
/// table at all (a memo above it answered, or its pipeline stopped early) drops nothing from it.
/// The engine's <see cref="DocumentCache"/> is one table per module; a host keeps its own for its own work.
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

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create)
    {
        if (!remember)
        {
            return create(key); // a one-off run: nothing to reuse, so no key to hash and no table to fill
        }
        if (!_entries.TryGetValue(key, out var entry))
        {
            entry = _entries.GetOrAdd(key, static (k, create) => new Entry(create(k)), create);
        }
        // Plain writes: racing writers all write the same values. No lock on the path of a hit.
        entry.Generation = _generation;
        _used = 1;
        return entry.Value;
    }

    /// <summary>Called between runs: if the last run used the table, drops what it did not use.</summary>
    public void NextGeneration()
    {
        if (_used == 0)
        {
            return;
        }
        _used = 0;
        foreach (var (key, entry) in _entries)
        {
            if (entry.Generation < _generation)
            {
                _entries.TryRemove(key, out _);
            }
        }
        _generation++;
    }

    public void Clear() => _entries.Clear();

    private sealed class Entry(TValue value)
    {
        public TValue Value { get; } = value;

        public int Generation;
    }
}

using System.Collections.Concurrent;

namespace SiteGen.Site;

/// <summary>
/// A memo table that lives across builds of one process: a value computed in the last build is reused when
/// its key comes back. Each build that uses the table is a new generation; an entry that such a build did not use is
/// dropped, so memory follows the site, not the history of edits. A build that does not look at the table at all
/// (a memo above it answered: the whole merge was reused) drops nothing from it.
/// Keys are compared with <paramref name="comparer"/>: by value by default, or by reference
/// (<see cref="ReferenceEqualityComparer"/>) for immutable objects that an earlier memo handed out, which is
/// what makes a rebuild cheap: an unchanged paper is the very same object as in the last build, found in O(1)
/// without hashing its abstract.
/// </summary>
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
            return create(key); // a one-off build: nothing to reuse, so no key to hash and no table to fill
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

    /// <summary>Called between builds: if the last build used the table, drops what it did not use.</summary>
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

using System.Collections.Concurrent;

namespace SiteGen.Site;

/// <summary>
/// A memo table that lives across builds of one process: a value computed in the last build is reused when
/// its key (the inputs, compared by value) comes back. Each build starts a new generation and keeps only the
/// entries it used, so memory follows the site, not the history of edits.
/// </summary>
public sealed class Memo<TKey, TValue>(bool remember) where TKey : notnull
{
    private ConcurrentDictionary<TKey, TValue> _current = new();
    private ConcurrentDictionary<TKey, TValue> _previous = new();

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create)
    {
        if (!remember)
        {
            return create(key); // a one-off build: nothing to reuse, so no key to hash and no table to fill
        }
        if (_current.TryGetValue(key, out var value))
        {
            return value;
        }
        if (_previous.TryGetValue(key, out value))
        {
            return _current.GetOrAdd(key, value);
        }
        return _current.GetOrAdd(key, create);
    }

    /// <summary>Called between builds: what the last build did not use is dropped at the next call.</summary>
    public void NextGeneration()
    {
        _previous = _current;
        // Sized like the last build: growing a concurrent table takes all its locks, again and again.
        _current = new(Environment.ProcessorCount, Math.Max(31, _previous.Count));
    }

    public void Clear()
    {
        _previous = new();
        _current = new();
    }
}

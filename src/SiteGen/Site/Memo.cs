using System.Collections.Concurrent;

namespace SiteGen.Site;

/// <summary>
/// A memo table that lives across builds of one process: a value computed in the last build is reused when
/// its key (the inputs, compared by value) comes back. Each build starts a new generation and keeps only the
/// entries it used, so memory follows the site, not the history of edits.
/// </summary>
public sealed class Memo<TKey, TValue>(IEqualityComparer<TKey>? comparer = null) where TKey : notnull
{
    private ConcurrentDictionary<TKey, TValue> _current = new(comparer);
    private ConcurrentDictionary<TKey, TValue> _previous = new(comparer);

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create)
    {
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
        _current = new(_previous.Comparer);
    }

    public void Clear()
    {
        _previous = new(_current.Comparer);
        _current = new(_current.Comparer);
    }
}

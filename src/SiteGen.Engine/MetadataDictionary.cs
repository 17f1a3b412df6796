using System.Collections;

namespace SiteGen.Engine;

/// <summary>
/// A document's metadata: a handful of keys (a site's documents have two to six), kept as one array of pairs and found
/// by a scan that compares references first (keys are constants). An immutable hash tree, as before, cost a node and a
/// bucket for every key of every document: at 100,000 papers, 610,000 documents' trees were 7% of all a build kept.
/// Immutable: a change makes a new table, and a document changed in anything else shares its table.
/// </summary>
public sealed class MetadataDictionary : IReadOnlyDictionary<string, object?>
{
    public static readonly MetadataDictionary Empty = new([]);

    private readonly KeyValuePair<string, object?>[] _pairs;

    private MetadataDictionary(KeyValuePair<string, object?>[] pairs) => _pairs = pairs;

    /// <summary>A table of <paramref name="pairs"/>; a key given twice with two different values is an error.</summary>
    public static MetadataDictionary Of(IEnumerable<KeyValuePair<string, object?>> pairs) => Empty.Set(pairs, sameValueTwice: true);

    /// <summary>A table of <paramref name="pairs"/> (a collection expression's, on the stack); a key given twice with two different values is an error.</summary>
    public static MetadataDictionary Of(ReadOnlySpan<KeyValuePair<string, object?>> pairs) => Empty.Set(pairs, sameValueTwice: true);

    /// <summary>
    /// A table of <paramref name="pairs"/>, taken as its own when no key is in it twice (a document read back from the
    /// store, whose keys were written from a table): a copy of each read document's pairs was 9 MB of a rebuild of
    /// 100,000 papers.
    /// </summary>
    internal static MetadataDictionary Adopt(KeyValuePair<string, object?>[] pairs)
    {
        for (var i = 0; i < pairs.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(pairs[i].Key);
            if (IndexOf(pairs.AsSpan(0, i), pairs[i].Key) >= 0)
            {
                return Empty.Set(pairs, sameValueTwice: true);
            }
        }
        return pairs.Length == 0 ? Empty : new MetadataDictionary(pairs);
    }

    public int Count => _pairs.Length;

    public object? this[string key] => IndexOf(key) is var at and >= 0 ? _pairs[at].Value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => _pairs.Select(pair => pair.Key);

    /// <summary>The pairs themselves, in the table's order, for the engine's own walks that must make no garbage (the store's keys).</summary>
    internal ReadOnlySpan<KeyValuePair<string, object?>> Pairs => _pairs;

    public IEnumerable<object?> Values => _pairs.Select(pair => pair.Value);

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, out object? value)
    {
        var at = IndexOf(key);
        value = at >= 0 ? _pairs[at].Value : null;
        return at >= 0;
    }

    /// <summary>This table with <paramref name="value"/> under <paramref name="key"/>, in its place or added at the end.</summary>
    public MetadataDictionary With(string key, object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        var at = IndexOf(_pairs, key);
        var pairs = new KeyValuePair<string, object?>[at >= 0 ? _pairs.Length : _pairs.Length + 1];
        _pairs.CopyTo(pairs, 0);
        pairs[at >= 0 ? at : _pairs.Length] = new(key, value);
        return new MetadataDictionary(pairs);
    }

    /// <summary>This table with each of <paramref name="values"/> set in turn (a key given twice: the last value).</summary>
    public MetadataDictionary With(IEnumerable<KeyValuePair<string, object?>> values) => Set(values, sameValueTwice: false);

    /// <summary><see cref="With(IEnumerable{KeyValuePair{string, object?}})"/> of a collection expression's pairs, on the stack.</summary>
    public MetadataDictionary With(ReadOnlySpan<KeyValuePair<string, object?>> values) => Set(values, sameValueTwice: false);

    /// <summary>
    /// This table with <paramref name="values"/> set, in one new array (a document read from the store is made with all
    /// its keys at once). <paramref name="sameValueTwice"/>: a key set twice must keep its value, else it is an error.
    /// </summary>
    private MetadataDictionary Set(IEnumerable<KeyValuePair<string, object?>> values, bool sameValueTwice)
    {
        // A collection expression binds to the span overloads, so what comes here is an array or a rarer sequence.
        ReadOnlySpan<KeyValuePair<string, object?>> pairs = values as KeyValuePair<string, object?>[] ?? [.. values];
        return Set(pairs, sameValueTwice);
    }

    private MetadataDictionary Set(ReadOnlySpan<KeyValuePair<string, object?>> values, bool sameValueTwice)
    {
        // One array for both, cut to size only when a key repeats: a list, then its copy, and an enumerator boxed for an
        // array of values were 7% of what a daily update at 100,000 papers allocated.
        var pairs = new KeyValuePair<string, object?>[_pairs.Length + values.Length];
        _pairs.CopyTo(pairs, 0);
        var used = _pairs.Length;
        foreach (var (key, value) in values)
        {
            Put(key, value);
        }
        return used == 0 ? Empty : new MetadataDictionary(used == pairs.Length ? pairs : pairs[..used]);

        void Put(string key, object? value)
        {
            ArgumentNullException.ThrowIfNull(key);
            var at = IndexOf(pairs.AsSpan(0, used), key);
            if (at < 0)
            {
                pairs[used++] = new(key, value);
            }
            else if (sameValueTwice && !Equals(pairs[at].Value, value))
            {
                throw new ArgumentException($"The key '{key}' is given twice, with different values.", nameof(values));
            }
            else
            {
                pairs[at] = new(key, value);
            }
        }
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_pairs).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key) => IndexOf(_pairs, key);

    private static int IndexOf(ReadOnlySpan<KeyValuePair<string, object?>> pairs, string key)
    {
        for (var i = 0; i < pairs.Length; i++)
        {
            if (ReferenceEquals(pairs[i].Key, key))
            {
                return i;
            }
        }
        for (var i = 0; i < pairs.Length; i++)
        {
            if (string.Equals(pairs[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }
}

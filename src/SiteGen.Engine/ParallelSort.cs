namespace SiteGen.Engine;

/// <summary>
/// <see cref="Array.Sort{TKey, TValue}(TKey[], TValue[], IComparer{TKey})"/> on two cores: each half sorted on its own,
/// then the halves merged. A build orders every paper before the steps that need the order can start, so a sort of
/// 100,000 papers (0.15 s) ran with the other core idle.
/// </summary>
public static class ParallelSort
{
    /// <summary>Below this many keys one core sorts: the merge would cost more than the half it saves.</summary>
    private const int Least = 4096;

    /// <summary>
    /// Sorts <paramref name="keys"/>, and <paramref name="items"/> with them. The order must be total (no two keys compare
    /// equal), or keys that tie may end in another order than one sort would leave them.
    /// </summary>
    public static void Sort<TKey, TItem>(TKey[] keys, TItem[] items, IComparer<TKey> comparer, ParallelOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(items.Length, keys.Length);
        var count = keys.Length;
        if (count < Least || options.MaxDegreeOfParallelism == 1 || Environment.ProcessorCount == 1)
        {
            Array.Sort(keys, items, comparer);
            return;
        }
        var half = count / 2;
        Parallel.Invoke(options,
            () => Array.Sort(keys, items, 0, half, comparer),
            () => Array.Sort(keys, items, half, count - half, comparer));
        var (leftKeys, leftItems) = (keys[..half], items[..half]);
        int left = 0, right = half;
        // Once the left half is used up, what is left of the right half is already in place.
        for (var at = 0; left < half; at++)
        {
            if (right < count && comparer.Compare(keys[right], leftKeys[left]) < 0)
            {
                (keys[at], items[at]) = (keys[right], items[right]);
                right++;
            }
            else
            {
                (keys[at], items[at]) = (leftKeys[left], leftItems[left]);
                left++;
            }
        }
    }
}

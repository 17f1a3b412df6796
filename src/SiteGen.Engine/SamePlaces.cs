namespace SiteGen.Engine;

/// <summary>
/// A run's inputs compared with the last run's, place by place, by reference. In a rebuild after an edit nearly every
/// input is the very object it was, at the same place, so one comparison of references per input finds what changed,
/// where a hash table lookup per input (tens of thousands per module) cost more than the work it saved.
/// </summary>
public static class SamePlaces
{
    /// <summary>
    /// The places where <paramref name="now"/> holds another object than <paramref name="last"/>, in order; null when
    /// the two differ in length or more than <paramref name="most"/> places changed (then doing it all again is the
    /// caller's better way).
    /// </summary>
    public static List<int>? Changed<T>(ReadOnlySpan<T> last, ReadOnlySpan<T> now, int most) where T : class
    {
        if (last.Length != now.Length)
        {
            return null;
        }
        var changed = new List<int>();
        for (var i = 0; i < now.Length; i++)
        {
            if (!ReferenceEquals(last[i], now[i]))
            {
                changed.Add(i);
                if (changed.Count > most)
                {
                    return null;
                }
            }
        }
        return changed;
    }

    /// <summary>
    /// Where <paramref name="item"/> is in <paramref name="last"/>: at <paramref name="at"/>, or one place either side (an
    /// input added or removed before it moves it by one); -1 when it is not there.
    /// </summary>
    public static int Near<T>(ReadOnlySpan<T> last, T item, int at) where T : class
    {
        for (var i = Math.Max(0, at - 1); i <= at + 1 && i < last.Length; i++)
        {
            if (ReferenceEquals(last[i], item))
            {
                return i;
            }
        }
        return -1;
    }
}

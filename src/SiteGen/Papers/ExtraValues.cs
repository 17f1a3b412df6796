using System.Collections;

namespace SiteGen.Papers;

/// <summary>
/// Compares values of <see cref="Paper.Extra"/> by content: text, null, and lists and mappings of them, as the
/// front-matter reader makes them. Collections compare by reference by default, which would make two reads of
/// the same page unequal.
/// </summary>
internal static class ExtraValues
{
    public static bool DeepEquals(object? left, object? right)
    {
        switch (left, right)
        {
            case (null, null):
                return true;
            case (null, _) or (_, null):
                return false;
            case (string a, string b):
                return a == b;
            case (IDictionary a, IDictionary b):
                if (a.Count != b.Count)
                {
                    return false;
                }
                foreach (DictionaryEntry entry in a)
                {
                    if (!b.Contains(entry.Key) || !DeepEquals(entry.Value, b[entry.Key]))
                    {
                        return false;
                    }
                }
                return true;
            case (IEnumerable a, IEnumerable b) when a is not IDictionary && b is not IDictionary:
                var rest = b.GetEnumerator();
                foreach (var item in a)
                {
                    if (!rest.MoveNext() || !DeepEquals(item, rest.Current))
                    {
                        return false;
                    }
                }
                return !rest.MoveNext();
            default:
                return Equals(left, right);
        }
    }
}

namespace SiteGen.Search;

/// <summary>
/// Numbers the words of the search index, so papers can keep their words as small integers. A preview session
/// keeps one for all its builds: a word keeps its number, and words no paper has any more are simply not written.
/// Thread-safe.
/// </summary>
internal sealed class SearchVocabulary
{
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly List<string> _words = [];
    private int[]? _inOrder;

    public int Count
    {
        get
        {
            lock (_numbers)
            {
                return _words.Count;
            }
        }
    }

    public int NumberOf(ReadOnlySpan<char> word)
    {
        lock (_numbers)
        {
            var lookup = _numbers.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(word, out var number))
            {
                number = _words.Count;
                var text = word.ToString();
                _numbers.Add(text, number);
                _words.Add(text);
                _inOrder = null;
            }
            return number;
        }
    }

    public bool TryNumberOf(string word, out int number)
    {
        lock (_numbers)
        {
            return _numbers.TryGetValue(word, out number);
        }
    }

    public string WordOf(int number)
    {
        lock (_numbers)
        {
            return _words[number];
        }
    }

    /// <summary>Every word's number, the words in ordinal (UTF-16 code unit) order; sorted again only when words were added.</summary>
    public int[] NumbersInOrder()
    {
        lock (_numbers)
        {
            if (_inOrder is null)
            {
                _inOrder = [.. Enumerable.Range(0, _words.Count)];
                var words = _words;
                Array.Sort(_inOrder, (a, b) => string.CompareOrdinal(words[a], words[b]));
            }
            return _inOrder;
        }
    }
}

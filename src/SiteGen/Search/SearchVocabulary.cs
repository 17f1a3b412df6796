using System.Collections.Concurrent;

namespace SiteGen.Search;

/// <summary>
/// Numbers the words of the search index, so papers can keep their words as small integers. A preview session
/// keeps one for all its builds: a word keeps its number, and words no paper has any more are simply not written.
/// Thread-safe: a word already numbered is found without a lock (every core splits papers at once, and nearly every
/// word of a paper is known by then); only a new word takes one.
/// </summary>
internal sealed class SearchVocabulary
{
    private readonly ConcurrentDictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Lock _adding = new();
    private readonly List<string> _words = [];
    private int[]? _inOrder;

    public SearchVocabulary() => _lookup = _numbers.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count
    {
        get
        {
            lock (_adding)
            {
                return _words.Count;
            }
        }
    }

    public int NumberOf(ReadOnlySpan<char> word)
    {
        if (_lookup.TryGetValue(word, out var number))
        {
            return number;
        }
        lock (_adding)
        {
            if (!_lookup.TryGetValue(word, out number))
            {
                number = _words.Count;
                var text = word.ToString();
                // The word first, then its number: whoever finds the number can look the word up.
                _words.Add(text);
                _numbers[text] = number;
                _inOrder = null;
            }
            return number;
        }
    }

    public bool TryNumberOf(string word, out int number) => _numbers.TryGetValue(word, out number);

    public string WordOf(int number)
    {
        lock (_adding)
        {
            return _words[number];
        }
    }

    /// <summary>Every word's number, the words in ordinal (UTF-16 code unit) order; sorted again only when words were added.</summary>
    public int[] NumbersInOrder()
    {
        lock (_adding)
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

using System.Runtime.InteropServices;

namespace SiteGen.Search;

/// <summary>
/// What a preview session keeps of the last search index it wrote, so that after an edit only the words of the papers
/// that changed have their postings found and encoded again. A paper's words are the very same array while the paper
/// does not change (the session's memo hands it out by paper), so comparing arrays by reference finds what changed.
/// When the papers moved (one added, removed, or dated differently) or many changed, the index is made whole again.
/// Used by one build at a time.
/// </summary>
public sealed class SearchPostingsMemo
{
    private SearchVocabulary? _vocabulary;

    private int[][] _words = [];

    /// <summary>Per word number: the postings, rising (null: no paper has it).</summary>
    private List<int>?[] _postings = [];

    /// <summary>Per word number: its postings as <see cref="PostingsCode"/> wrote them (null: no paper has it).</summary>
    private string?[] _encoded = [];

    /// <summary>
    /// The encoded postings of every word, by word number (null where no paper has it), for <paramref name="papers"/>
    /// (each paper's entries <c>word &lt;&lt; 3 | fields</c>, in the index's order).
    /// </summary>
    public string?[] Encode(SearchVocabulary vocabulary, IReadOnlyList<int[]> papers, int fieldBits)
    {
        var vocabularySize = vocabulary.Count;
        // Another vocabulary numbers words otherwise: nothing kept is of use.
        var changed = ReferenceEquals(vocabulary, _vocabulary) ? Changed(papers) : null;
        _vocabulary = vocabulary;
        if (changed is null)
        {
            _postings = ListsOf(papers, vocabularySize, fieldBits);
            _encoded = new string?[vocabularySize];
            for (var number = 0; number < vocabularySize; number++)
            {
                _encoded[number] = _postings[number] is { } list ? PostingsCode.Encode(CollectionsMarshal.AsSpan(list)) : null;
            }
        }
        else if (changed.Count > 0)
        {
            Update(papers, changed, vocabularySize, fieldBits);
        }
        _words = [.. papers];
        return _encoded;
    }

    /// <summary>The positions whose words changed, or null when the index is to be made whole again.</summary>
    private List<int>? Changed(IReadOnlyList<int[]> papers)
    {
        if (papers.Count != _words.Length || papers.Count == 0)
        {
            return null;
        }
        var changed = new List<int>();
        for (var i = 0; i < papers.Count; i++)
        {
            if (!ReferenceEquals(papers[i], _words[i]))
            {
                changed.Add(i);
                if (changed.Count * 16 > papers.Count)
                {
                    return null; // more than one paper in 16: about as cheap to make it whole
                }
            }
        }
        return changed;
    }

    /// <summary>Every word's encoded postings, found from scratch (a count, then a fill, over plain arrays): a one-off build's way.</summary>
    public static string?[] All(IReadOnlyList<int[]> papers, int vocabularySize, int fieldBits)
    {
        var counts = new int[vocabularySize];
        var total = 0;
        foreach (var words in papers)
        {
            foreach (var entry in words)
            {
                counts[entry >> fieldBits]++;
            }
            total += words.Length;
        }
        var starts = new int[vocabularySize];
        for (int number = 0, next = 0; number < vocabularySize; number++)
        {
            starts[number] = next;
            next += counts[number];
        }
        var fill = (int[])starts.Clone();
        var postings = new int[total];
        for (var paper = 0; paper < papers.Count; paper++)
        {
            foreach (var entry in papers[paper])
            {
                postings[fill[entry >> fieldBits]++] = Posting(paper, entry, fieldBits);
            }
        }
        var encoded = new string?[vocabularySize];
        for (var number = 0; number < vocabularySize; number++)
        {
            if (counts[number] > 0)
            {
                encoded[number] = PostingsCode.Encode(postings.AsSpan(starts[number], counts[number]));
            }
        }
        return encoded;
    }

    private static List<int>?[] ListsOf(IReadOnlyList<int[]> papers, int vocabularySize, int fieldBits)
    {
        var lists = new List<int>?[vocabularySize];
        for (var paper = 0; paper < papers.Count; paper++)
        {
            foreach (var entry in papers[paper])
            {
                (lists[entry >> fieldBits] ??= []).Add(Posting(paper, entry, fieldBits));
            }
        }
        return lists;
    }

    /// <summary>Takes the changed papers' old postings out of their words' lists and puts their new ones in: no pass over every paper.</summary>
    private void Update(IReadOnlyList<int[]> papers, List<int> changed, int vocabularySize, int fieldBits)
    {
        if (_postings.Length < vocabularySize)
        {
            Array.Resize(ref _postings, vocabularySize);
            Array.Resize(ref _encoded, vocabularySize);
        }
        var affected = new HashSet<int>();
        foreach (var i in changed)
        {
            foreach (var entry in _words[i])
            {
                var list = _postings[entry >> fieldBits]!;
                list.RemoveAt(list.BinarySearch(Posting(i, entry, fieldBits)));
                affected.Add(entry >> fieldBits);
            }
        }
        foreach (var i in changed)
        {
            foreach (var entry in papers[i])
            {
                var list = _postings[entry >> fieldBits] ??= [];
                var at = list.BinarySearch(Posting(i, entry, fieldBits));
                list.Insert(~at, Posting(i, entry, fieldBits)); // a paper has a word once, so it is not there yet
                affected.Add(entry >> fieldBits);
            }
        }
        foreach (var number in affected)
        {
            if (_postings[number] is { Count: 0 })
            {
                _postings[number] = null;
            }
            _encoded[number] = _postings[number] is { } list ? PostingsCode.Encode(CollectionsMarshal.AsSpan(list)) : null;
        }
    }

    private static int Posting(int paper, int entry, int fieldBits) => paper << fieldBits | entry & ((1 << fieldBits) - 1);
}

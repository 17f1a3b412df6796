using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace SiteGen.Search;

/// <summary>
/// What a preview session keeps of the last search index it wrote, so that after an edit only the words of the papers
/// that changed have their postings found and encoded again. A paper's words are the very same array while the paper
/// does not change (the session's memo hands it out by paper), so comparing arrays by reference finds what changed.
/// When the papers moved (one added, removed, or dated differently) or many changed, the index is made whole again.
/// Used by one build at a time.
/// </summary>
internal sealed class SearchPostingsMemo
{
    private SearchVocabulary? _vocabulary;

    private int[][] _words = [];

    /// <summary>Per word number: the postings, rising (null: no paper has it).</summary>
    private List<int>?[] _postings = [];

    /// <summary>Per word number: its postings as <see cref="PostingsCode"/> wrote them (null: no paper has it).</summary>
    private string?[] _encoded = [];

    /// <summary>Per word number: <see cref="_encoded"/> as a JSON string, UTF-8 (null: not made yet, or changed since).</summary>
    private byte[]?[] _encodedJson = [];

    /// <summary>The last script's <c>docs</c> array (UTF-8 JSON) and the titles and slugs it was made from.</summary>
    private (string[] Titles, string[] Slugs, byte[] Json) _docs = ([], [], []);

    /// <summary>The last script's <c>terms</c> string (UTF-8 JSON) and the word numbers it was made from.</summary>
    private (int[] Terms, byte[] Json) _terms = ([], []);

    /// <summary>
    /// The encoded postings of every word, by word number (null where no paper has it), for <paramref name="papers"/>
    /// (each paper's entries <c>word &lt;&lt; 3 | fields</c>, in the index's order).
    /// </summary>
    public string?[] Encode(SearchVocabulary vocabulary, int[][] papers, int fieldBits)
    {
        var vocabularySize = vocabulary.Count;
        // Another vocabulary numbers words otherwise: nothing kept is of use.
        var changed = ReferenceEquals(vocabulary, _vocabulary) ? Changed(papers) : null;
        _vocabulary = vocabulary;
        if (changed is null)
        {
            _postings = ListsOf(papers, vocabularySize, fieldBits);
            _encoded = new string?[vocabularySize];
            _encodedJson = new byte[]?[vocabularySize];
            _terms = ([], []); // word numbers of another vocabulary may name other words
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
    private List<int>? Changed(int[][] papers) =>
        // More than one paper in 16: about as cheap to make it whole.
        papers.Length == 0 ? null : Engine.SamePlaces.Changed<int[]>(_words, papers, most: papers.Length / 16);

    /// <summary>
    /// Every word's postings, found from scratch (a count, then a fill, over plain arrays): a one-off build's way, which
    /// encodes each list straight into the file (<see cref="PostingsCode.EncodeTo"/>).
    /// </summary>
    public static AllPostings All(IReadOnlyList<int[]> papers, int vocabularySize, int fieldBits)
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
        return new AllPostings(starts, counts, postings);
    }

    private static List<int>?[] ListsOf(int[][] papers, int vocabularySize, int fieldBits)
    {
        var lists = new List<int>?[vocabularySize];
        for (var paper = 0; paper < papers.Length; paper++)
        {
            foreach (var entry in papers[paper])
            {
                (lists[entry >> fieldBits] ??= []).Add(Posting(paper, entry, fieldBits));
            }
        }
        return lists;
    }

    /// <summary>
    /// Takes the changed papers' old postings out of their words' lists and puts their new ones in: no pass over every
    /// paper. Only the entries a paper lost or gained count: an edit that adds a sentence leaves the paper's other words
    /// (and the long lists of the common ones, which are costly to encode) as they were.
    /// </summary>
    private void Update(int[][] papers, List<int> changed, int vocabularySize, int fieldBits)
    {
        if (_postings.Length < vocabularySize)
        {
            Array.Resize(ref _postings, vocabularySize);
            Array.Resize(ref _encoded, vocabularySize);
            Array.Resize(ref _encodedJson, vocabularySize);
        }
        var affected = new HashSet<int>();
        foreach (var i in changed)
        {
            var before = _words[i].ToHashSet();
            var after = papers[i].ToHashSet();
            foreach (var entry in _words[i])
            {
                if (!after.Contains(entry))
                {
                    var list = _postings[entry >> fieldBits]!;
                    list.RemoveAt(list.BinarySearch(Posting(i, entry, fieldBits)));
                    affected.Add(entry >> fieldBits);
                }
            }
            foreach (var entry in papers[i])
            {
                if (!before.Contains(entry))
                {
                    var list = _postings[entry >> fieldBits] ??= [];
                    var at = list.BinarySearch(Posting(i, entry, fieldBits));
                    list.Insert(~at, Posting(i, entry, fieldBits)); // a paper has a word once, so it is not there yet
                    affected.Add(entry >> fieldBits);
                }
            }
        }
        foreach (var number in affected)
        {
            if (_postings[number] is { Count: 0 })
            {
                _postings[number] = null;
            }
            _encoded[number] = _postings[number] is { } list ? PostingsCode.Encode(CollectionsMarshal.AsSpan(list)) : null;
            _encodedJson[number] = null;
        }
    }

    /// <summary>The <c>docs</c> array, <c>[["title","slug"],...]</c>: last time's bytes while every title and slug is the same.</summary>
    public byte[] DocsJson(IReadOnlyList<(string Title, string Slug, int[] Words)> papers)
    {
        var (titles, slugs) = (new string[papers.Count], new string[papers.Count]);
        for (var i = 0; i < papers.Count; i++)
        {
            (titles[i], slugs[i]) = (papers[i].Title, papers[i].Slug);
        }
        if (!titles.AsSpan().SequenceEqual(_docs.Titles) || !slugs.AsSpan().SequenceEqual(_docs.Slugs))
        {
            _docs = (titles, slugs, Json(json =>
            {
                json.WriteStartArray();
                for (var i = 0; i < titles.Length; i++)
                {
                    json.WriteStartArray();
                    json.WriteStringValue(titles[i]);
                    json.WriteStringValue(slugs[i]);
                    json.WriteEndArray();
                }
                json.WriteEndArray();
            }));
        }
        return _docs.Json;
    }

    /// <summary>The <c>terms</c> string: last time's bytes while the indexed words are the same.</summary>
    public byte[] TermsJson(int[] terms, Func<int, string> wordOf)
    {
        if (!terms.AsSpan().SequenceEqual(_terms.Terms))
        {
            _terms = (terms, Json(json => json.WriteStringValue(string.Join(' ', terms.Select(wordOf)))));
        }
        return _terms.Json;
    }

    /// <summary>
    /// Writes the <c>postings</c> array, <c>["...",...]</c>, for <paramref name="terms"/>, from each word's JSON string as
    /// last made: only the words an edit touched are escaped again, and the array is never held whole.
    /// </summary>
    public void WritePostingsJson(Stream stream, int[] terms)
    {
        stream.WriteByte((byte)'[');
        for (var i = 0; i < terms.Length; i++)
        {
            var number = terms[i];
            var json = _encodedJson[number] ??= Json(writer => writer.WriteStringValue(_encoded[number]));
            if (i > 0)
            {
                stream.WriteByte((byte)',');
            }
            stream.Write(json);
        }
        stream.WriteByte((byte)']');
    }

    /// <summary>What <paramref name="write"/> writes with a writer of default options (the script's own), as UTF-8.</summary>
    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static int Posting(int paper, int entry, int fieldBits) => paper << fieldBits | entry & ((1 << fieldBits) - 1);
}

/// <summary>Every word's postings, rising, in one array: the word numbered n has <c>Counts[n]</c> of them from <c>Starts[n]</c>.</summary>
internal sealed record AllPostings(int[] Starts, int[] Counts, int[] Postings)
{
    /// <summary>Whether some paper has the word numbered <paramref name="number"/>.</summary>
    public bool Has(int number) => number < Counts.Length && Counts[number] > 0;

    public ReadOnlySpan<int> Of(int number) => Postings.AsSpan(Starts[number], Counts[number]);
}

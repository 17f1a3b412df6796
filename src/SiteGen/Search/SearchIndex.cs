using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace SiteGen.Search;

/// <summary>
/// The site's search index, built from every paper's title, tag names and abstract, written as
/// <c>search-index.js</c>: a script that sets <c>globalThis.SiteGenSearchIndex</c>, because a page opened
/// from disk cannot fetch a JSON file but can load a script. Its shape (format 1):
/// <code>
/// { "format": 1,
///   "paperUrl": "papers/{slug}/index.html",     the URL of a paper, relative to the site root
///   "stop": "an and ...",                        stop words, left out of the index and of queries
///   "docs": [["title", "slug"], ...],            the papers, in the site's order (newest first)
///   "terms": "word word ...",                    every indexed word, sorted by UTF-16 code unit, one space between
///   "postings": ["...", ...] }                   per term: the papers that have it, see below
/// </code>
/// A posting is <c>paper &lt;&lt; 3 | fields</c> (<see cref="SearchFields"/>: where the paper has the word),
/// a rising list per term, written with <see cref="PostingsCode"/>. The README's "Search" section says why this
/// format and not a library's.
/// </summary>
public sealed class SearchIndex
{
    public const int Format = 1;

    private const int FieldBits = 3;

    private readonly List<(string Title, string Slug)> _papers = [];
    private readonly Dictionary<string, List<int>> _postings = new(StringComparer.Ordinal);

    public int PaperCount => _papers.Count;

    /// <summary>Adds one paper; papers are numbered in the order they are added.</summary>
    public void Add(string title, string slug, IEnumerable<string> tagNames, string abstractText)
    {
        var id = _papers.Count;
        _papers.Add((title, slug));
        _paperWords.Clear();
        Collect(abstractText, SearchFields.Abstract);
        foreach (var tag in tagNames)
        {
            Collect(tag, SearchFields.Tags);
        }
        Collect(title, SearchFields.Title);
        foreach (var (word, where) in _paperWords)
        {
            ref var papers = ref CollectionsMarshal.GetValueRefOrAddDefault(_postings, word, out _);
            (papers ??= []).Add(id << FieldBits | (int)where);
        }
    }

    /// <summary>Where the paper being added has each of its words; one dictionary, cleared per paper.</summary>
    private readonly Dictionary<string, SearchFields> _paperWords = new(StringComparer.Ordinal);

    private void Collect(string text, SearchFields field)
    {
        var lookup = _paperWords.GetAlternateLookup<ReadOnlySpan<char>>();
        SearchWords.Split(text, word => CollectionsMarshal.GetValueRefOrAddDefault(lookup, word, out _) |= field);
    }

    /// <summary>The papers (ids, in order) that have <paramref name="word"/>, with where they have it.</summary>
    public IReadOnlyList<(int Paper, SearchFields Fields)> PapersWith(string word) =>
        _postings.TryGetValue(word, out var papers)
            ? [.. papers.Select(p => (p >> FieldBits, (SearchFields)(p & ((1 << FieldBits) - 1))))]
            : [];

    /// <summary><c>search-index.js</c>, UTF-8. The same papers in the same order give the same bytes.</summary>
    public byte[] ToScript(string paperUrl)
    {
        var buffer = new ArrayBufferWriter<byte>(1024 + _papers.Count * 200 + _postings.Count * 32);
        buffer.Write("/* SiteGen search index, format 1: see the README, \"Search\". */\nglobalThis.SiteGenSearchIndex = "u8);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("format", Format);
            json.WriteString("paperUrl", paperUrl);
            json.WriteString("stop", string.Join(' ', SearchWords.StopWords));
            json.WriteStartArray("docs");
            foreach (var (title, slug) in _papers)
            {
                json.WriteStartArray();
                json.WriteStringValue(title);
                json.WriteStringValue(slug);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            var terms = _postings.Keys.Order(StringComparer.Ordinal).ToArray();
            json.WriteString("terms", string.Join(' ', terms));
            json.WriteStartArray("postings");
            foreach (var term in terms)
            {
                json.WriteStringValue(PostingsCode.Encode(_postings[term]));
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        buffer.Write(";\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}

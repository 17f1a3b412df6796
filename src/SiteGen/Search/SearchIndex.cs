using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using SiteGen.Text;

namespace SiteGen.Search;

/// <summary>
/// The site's search index, built from every paper's title, tag names (with its keywords, authors and organization) and abstract, written as
/// <c>search-index.js</c>: a script that sets <c>globalThis.SiteGenSearchIndex</c>, because a page opened
/// from disk cannot fetch a JSON file but can load a script. Its shape (format 1):
/// <code>
/// { "format": 1,
///   "paperUrl": "papers/{slug}/index.html",     the URL of a paper, relative to the site root
///   "stop": "an and ...",                        stop words, left out of the index and of queries
///   "fold": ["àá...", "a|a|..."],                how text is folded (TextFold): the characters, and what each becomes
///   "docs": [["title", "slug"], ...],            the papers, in the site's order (newest first)
///   "terms": "word word ...",                    every indexed word, sorted by UTF-16 code unit, one space between
///   "postings": ["...", ...] }                   per term: the papers that have it, see below
/// </code>
/// A posting is <c>paper &lt;&lt; 3 | fields</c> (<see cref="SearchFields"/>: where the paper has the word),
/// a rising list per term, written with <see cref="PostingsCode"/>. docs/search.md says why this
/// format and not a library's.
/// Each paper's words are found once (<see cref="WordsOf"/>) as numbers of a <see cref="SearchVocabulary"/>, so a
/// preview session that keeps them only puts the lists together again after an edit: no text is split twice,
/// no word looked up twice.
/// </summary>
/// <param name="papers">How many papers will be added, if known: the list of them is made to that size.</param>
internal sealed class SearchIndex(SearchVocabulary? vocabulary = null, int papers = 0)
{
    public const int Format = 1;

    /// <summary>The bits of a paper's word that say where the paper has it (<see cref="SearchFields"/>), below the word's number.</summary>
    public const int FieldBits = 3;

    private readonly SearchVocabulary _vocabulary = vocabulary ?? new SearchVocabulary();
    private readonly List<(string Title, string Slug, int[] Words)> _papers = new(papers);

    public int PaperCount => _papers.Count;

    /// <summary>Adds one paper; papers are numbered in the order they are added.</summary>
    public void Add(string title, string slug, IEnumerable<string> tagNames, string abstractText) =>
        Add(title, slug, WordsOf(_vocabulary, title, tagNames, abstractText));

    /// <summary>Adds one paper by the words <see cref="WordsOf"/> found in it, with this index's vocabulary.</summary>
    public void Add(string title, string slug, int[] words) => _papers.Add((title, slug, words));

    /// <summary>
    /// The distinct words of a paper, each as <c>word number &lt;&lt; 3 | fields</c> (where the paper has it), numbered
    /// by <paramref name="vocabulary"/>, in no particular order.
    /// </summary>
    public static int[] WordsOf(SearchVocabulary vocabulary, string title, IEnumerable<string> tagNames, string abstractText) =>
        Collect(vocabulary, title, tagNames, abstractText).Take(FieldBits);

    private static PaperWordTable Collect(SearchVocabulary vocabulary, string title, IEnumerable<string> tagNames, string abstractText)
    {
        // Where each word was met, by its number, in one table per thread that grows with the vocabulary; only the places
        // this paper set are reset. A dictionary cleared for each paper cost more in clearing than in finding words.
        var table = t_table ??= new PaperWordTable();
        void Collect(string text, SearchFields field) => SearchWords.Split(text, word => table.Add(vocabulary.NumberOf(word), field));
        Collect(abstractText, SearchFields.Abstract);
        foreach (var tag in tagNames)
        {
            Collect(tag, SearchFields.Tags);
        }
        Collect(title, SearchFields.Title);
        return table;
    }

    [ThreadStatic]
    private static PaperWordTable? t_table;

    /// <summary>The distinct words of one paper as they are found, each with the fields it was found in.</summary>
    private sealed class PaperWordTable
    {
        private SearchFields[] _fields = new SearchFields[1024];
        private readonly List<int> _met = new(256);

        public void Add(int number, SearchFields field)
        {
            if (number >= _fields.Length)
            {
                Array.Resize(ref _fields, Math.Max(number + 1, _fields.Length * 2));
            }
            if (_fields[number] == SearchFields.None)
            {
                _met.Add(number);
            }
            _fields[number] |= field;
        }

        /// <summary>Each word met as <c>number &lt;&lt; fieldBits | fields</c>, in the order met. The table is empty again.</summary>
        public int[] Take(int fieldBits)
        {
            var words = new int[_met.Count];
            for (var i = 0; i < words.Length; i++)
            {
                var number = _met[i];
                words[i] = number << fieldBits | (int)_fields[number];
                _fields[number] = SearchFields.None;
            }
            _met.Clear();
            return words;
        }
    }

    /// <summary>The papers (ids, in order) that have <paramref name="word"/>, with where they have it.</summary>
    public IReadOnlyList<(int Paper, SearchFields Fields)> PapersWith(string word)
    {
        var papers = new List<(int, SearchFields)>();
        if (_vocabulary.TryNumberOf(word, out var number))
        {
            for (var paper = 0; paper < _papers.Count; paper++)
            {
                foreach (var entry in _papers[paper].Words)
                {
                    if (entry >> FieldBits == number)
                    {
                        papers.Add((paper, (SearchFields)(entry & ((1 << FieldBits) - 1))));
                    }
                }
            }
        }
        return papers;
    }

    /// <summary><c>search-index.js</c>, UTF-8. The same papers in the same order give the same bytes.</summary>
    public byte[] ToScript(string paperUrl)
    {
        using var bytes = new MemoryStream();
        WriteScript(bytes, paperUrl);
        return bytes.ToArray();
    }

    /// <summary>
    /// Writes <c>search-index.js</c> into <paramref name="stream"/>. With <paramref name="memo"/> (a preview session's), only
    /// the postings of words whose papers changed since the memo's last index are encoded again; the bytes are the same.
    /// </summary>
    public void WriteScript(Stream stream, string paperUrl, SearchPostingsMemo? memo = null)
    {
        if (memo is null)
        {
            WithPostings().WriteScript(stream, paperUrl);
            return;
        }
        var encoded = memo.Encode(_vocabulary, WordsOfPapers(), FieldBits);
        stream.Write(ScriptStart);
        // Every word some paper has, in ordinal order.
        WriteFromMemo(stream, paperUrl, [.. _vocabulary.NumbersInOrder().Where(number => number < encoded.Length && encoded[number] is not null)], memo);
        stream.Write(ScriptEnd);
    }

    /// <summary>This index with every word's papers found, ready to be written (a one-off build's way).</summary>
    public Found WithPostings() => new(this, SearchPostingsMemo.All(WordsOfPapers(), _vocabulary.Count, FieldBits));

    /// <summary>An index whose postings are found: <see cref="WriteScript(Stream, string)"/> writes it, in one pass.</summary>
    internal sealed class Found(SearchIndex index, AllPostings all)
    {
        /// <summary>Writes <c>search-index.js</c> into <paramref name="stream"/>.</summary>
        public void WriteScript(Stream stream, string paperUrl)
        {
            stream.Write(ScriptStart);
            // Every word some paper has, in ordinal order.
            index.WriteWhole(stream, paperUrl, [.. index._vocabulary.NumbersInOrder().Where(all.Has)], all);
            stream.Write(ScriptEnd);
        }
    }

    private static ReadOnlySpan<byte> ScriptStart => "/* SiteGen search index, format 1: see docs/search.md of SiteGen. */\nglobalThis.SiteGenSearchIndex = "u8;

    private static ReadOnlySpan<byte> ScriptEnd => ";\n"u8;

    private int[][] WordsOfPapers()
    {
        var words = new int[_papers.Count][];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = _papers[i].Words;
        }
        return words;
    }

    /// <summary>
    /// The same bytes as <see cref="WriteWhole"/>, put together from the parts a session kept (<see cref="SearchPostingsMemo"/>):
    /// after an edit, only what the edited papers changed is written into JSON again.
    /// </summary>
    private void WriteFromMemo(Stream stream, string paperUrl, int[] terms, SearchPostingsMemo memo)
    {
        // No validation: the postings are written past the writer, straight into the stream, as the object's last member.
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = true });
        WriteHead(json, paperUrl);
        json.WritePropertyName("docs");
        json.WriteRawValue(memo.DocsJson(_papers), skipInputValidation: true);
        json.WritePropertyName("terms");
        json.WriteRawValue(memo.TermsJson(terms, _vocabulary.WordOf), skipInputValidation: true);
        json.WritePropertyName("postings");
        json.Flush();
        memo.WritePostingsJson(stream, terms);
        stream.WriteByte((byte)'}');
    }

    private static void WriteHead(Utf8JsonWriter json, string paperUrl)
    {
        json.WriteStartObject();
        json.WriteNumber("format", Format);
        json.WriteString("paperUrl", paperUrl);
        json.WriteString("stop", string.Join(' ', SearchWords.StopWords));
        json.WriteStartArray("fold");
        json.WriteStringValue(Text.TextFold.Table.Keys);
        json.WriteStringValue(Text.TextFold.Table.Values);
        json.WriteEndArray();
    }

    /// <summary>The object in one pass, streamed: a one-off build's way, which holds no part of it whole.</summary>
    private void WriteWhole(Stream stream, string paperUrl, int[] terms, AllPostings all)
    {
        using (var json = new Utf8JsonWriter(stream))
        {
            WriteHead(json, paperUrl);
            json.WriteStartArray("docs");
            foreach (var (title, slug, _) in _papers)
            {
                json.WriteStartArray();
                json.WriteStringValue(title);
                json.WriteStringValue(slug);
                json.WriteEndArray();
                json.FlushNowAndThen();
            }
            json.WriteEndArray();
            json.WriteString("terms", string.Join(' ', terms.Select(_vocabulary.WordOf)));
            json.WriteStartArray("postings");
            // Each list encoded straight into the file, as the JSON string it is (its digits need no escaping): as a
            // string each, encoded, then written, they were a tenth of a one-paper rebuild's work at 10,000 papers.
            var posting = new ArrayBufferWriter<byte>(1 << 12);
            foreach (var number in terms)
            {
                posting.ResetWrittenCount();
                posting.Write("\""u8);
                PostingsCode.EncodeTo(posting, all.Of(number));
                posting.Write("\""u8);
                json.WriteRawValue(posting.WrittenSpan, skipInputValidation: true);
                json.FlushNowAndThen();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
    }
}

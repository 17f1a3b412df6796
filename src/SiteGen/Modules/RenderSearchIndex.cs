using System.Collections.Immutable;
using SiteGen.Engine;
using SiteGen.Papers;
using SiteGen.Search;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// <c>/search-index.js</c>: the words of every paper's title, tag names and abstract, for the search box
/// (<see cref="SearchIndex"/>). Nothing when <c>GenerateSearchIndex</c> is false. Streamed into the file when it
/// is written, like papers.json, so the index of a large site is never held whole; each paper's words are found
/// once per session.
/// </summary>
internal sealed class RenderSearchIndex(string papersPipeline) : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        if (!site.Settings.GenerateSearchIndex)
        {
            return Task.FromResult(ImmutableArray<Document>.Empty);
        }
        var papers = context.FromPipeline(papersPipeline).Select(d => d.GetRequired<Paper>(Keys.Paper)).ToArray();
        // The engine's bound on parallel work, which is still in force when the file is written (Output).
        var parallel = context.ParallelOptions;
        // A rebuild held off the collector finds every word's papers now, beside the other pipelines' pages, and only
        // writes them out with its files: found then, it was the build's last work, on one core (at 100,000 papers 0.2 s
        // of a daily update).
        var found = site.Held ? Task.Run(() => Build(papers, site, parallel).WithPostings()) : null;
        Action<Stream> write = found is not null
            ? stream => found.GetAwaiter().GetResult().WriteScript(stream, Urls.Paper("{slug}"))
            : stream => Build(papers, site, parallel).WriteScript(stream, Urls.Paper("{slug}"), PostingsOf(site));
        var document = Document.Create(destination: Urls.SearchIndex).With(Keys.Stream, write);
        return Task.FromResult(ImmutableArray.Create(document));
    }

    public static SearchIndex Build(IEnumerable<Paper> papers, SiteServices site, ParallelOptions parallel)
    {
        var documents = site.Session.Documents;
        var (vocabulary, memo) = VocabularyOf(site);
        var all = papers as IReadOnlyList<Paper> ?? [.. papers];
        var index = new SearchIndex(vocabulary, all.Count);
        // Papers' words are found on every core: the index is often the last file of a build. Words are numbered as
        // they are met, so the numbers depend on the threads, but the script lists words in their own order, not by number.
        var words = new int[all.Count][];
        try
        {
            Parallel.For(0, all.Count, parallel, i => words[i] = memo.GetOrAdd(all[i], p => WordsOf(p, vocabulary, site)));
        }
        catch (AggregateException failure) when (failure.InnerExceptions.Count == 1)
        {
            // The failure itself (verify mode's mismatch), for the one-line report, not the loop's wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure.InnerExceptions[0]);
        }
        for (var i = 0; i < all.Count; i++)
        {
            index.Add(all[i].Title, all[i].Slug, words[i]);
        }
        if (vocabulary.Count > vocabulary.StoredCount)
        {
            // A vocabulary only grows. Once most of its words are ones no paper has any more (abstracts edited, papers
            // removed), a new one is kept instead: the next process finds every paper's words once more, into it.
            documents.Keep(VocabularyRecord, MostlyUnused(vocabulary, words) ? new SearchVocabulary().ToStored : vocabulary.ToStored);
        }
        return index;
    }

    private const string VocabularyRecord = "search vocabulary";

    /// <summary>True when fewer than half the vocabulary's words are words of <paramref name="papers"/>.</summary>
    private static bool MostlyUnused(SearchVocabulary vocabulary, int[][] papers)
    {
        var size = vocabulary.Count;
        var used = new bool[size];
        var count = 0;
        foreach (var words in papers)
        {
            foreach (var entry in words)
            {
                if (entry >> SearchIndex.FieldBits is var number && number < size && !used[number])
                {
                    used[number] = true;
                    count++;
                }
            }
        }
        return count * 2 < size;
    }

    /// <summary>
    /// A paper's words: found in its title, tag names and abstract, or read back as numbers of the vocabulary from what
    /// an earlier process found (the cache's store, by a hash of exactly that), which costs less than splitting, folding
    /// and looking up the text again.
    /// </summary>
    private static int[] WordsOf(Paper paper, SearchVocabulary vocabulary, SiteServices site) =>
        // Static functions handed what they need: a closure each was 30 MB of a daily update at 100,000 papers.
        site.Session.Documents.StoredOrMade("search words", (paper, site, vocabulary),
            static s => new PaperNames(s.paper, s.site).AddTo(new StoreKey("search words").Add(s.paper.Title)).Add(s.paper.BodyHash).Value,
            static s => SearchIndex.WordsOf(s.vocabulary, s.paper.Title, new PaperNames(s.paper, s.site).ToArray(), s.paper.Body),
            static (s, words) => s.vocabulary.ToStored(words),
            static (s, stored) => s.vocabulary.WordsFromStored(stored));

    /// <summary>
    /// The names a paper is found by besides its title, in this order: its tags' names, keywords, authors and organization.
    /// Read by place, so that its store key adds them without making a list of them: a paper's key is made in every
    /// build, its words only when the store lacks them.
    /// </summary>
    private readonly struct PaperNames(Paper paper, SiteServices site)
    {
        private readonly ImmutableArray<string> _tags = paper.Tags.IsDefault ? [] : paper.Tags;
        private readonly ImmutableArray<string> _keywords = paper.Keywords.IsDefault ? [] : paper.Keywords;
        private readonly ImmutableArray<string> _authors = paper.Authors.IsDefault ? [] : paper.Authors;

        public int Count => _tags.Length + _keywords.Length + _authors.Length + (paper.Organization is null ? 0 : 1);

        public string this[int at]
        {
            get
            {
                if (at < _tags.Length)
                {
                    return site.Vocabulary.DisplayName(_tags[at]);
                }
                at -= _tags.Length;
                if (at < _keywords.Length)
                {
                    return _keywords[at];
                }
                at -= _keywords.Length;
                return at < _authors.Length ? _authors[at] : paper.Organization!;
            }
        }

        /// <summary><paramref name="key"/> with the names added as <see cref="StoreKey.Add(ReadOnlySpan{string})"/> adds a list.</summary>
        public StoreKey AddTo(StoreKey key)
        {
            key.Add((long)Count);
            for (var at = 0; at < Count; at++)
            {
                key.Add(this[at]);
            }
            return key;
        }

        public string[] ToArray()
        {
            var names = new string[Count];
            for (var at = 0; at < names.Length; at++)
            {
                names[at] = this[at];
            }
            return names;
        }
    }

    /// <summary>
    /// The words, numbered once for all the builds of a session, and each paper's words as their numbers; both anew with
    /// the vocabulary, whose tag names are words of the papers. A new vocabulary is the one the last process kept in the store, if any: the words it stored as numbers
    /// are numbers of that one.
    /// </summary>
    private static (SearchVocabulary Vocabulary, Memo<Paper, int[]> Words) VocabularyOf(SiteServices site)
    {
        var reuse = site.Session.Reuse;
        var vocabulary = reuse.Value("search vocabulary", MadeFrom.Vocabulary,
            () => site.Session.Documents.Latest(VocabularyRecord, SearchVocabulary.FromStored) ?? new SearchVocabulary());
        return (vocabulary, reuse.Memo<Paper, int[]>($"search words of {vocabulary.Name:x16}", MadeFrom.Vocabulary, ReferenceEqualityComparer.Instance));
    }

    /// <summary>
    /// The postings of the last index a session wrote, so an edit encodes only its papers' words again (null for a one-off
    /// build). Kept whatever the basis: they say by themselves which vocabulary numbered them.
    /// </summary>
    private static SearchPostingsMemo? PostingsOf(SiteServices site) =>
        site.Session.Reuse.Remembers ? site.Session.Reuse.Value("search postings", MadeFrom.KeyAlone, () => new SearchPostingsMemo()) : null;
}

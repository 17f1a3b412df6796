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
        var document = Document.Create(destination: Urls.SearchIndex)
            .With(Keys.Stream, (Action<Stream>)(stream => Build(papers, site, parallel).WriteScript(stream, Urls.Paper("{slug}"), KeptBy(site).Postings)));
        return Task.FromResult(ImmutableArray.Create(document));
    }

    public static SearchIndex Build(IEnumerable<Paper> papers, SiteServices site, ParallelOptions parallel)
    {
        var kept = KeptBy(site);
        var documents = site.Session.Documents;
        kept.ReadVocabulary(documents);
        var index = new SearchIndex(kept.Vocabulary);
        var all = papers as IReadOnlyList<Paper> ?? [.. papers];
        // Papers' words are found on every core: the index is often the last file of a build. Words are numbered as
        // they are met, so the numbers depend on the threads, but the script lists words in their own order, not by number.
        var words = new int[all.Count][];
        try
        {
            Parallel.For(0, all.Count, parallel, i => words[i] = kept.Words.GetOrAdd(all[i], p => WordsOf(p, kept.Vocabulary, site)));
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
        if (kept.Vocabulary.Count > kept.Vocabulary.StoredCount)
        {
            // A vocabulary only grows. Once most of its words are ones no paper has any more (abstracts edited, papers
            // removed), a new one is kept instead: the next process finds every paper's words once more, into it.
            documents.Keep(VocabularyRecord, MostlyUnused(kept.Vocabulary, words) ? new SearchVocabulary().ToStored() : kept.Vocabulary.ToStored());
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
    private static int[] WordsOf(Paper paper, SearchVocabulary vocabulary, SiteServices site)
    {
        string[] names = [.. paper.Tags.Select(site.Vocabulary.DisplayName), .. paper.Keywords.IsDefault ? [] : paper.Keywords,
            .. paper.Authors.IsDefault ? [] : paper.Authors, .. paper.Organization is { } organization ? [organization] : Array.Empty<string>()];
        return site.Session.Documents.StoredOrMade("search words",
            () => DocumentCache.KeyOf(["search words", paper.Title, .. names, paper.Body]),
            () => SearchIndex.WordsOf(vocabulary, paper.Title, names, paper.Body),
            vocabulary.ToStored,
            stored => vocabulary.WordsFromStored(stored));
    }

    private static Kept KeptBy(SiteServices site) => site.Session.State(static remember => new Kept(remember));

    /// <summary>
    /// What a session keeps: the words, numbered once for all its builds, each paper's words as their numbers (both
    /// anew with the basis), and the postings of the last index, so an edit encodes only its papers' words again (null
    /// for a one-off build; it finds a new vocabulary by itself).
    /// </summary>
    private sealed class Kept(bool remember) : SessionState
    {
        public SearchVocabulary Vocabulary { get; private set; } = new();

        /// <summary>
        /// Takes up the vocabulary the last process kept in the store, before any word is numbered: the words it stored
        /// as numbers are numbers of that one.
        /// </summary>
        public void ReadVocabulary(DocumentCache documents)
        {
            if (Vocabulary.Count == 0 && documents.Latest(VocabularyRecord, SearchVocabulary.FromStored) is { } stored)
            {
                Vocabulary = stored;
                Words.Clear();
            }
        }

        public Memo<Paper, int[]> Words { get; } = new(remember, ReferenceEqualityComparer.Instance);

        public SearchPostingsMemo? Postings { get; } = remember ? new() : null;

        public override void BasisChanged()
        {
            Vocabulary = new();
            Words.Clear();
        }

        public override void NextBuild() => Words.NextGeneration();
    }
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SiteGen.Search;

namespace SiteGen.Tests.Search;

/// <summary>
/// A paper's words as the cache's store keeps them for the next process: as numbers of the vocabulary, which is kept
/// beside them. Read back by the next process, they are the same words, with the same fields, in the same order; numbers
/// of another vocabulary, or of words the kept one does not hold, do not read.
/// </summary>
public sealed class SearchVocabularyStoreTests
{
    /// <summary>Words of several scripts, a word that folds (Café), one 64 letters long, a URL, a stop word and separators.</summary>
    private static readonly Gen<string> Texts =
        Gen.Elements("Diffusion", "café", "ΛΌΓΟΣ", "模型", "𝒳-net", "naïve", "the", "x", new string('a', 64), "https://github.com/a", " ", "-", ". ", "\n")
            .ListOf()
            .Select(pieces => string.Concat(pieces));

    [Property(MaxTest = 300)]
    public Property ReadBackByTheNextProcessAreTheWordsFoundAgain() =>
        Prop.ForAll(Arb.From(Texts), Arb.From(Texts), Arb.From(Texts), (title, tag, text) =>
        {
            var found = new SearchVocabulary();
            found.NumberOf("unrelated"); // a word of another paper, met first
            var words = SearchIndex.WordsOf(found, title, [tag], text);
            var stored = found.ToStored(words);

            var next = SearchVocabulary.FromStored(Reader(found.ToStored()));
            var read = next.WordsFromStored(stored);
            return (Named(found, words).SequenceEqual(Named(next, read)) && next.Name == found.Name && next.StoredCount == found.Count)
                .Label($"title '{title}', tag '{tag}', text '{text}'");
        });

    [Fact]
    public void APapersWordsAreTheVocabularysNameThenTheirCountThenEachNumberWithItsFields()
    {
        var vocabulary = new SearchVocabulary();
        var words = SearchIndex.WordsOf(vocabulary, "Café", [], "café models");

        // Met in the abstract first: "cafe" (number 0; abstract and title), then "models" (number 1; abstract).
        byte[] expected = [.. BitConverter.GetBytes(vocabulary.Name), 2, 0 << 3 | (byte)(SearchFields.Abstract | SearchFields.Title), 1 << 3 | (byte)SearchFields.Abstract];
        Assert.Equal(expected, vocabulary.ToStored(words));
        Assert.Equal(["cafe", "models"], [vocabulary.WordOf(0), vocabulary.WordOf(1)]);
    }

    [Fact]
    public void WordsNumberedByAnotherVocabularyDoNotRead()
    {
        var (one, other) = (new SearchVocabulary(), new SearchVocabulary());
        var stored = one.ToStored(SearchIndex.WordsOf(one, "diffusion", [], ""));
        other.NumberOf("diffusion");

        Assert.Throws<InvalidDataException>(() => SearchVocabulary.FromStored(Reader(other.ToStored())).WordsFromStored(stored));
    }

    [Fact]
    public void AWordTheKeptVocabularyDoesNotHoldDoesNotRead()
    {
        // A build kept the vocabulary with one word, then stored a paper with a second: a build that stopped before it
        // kept the vocabulary again leaves such a record.
        var vocabulary = new SearchVocabulary();
        vocabulary.NumberOf("diffusion");
        var kept = vocabulary.ToStored();
        var stored = vocabulary.ToStored(SearchIndex.WordsOf(vocabulary, "transformers", [], ""));

        var next = SearchVocabulary.FromStored(Reader(kept));
        Assert.Equal(1, next.StoredCount);
        Assert.Throws<InvalidDataException>(() => next.WordsFromStored(stored));
    }

    [Fact]
    public void APapersWordsCutShortDoNotRead()
    {
        var vocabulary = new SearchVocabulary();
        var stored = vocabulary.ToStored(SearchIndex.WordsOf(vocabulary, new string('x', 64), [], string.Join(' ', Enumerable.Range(0, 20).Select(i => $"w{i}"))));
        var next = SearchVocabulary.FromStored(Reader(vocabulary.ToStored()));
        Assert.Equal(21, next.WordsFromStored(stored).Length);

        for (var length = 0; length < stored.Length; length++)
        {
            Assert.Throws<InvalidDataException>(() => next.WordsFromStored(stored.AsSpan(0, length)));
        }
    }

    [Fact]
    public void AVocabularyWithAWordTwiceDoesNotRead()
    {
        // Its name, two words, each after its length: "diffusion" twice, which no vocabulary writes.
        byte[] kept = [.. BitConverter.GetBytes(42UL), 2, 9, .. "diffusion"u8, 9, .. "diffusion"u8];

        byte[] once = [.. BitConverter.GetBytes(42UL), 1, 9, .. "diffusion"u8];

        Assert.Throws<InvalidDataException>(() => SearchVocabulary.FromStored(Reader(kept)));
        Assert.Equal("diffusion", SearchVocabulary.FromStored(Reader(once)).WordOf(0));
    }

    private static BinaryReader Reader(byte[] bytes) => new(new MemoryStream(bytes));

    private static (string Word, int Fields)[] Named(SearchVocabulary vocabulary, int[] words) =>
        [.. words.Select(entry => (vocabulary.WordOf(entry >> 3), entry & 7))];
}

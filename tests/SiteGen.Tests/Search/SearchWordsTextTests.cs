using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SiteGen.Search;

namespace SiteGen.Tests.Search;

/// <summary>
/// A paper's words as text, as the cache's store keeps them for the next process: read back into another vocabulary,
/// they are the same words, with the same fields, in the same order, as finding them in the paper again.
/// </summary>
public sealed class SearchWordsTextTests
{
    /// <summary>Words of several scripts, a word that folds (Café), one 64 letters long, a URL, a stop word and separators.</summary>
    private static readonly Gen<string> Texts =
        Gen.Elements("Diffusion", "café", "ΛΌΓΟΣ", "模型", "𝒳-net", "naïve", "the", "x", new string('a', 64), "https://github.com/a", " ", "-", ". ", "\n")
            .ListOf()
            .Select(pieces => string.Concat(pieces));

    [Property(MaxTest = 500)]
    public Property ReadBackIntoAnotherVocabularyAreTheWordsFoundAgain() =>
        Prop.ForAll(Arb.From(Texts), Arb.From(Texts), Arb.From(Texts), (title, tag, text) =>
        {
            var (found, inOther) = (new SearchVocabulary(), new SearchVocabulary());
            inOther.NumberOf("unrelated"); // numbers differ between the two vocabularies
            var (words, stored) = SearchIndex.WordsAndTextOf(found, title, [tag], text);
            var read = SearchIndex.WordsFrom(inOther, stored);
            return (Named(found, words).SequenceEqual(Named(inOther, read))
                    && SearchIndex.WordsOf(new SearchVocabulary(), title, [tag], text).Length == words.Length)
                .Label($"title '{title}', tag '{tag}', text '{text}'");
        });

    [Fact]
    public void TheTextIsEachWordsFieldsLengthAndUtf8()
    {
        var vocabulary = new SearchVocabulary();
        var (_, stored) = SearchIndex.WordsAndTextOf(vocabulary, "Café", [], "café models");

        // Met in the abstract first: "cafe" (abstract and title), then "models" (abstract).
        byte[] expected = [(byte)(SearchFields.Abstract | SearchFields.Title), 4, .. "cafe"u8, (byte)SearchFields.Abstract, 6, .. "models"u8];
        Assert.Equal(expected, stored);
    }

    private static (string Word, int Fields)[] Named(SearchVocabulary vocabulary, int[] words) =>
        [.. words.Select(entry => (vocabulary.WordOf(entry >> 3), entry & 7))];
}

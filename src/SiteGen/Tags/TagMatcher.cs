using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace SiteGen.Tags;

/// <summary>
/// Gives papers the tags whose phrases they use. Built once from a <see cref="TagVocabulary"/>; immutable and
/// safe to share across threads.
/// </summary>
/// <remarks>
/// <para>
/// A phrase matches when its words occur one after another in the title or in the text, as whole words,
/// ignoring case. Words are runs of letters and digits (and combining marks); everything else separates
/// them. So hyphens are spaces: the phrase "fine-tuning" matches "fine-tuning", "Fine-Tuning" and
/// "fine tuning", and the phrase "fine tuning" matches them too, but neither matches "finetuning" (write
/// that spelling as a phrase of its own). A phrase never matches part of a word: "nas" does not match
/// "dynasty". Sentence punctuation (. , ; : ! ?) and brackets end a phrase: "graph neural" does not match
/// "graph. Neural". A phrase never runs from the title into the text. Plurals are not guessed.
/// </para>
/// <para>
/// The text is split into words once; each word is looked up among the phrases' first words, and only the
/// phrases starting with it are compared further. The cost grows with the length of the text, not with the
/// number of phrases.
/// </para>
/// </remarks>
internal sealed class TagMatcher
{
    /// <summary>Up to this many tags, the per-call "already matched" flags live on the stack.</summary>
    private const int StackFlags = 256;

    private readonly ImmutableArray<string> slugs;
    private readonly FrozenDictionary<string, Phrase[]> byFirstWord;
    private readonly FrozenDictionary<string, Phrase[]>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly FirstWordFilter firstWords;

    public TagMatcher(TagVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        Vocabulary = vocabulary;
        slugs = [.. vocabulary.Definitions.Select(definition => definition.Slug)];
        var phrases = new Dictionary<string, List<Phrase>>(StringComparer.Ordinal);
        for (var tag = 0; tag < vocabulary.Definitions.Length; tag++)
        {
            foreach (var text in vocabulary.Definitions[tag].Match)
            {
                if (Phrase.Create(tag, text) is not { } phrase)
                {
                    continue; // no words: it could never match (the vocabulary file refuses such phrases)
                }
                if (!phrases.TryGetValue(phrase.Tokens[0], out var list))
                {
                    phrases.Add(phrase.Tokens[0], list = []);
                }
                list.Add(phrase);
            }
        }
        byFirstWord = phrases.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
        lookup = byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        firstWords = new FirstWordFilter(byFirstWord.Keys);
    }

    public TagVocabulary Vocabulary { get; }

    /// <summary>The slugs of the tags whose phrases occur in the title or the text, in vocabulary order.</summary>
    public ImmutableArray<string> Match(string title, string text)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(text);
        if (slugs.IsEmpty)
        {
            return [];
        }
        Span<bool> matched = slugs.Length <= StackFlags ? stackalloc bool[slugs.Length] : new bool[slugs.Length];
        matched.Clear();
        var found = Scan(title, matched, 0);
        found = Scan(text, matched, found);
        if (found == 0)
        {
            return [];
        }
        var result = new string[found];
        for (int tag = 0, next = 0; next < found; tag++)
        {
            if (matched[tag])
            {
                result[next++] = slugs[tag];
            }
        }
        // The array is never seen by anyone else, so it can become the immutable array without a copy.
        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    /// <summary>
    /// The tags of <paramref name="paper"/>: its own, then those its title, abstract or keywords (the API's
    /// <c>ai_keywords</c>, each read as a sentence of its own) match.
    /// </summary>
    public ImmutableArray<string> Apply(Papers.Paper paper) =>
        Apply(paper.Tags, paper.Title, paper.Keywords.IsDefaultOrEmpty ? paper.Body : paper.Body + "\n\n" + string.Join(".\n", paper.Keywords) + ".");

    /// <summary>
    /// The tags of a paper: its own tags first (a hand-written page's <c>tags:</c>, kept as written, even those
    /// the vocabulary does not know), then the matched ones, each once.
    /// </summary>
    public ImmutableArray<string> Apply(ImmutableArray<string> ownTags, string title, string text)
    {
        var matched = Match(title, text);
        if (ownTags.IsDefaultOrEmpty)
        {
            return matched;
        }
        var seen = new HashSet<string>(ownTags.Length + matched.Length, StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<string>(ownTags.Length + matched.Length);
        foreach (var tag in ownTags)
        {
            if (seen.Add(tag))
            {
                result.Add(tag);
            }
        }
        foreach (var tag in matched)
        {
            if (seen.Add(tag))
            {
                result.Add(tag);
            }
        }
        return result.DrainToImmutable();
    }

    /// <summary>Sets the flags of the tags matched in <paramref name="text"/>; returns how many are set in all.</summary>
    private int Scan(string text, Span<bool> matched, int found)
    {
        if (text.Length == 0 || found == matched.Length)
        {
            return found;
        }
        var chars = ArrayPool<char>.Shared.Rent(Words.MaxChars(text.Length));
        var words = ArrayPool<Words.Word>.Shared.Rent(Words.MaxWords(text.Length));
        try
        {
            var count = Words.Split(text, chars, words);
            for (var i = 0; i < count; i++)
            {
                var first = chars.AsSpan(words[i].Start, words[i].Length);
                if (!firstWords.MayStartAPhrase(first) || !lookup.TryGetValue(first, out var candidates))
                {
                    continue;
                }
                foreach (var phrase in candidates)
                {
                    if (!matched[phrase.Tag] && phrase.MatchesAt(chars, words.AsSpan(i, count - i)))
                    {
                        matched[phrase.Tag] = true;
                        if (++found == matched.Length)
                        {
                            return found;
                        }
                    }
                }
            }
            return found;
        }
        finally
        {
            ArrayPool<Words.Word>.Shared.Return(words);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>One phrase of one tag, split into lowercase words.</summary>
    private sealed class Phrase(int tag, string[] words, bool[] afterBreak)
    {
        public int Tag { get; } = tag;

        public string[] Tokens { get; } = words;

        public static Phrase? Create(int tag, string text)
        {
            var chars = new char[Words.MaxChars(text.Length)];
            var split = new Words.Word[Words.MaxWords(text.Length)];
            var count = Words.Split(text, chars, split);
            if (count == 0)
            {
                return null;
            }
            var words = new string[count];
            var afterBreak = new bool[count];
            for (var i = 0; i < count; i++)
            {
                words[i] = new string(chars, split[i].Start, split[i].Length);
                afterBreak[i] = split[i].AfterBreak;
            }
            return new Phrase(tag, words, afterBreak);
        }

        /// <summary>
        /// True when the text's words, from the first one (already known to equal this phrase's first word),
        /// are this phrase's words with the same breaks between them.
        /// </summary>
        public bool MatchesAt(char[] chars, ReadOnlySpan<Words.Word> text)
        {
            if (text.Length < Tokens.Length)
            {
                return false;
            }
            for (var k = 1; k < Tokens.Length; k++)
            {
                var word = text[k];
                if (word.AfterBreak != afterBreak[k] || !chars.AsSpan(word.Start, word.Length).SequenceEqual(Tokens[k]))
                {
                    return false;
                }
            }
            return true;
        }
    }
}

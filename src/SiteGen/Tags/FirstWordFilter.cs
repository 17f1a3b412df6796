namespace SiteGen.Tags;

/// <summary>
/// A quick "certainly not" for words that no phrase starts with, asked before the dictionary lookup: four
/// words in five of an abstract ("the", "of", "results") start no phrase, and a bit test costs a fraction of
/// hashing the word. Immutable once built, so safe to share across threads.
/// </summary>
/// <remarks>
/// A word's bit comes from its length and its first and last characters. A word that shares its bit with a
/// phrase's first word goes on to the lookup, so the filter can let a word through needlessly but never hides
/// a match.
/// </remarks>
internal sealed class FirstWordFilter
{
    /// <summary>4 bits of the length, 5 of the first character and 5 of the last: 2 KB, one bit per combination.</summary>
    private const int BitCount = 1 << 14;

    private readonly ulong[] bits = new ulong[BitCount / 64];

    /// <param name="firstWords">The first words of the phrases, lowercase, none empty.</param>
    public FirstWordFilter(IEnumerable<string> firstWords)
    {
        foreach (var word in firstWords)
        {
            var bit = BitOf(word);
            bits[bit >> 6] |= 1UL << bit;
        }
    }

    /// <summary>False when no phrase starts with <paramref name="word"/> (lowercase, not empty).</summary>
    public bool MayStartAPhrase(ReadOnlySpan<char> word)
    {
        var bit = BitOf(word);
        return (bits[bit >> 6] & (1UL << bit)) != 0; // a shift by a ulong's bit count wraps to bit % 64
    }

    private static int BitOf(ReadOnlySpan<char> word) =>
        (word.Length & 0xF) << 10 | (word[0] & 0x1F) << 5 | (word[^1] & 0x1F);
}

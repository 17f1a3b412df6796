using System.Buffers.Binary;
using System.Collections.Concurrent;
using SiteGen.Engine;

namespace SiteGen.Search;

/// <summary>
/// Numbers the words of the search index, so papers can keep their words as small integers. A preview session
/// keeps one for all its builds: a word keeps its number, and words no paper has any more are simply not written.
/// Thread-safe: a word already numbered is found without a lock (every core splits papers at once, and nearly every
/// word of a paper is known by then); only a new word takes one.
/// <para>
/// A new process reads the vocabulary the last one kept in the cache's store (<see cref="FromStored"/>), so that the
/// papers' words it stored as numbers read back as they are, with no word looked up. A vocabulary only grows: a number
/// the store's copy had stays that word's, and the copy kept next is the same one, longer, under the same
/// <see cref="Name"/>.
/// </para>
/// </summary>
internal sealed class SearchVocabulary
{
    private readonly ConcurrentDictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Lock _adding = new();
    private readonly List<string> _words;
    private int[]? _inOrder;

    public SearchVocabulary()
        : this((ulong)Random.Shared.NextInt64(), [])
    {
    }

    private SearchVocabulary(ulong name, List<string> words)
    {
        _lookup = _numbers.GetAlternateLookup<ReadOnlySpan<char>>();
        Name = name;
        _words = words;
        StoredCount = words.Count;
        for (var number = 0; number < words.Count; number++)
        {
            if (!_numbers.TryAdd(words[number], number))
            {
                throw new InvalidDataException($"the word '{words[number]}' twice");
            }
        }
    }

    /// <summary>
    /// Which numbering this is: a paper's words stored as numbers (<see cref="ToStored(int[])"/>) count only under the
    /// same name. Drawn at random, so that two vocabularies never pass for one (a cache cleared, a vocabulary made anew).
    /// </summary>
    public ulong Name { get; }

    /// <summary>How many words the store's copy held when this one was read from it (0 for a new one): the numbers a record of the store can hold.</summary>
    public int StoredCount { get; }

    /// <summary>Its words in number order, after its <see cref="Name"/>: what <see cref="FromStored"/> reads.</summary>
    public byte[] ToStored()
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes))
        {
            writer.Write(Name);
            lock (_adding)
            {
                DocumentCodec.WriteTexts(writer, [.. _words]);
            }
        }
        return bytes.ToArray();
    }

    /// <summary>The vocabulary <see cref="ToStored()"/> wrote.</summary>
    /// <exception cref="InvalidDataException">It does not read (a word twice, a count past its end).</exception>
    public static SearchVocabulary FromStored(BinaryReader reader) => new(reader.ReadUInt64(), [.. DocumentCodec.ReadTexts(reader)]);

    /// <summary>A paper's words (<see cref="SearchIndex.WordsOf"/>) as the store keeps them: after this vocabulary's name, as numbers of it.</summary>
    public byte[] ToStored(int[] words)
    {
        using var bytes = new MemoryStream(9 + 3 * words.Length);
        using (var writer = new BinaryWriter(bytes))
        {
            writer.Write(Name);
            writer.Write7BitEncodedInt(words.Length);
            foreach (var word in words)
            {
                writer.Write7BitEncodedInt(word);
            }
        }
        return bytes.ToArray();
    }

    /// <summary>A paper's words <see cref="ToStored(int[])"/> wrote, numbered by this very vocabulary as the store holds it.</summary>
    /// <exception cref="InvalidDataException">Numbered by another vocabulary, or by words the store's copy does not hold.</exception>
    public int[] WordsFromStored(ReadOnlySpan<byte> stored)
    {
        // Read from the span rather than through a BinaryReader, whose byte at a time cost more than the rest of the reading.
        if (stored.Length < sizeof(ulong) || BinaryPrimitives.ReadUInt64LittleEndian(stored) != Name)
        {
            throw new InvalidDataException("numbered by another vocabulary");
        }
        var at = sizeof(ulong);
        var count = Text.VarInts.Read(stored, ref at);
        if (count > stored.Length - at)
        {
            throw new InvalidDataException("more words than bytes");
        }
        var words = new int[count];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = Text.VarInts.Read(stored, ref at);
            if (words[i] >> SearchIndex.FieldBits >= StoredCount)
            {
                throw new InvalidDataException("a word the stored vocabulary does not hold");
            }
        }
        return words;
    }

    public int Count
    {
        get
        {
            lock (_adding)
            {
                return _words.Count;
            }
        }
    }

    public int NumberOf(ReadOnlySpan<char> word)
    {
        if (_lookup.TryGetValue(word, out var number))
        {
            return number;
        }
        lock (_adding)
        {
            if (!_lookup.TryGetValue(word, out number))
            {
                number = _words.Count;
                var text = word.ToString();
                // The word first, then its number: whoever finds the number can look the word up.
                _words.Add(text);
                _numbers[text] = number;
                _inOrder = null;
            }
            return number;
        }
    }

    public bool TryNumberOf(string word, out int number) => _numbers.TryGetValue(word, out number);

    public string WordOf(int number)
    {
        lock (_adding)
        {
            return _words[number];
        }
    }

    /// <summary>Every word's number, the words in ordinal (UTF-16 code unit) order; sorted again only when words were added.</summary>
    public int[] NumbersInOrder()
    {
        lock (_adding)
        {
            if (_inOrder is null)
            {
                _inOrder = [.. Enumerable.Range(0, _words.Count)];
                var words = _words;
                Array.Sort(_inOrder, (a, b) => string.CompareOrdinal(words[a], words[b]));
            }
            return _inOrder;
        }
    }
}

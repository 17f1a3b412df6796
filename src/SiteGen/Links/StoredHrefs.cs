using System.Text;

namespace SiteGen.Links;

/// <summary>
/// The hrefs of a page links file, each made a string the first time it is asked for (<see cref="PageLinksFile"/>): a
/// build that keeps its pages needs few or none of them (10,000 papers have 32,000: with the arrays of each page's links
/// made of them, half of what reading the file allocated). Each href is one string however often it is asked for, as
/// the link check's tables need.
/// </summary>
internal sealed class StoredHrefs : IReadOnlyList<string>
{
    private readonly byte[] _file;
    private readonly int[] _starts;
    private readonly int[] _lengths;
    private readonly string?[] _strings;
    private readonly int _begin;
    private readonly int _end;

    private StoredHrefs(byte[] file, int[] starts, int[] lengths, int begin, int end) =>
        (_file, _starts, _lengths, _strings, _begin, _end) = (file, starts, lengths, new string?[starts.Length], begin, end);

    /// <summary>
    /// Reads the count and the hrefs (each as <see cref="BinaryWriter.Write(string)"/> writes it) from a reader of
    /// <paramref name="file"/>, the whole file, checking they are UTF-8; the reader ends after the last.
    /// </summary>
    public static StoredHrefs Read(BinaryReader reader, byte[] file)
    {
        var count = reader.Read7BitEncodedInt();
        if (count < 0 || count > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw new InvalidDataException("a count past the end of the file");
        }
        var (starts, lengths) = (new int[count], new int[count]);
        var begin = (int)reader.BaseStream.Position;
        for (var i = 0; i < count; i++)
        {
            var length = reader.Read7BitEncodedInt();
            var start = (int)reader.BaseStream.Position;
            if (length < 0 || length > reader.BaseStream.Length - start)
            {
                throw new EndOfStreamException();
            }
            (starts[i], lengths[i]) = (start, length);
            reader.BaseStream.Position = start + length;
        }
        var end = (int)reader.BaseStream.Position;
        // Checked once here, as decoding each would have: a file that is not UTF-8 is no file.
        if (!System.Text.Unicode.Utf8.IsValid(file.AsSpan(begin, end - begin)))
        {
            throw new InvalidDataException("hrefs that are not UTF-8");
        }
        return new StoredHrefs(file, starts, lengths, begin, end);
    }

    public int Count => _starts.Length;

    public string this[int index] =>
        Volatile.Read(ref _strings[index]) ?? Interlocked.CompareExchange(ref _strings[index], Decode(index), null) ?? _strings[index]!;

    /// <summary><paramref name="number"/> when it numbers one of the hrefs; a number past them is an edited file.</summary>
    public int NumberOf(int number) => (uint)number < (uint)_starts.Length ? number : throw new InvalidDataException("a link number past the hrefs");

    /// <summary>
    /// Gives each href of <paramref name="numbers"/> still numbered -1 the number of its first place in this list, if it
    /// has one: each of the list's hrefs is compared as it lies in the file, no string made of it.
    /// </summary>
    public void Find(Dictionary<string, int> numbers)
    {
        var lookup = numbers.GetAlternateLookup<ReadOnlySpan<char>>();
        var chars = System.Buffers.ArrayPool<char>.Shared.Rent(256);
        try
        {
            for (var i = 0; i < _starts.Length; i++)
            {
                var bytes = _file.AsSpan(_starts[i], _lengths[i]);
                if (chars.Length < bytes.Length)
                {
                    System.Buffers.ArrayPool<char>.Shared.Return(chars);
                    chars = System.Buffers.ArrayPool<char>.Shared.Rent(bytes.Length); // UTF-8 never has fewer bytes than chars
                }
                var text = chars.AsSpan(0, Encoding.UTF8.GetChars(bytes, chars));
                if (lookup.TryGetValue(text, out var href, out var number) && number < 0)
                {
                    numbers[href] = i;
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary><paramref name="length"/> bytes of the file from <paramref name="start"/> (a page's link numbers, <see cref="PageLinks"/>).</summary>
    public ReadOnlySpan<byte> Bytes(int start, int length) => _file.AsSpan(start, length);

    /// <summary>The hrefs as the file holds them, each after its length: to be written again as they are.</summary>
    public ReadOnlySpan<byte> Encoded => _file.AsSpan(_begin, _end - _begin);

    private string Decode(int index) => Encoding.UTF8.GetString(_file, _starts[index], _lengths[index]);

    public IEnumerator<string> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

using System.Text;

namespace SiteGen.Text;

/// <summary>
/// A text kept as UTF-8 and made a string only when it is read as one: the bytes the cache's store kept, or a stretch of
/// a <see cref="TextFile"/> a one-off build wrote it to. A rebuild in a new process reads every unchanged paper back, and
/// most of their abstracts are never looked at: decoded at once, they were 41 MB of strings at 10,000 papers. A cold build
/// holds every paper while its pages are written, and the abstracts as strings were a third of what it held. Written,
/// hashed or put in papers.json, the bytes serve as they are.
/// </summary>
internal sealed class StoredText
{
    private readonly byte[]? _utf8;
    private readonly TextFile? _file;
    private readonly long _offset;
    private readonly int _byteCount;
    private string? _text;
    private int _length = -1;
    // Kept as the number, not as its text: a string each was 17 MB held at 100,000 papers (an abstract and an excerpt each).
    private UInt128 _hash;
    private bool _hashed;

    public StoredText(byte[] utf8)
    {
        _utf8 = utf8;
        _byteCount = utf8.Length;
    }

    /// <summary>A text <paramref name="file"/> holds at <paramref name="offset"/>; <paramref name="length"/> is its length as a string, -1 if not known.</summary>
    internal StoredText(TextFile file, long offset, int byteCount, int length)
    {
        _file = file;
        _offset = offset;
        _byteCount = byteCount;
        _length = length;
    }

    /// <summary>The text as UTF-8, the very array of one in memory (not to be changed), a new one read from a file.</summary>
    public byte[] Bytes()
    {
        if (_utf8 is not null)
        {
            return _utf8;
        }
        var bytes = new byte[_byteCount];
        _file!.Read(_offset, bytes);
        return bytes;
    }

    /// <summary>
    /// The text. Bytes in memory are decoded once, by the first to ask (a race decodes twice, to equal strings); a text in
    /// a file is read and decoded each time, so that no string of it is held.
    /// </summary>
    public string Text => _utf8 is null ? WithBytes(Encoding.UTF8.GetString) : _text ??= Encoding.UTF8.GetString(_utf8);

    /// <summary>What <paramref name="use"/> makes of the bytes: those in memory, or those in the file read into a borrowed array.</summary>
    private T WithBytes<T>(Func<ReadOnlySpan<byte>, T> use) => WithBytes(use, static (use, bytes) => use(bytes));

    /// <summary>
    /// <see cref="WithBytes{T}(Func{ReadOnlySpan{byte}, T})"/> with <paramref name="state"/> handed to <paramref name="use"/>,
    /// for a caller asked for every paper (writing a stored text out), whose closure each time was garbage.
    /// </summary>
    private T WithBytes<TState, T>(TState state, Func<TState, ReadOnlySpan<byte>, T> use)
    {
        if (_utf8 is not null)
        {
            return use(state, _utf8);
        }
        var bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(_byteCount);
        try
        {
            var span = bytes.AsSpan(0, _byteCount);
            _file!.Read(_offset, span);
            return use(state, span);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>True once <see cref="Text"/> was asked for and kept.</summary>
    internal bool Decoded => _text is not null;

    /// <summary>Its length as a string has it (UTF-16 code units), without making the string.</summary>
    public int Length => _text?.Length ?? (_length >= 0 ? _length : _length = WithBytes(Encoding.UTF8.GetCharCount));

    /// <summary>
    /// A hash of <paramref name="text"/> as UTF-8 (of <paramref name="stored"/>'s bytes when there are some): the same for a
    /// text read from a capture and for the same text read back from the store, for the keys of what is made from it.
    /// </summary>
    public static UInt128 HashOf(StoredText? stored, string text)
    {
        if (stored is not null)
        {
            // Kept: each paper's is asked for by more than one step. A race hashes twice, to the same number.
            if (!Volatile.Read(ref stored._hashed))
            {
                stored._hash = stored.WithBytes(bytes => System.IO.Hashing.XxHash128.HashToUInt128(bytes));
                Volatile.Write(ref stored._hashed, true);
            }
            return stored._hash;
        }
        var bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            return System.IO.Hashing.XxHash128.HashToUInt128(bytes.AsSpan(0, Encoding.UTF8.GetBytes(text, bytes)));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Reads what <see cref="BinaryWriter.Write(string)"/> wrote, as its bytes.</summary>
    public static StoredText Read(BinaryReader reader)
    {
        var length = reader.Read7BitEncodedInt();
        var bytes = length >= 0 ? reader.ReadBytes(length) : throw new InvalidDataException("a negative length");
        return bytes.Length == length ? new StoredText(bytes) : throw new EndOfStreamException();
    }

    /// <summary>Writes the text as <see cref="BinaryWriter.Write(string)"/> would, from its bytes.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write7BitEncodedInt(_byteCount);
        WithBytes(writer, static (writer, bytes) =>
        {
            writer.Write(bytes);
            return true;
        });
    }
}

using System.Text;
using SiteGen.Engine;

namespace SiteGen.Text;

/// <summary>
/// A text kept as UTF-8 and made a string only when it is read as one: the bytes the cache's store kept, or a stretch of
/// a file (<see cref="IByteFile"/>): a <see cref="TextFile"/> a one-off build wrote it to, or the store's own file, which a
/// one-off rebuild reads its unchanged papers' abstracts from when a page needs them rather than copying every one into
/// memory (at 100,000 papers 200 MB, an eighth of what a daily update allocated). A rebuild in a new process reads every
/// unchanged paper back, and most of their abstracts are never looked at: decoded at once, they were 41 MB of strings at
/// 10,000 papers. A cold build holds every paper while its pages are written, and the abstracts as strings were a third
/// of what it held. Written, hashed or put in papers.json, the bytes serve as they are.
/// </summary>
internal sealed class StoredText
{
    private readonly byte[]? _utf8;
    private readonly IByteFile? _file;
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
    internal StoredText(IByteFile file, long offset, int byteCount, int length)
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

    /// <summary>
    /// Reads what <see cref="Write(BinaryWriter)"/> wrote: the text's bytes, left where they are when the reader lends them
    /// (<see cref="IStoredBytesReader"/>: a one-off rebuild's store), else copied; then its length as a string and its
    /// hash, so that neither needs the bytes read.
    /// </summary>
    public static StoredText Read(BinaryReader reader)
    {
        var byteCount = reader.Read7BitEncodedInt();
        if (byteCount < 0)
        {
            throw new InvalidDataException("a negative length");
        }
        StoredText text;
        if (reader is IStoredBytesReader lender && lender.TryLend(byteCount, out var file, out var offset))
        {
            text = new StoredText(file, offset, byteCount, length: -1);
        }
        else
        {
            var bytes = reader.ReadBytes(byteCount);
            text = bytes.Length == byteCount ? new StoredText(bytes) : throw new EndOfStreamException();
        }
        var length = reader.Read7BitEncodedInt();
        // UTF-8 takes one to three bytes for each UTF-16 unit.
        text._length = length <= byteCount && length * 3L >= byteCount ? length : throw new InvalidDataException("a length its bytes cannot have");
        text._hash = new UInt128(reader.ReadUInt64(), reader.ReadUInt64());
        text._hashed = true;
        return text;
    }

    /// <summary>
    /// Writes the text's bytes after their count, then its length as a string and its hash (<see cref="Read"/>); into a
    /// store key, the count and the hash alone (<see cref="StoreKeyWriter"/>).
    /// </summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write7BitEncodedInt(_byteCount);
        if (writer is StoreKeyWriter)
        {
            WriteHash(writer, HashOf(this, ""));
            return;
        }
        var (length, hash) = WithBytes((writer, text: this), static (s, bytes) =>
        {
            s.writer.Write(bytes);
            return (s.text._length >= 0 ? s.text._length : Encoding.UTF8.GetCharCount(bytes),
                Volatile.Read(ref s.text._hashed) ? s.text._hash : System.IO.Hashing.XxHash128.HashToUInt128(bytes));
        });
        WriteLengthAndHash(writer, length, hash);
    }

    /// <summary>Writes <paramref name="text"/> as <see cref="Write(BinaryWriter)"/> writes a stored text of it.</summary>
    public static void Write(BinaryWriter writer, string text)
    {
        var bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var utf8 = bytes.AsSpan(0, Encoding.UTF8.GetBytes(text, bytes));
            writer.Write7BitEncodedInt(utf8.Length);
            if (writer is StoreKeyWriter)
            {
                WriteHash(writer, System.IO.Hashing.XxHash128.HashToUInt128(utf8));
                return;
            }
            writer.Write(utf8);
            WriteLengthAndHash(writer, text.Length, System.IO.Hashing.XxHash128.HashToUInt128(utf8));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static void WriteLengthAndHash(BinaryWriter writer, int length, UInt128 hash)
    {
        writer.Write7BitEncodedInt(length);
        WriteHash(writer, hash);
    }

    private static void WriteHash(BinaryWriter writer, UInt128 hash)
    {
        writer.Write((ulong)(hash >> 64));
        writer.Write((ulong)hash);
    }
}

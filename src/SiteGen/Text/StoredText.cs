using System.Text;

namespace SiteGen.Text;

/// <summary>
/// A text as the cache's store keeps it, UTF-8, made a string only when it is read as one. A rebuild in a new process
/// reads every unchanged paper back, and most of their abstracts are never looked at: decoded at once, they were 41 MB of
/// strings at 10,000 papers. Written, hashed or put in papers.json, the bytes serve as they are.
/// </summary>
internal sealed class StoredText(byte[] utf8)
{
    private string? _text;

    public ReadOnlySpan<byte> Utf8 => utf8;

    /// <summary>The text; decoded once, by the first to ask (a race decodes twice, to equal strings).</summary>
    public string Text => _text ??= Encoding.UTF8.GetString(utf8);

    /// <summary>True once <see cref="Text"/> was asked for.</summary>
    internal bool Decoded => _text is not null;

    /// <summary>Its length as a string has it (UTF-16 code units), without making the string.</summary>
    public int Length => _text?.Length ?? Encoding.UTF8.GetCharCount(utf8);

    /// <summary>
    /// A hash of <paramref name="text"/> as UTF-8 (of <paramref name="stored"/>'s bytes when there are some), in hex: the
    /// same for a text read from a capture and for the same text read back from the store, for the keys of what is made
    /// from it.
    /// </summary>
    public static string HashOf(StoredText? stored, string text)
    {
        if (stored is not null)
        {
            return $"{System.IO.Hashing.XxHash128.HashToUInt128(stored.Utf8):x32}";
        }
        var bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            return $"{System.IO.Hashing.XxHash128.HashToUInt128(bytes.AsSpan(0, Encoding.UTF8.GetBytes(text, bytes))):x32}";
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
        writer.Write7BitEncodedInt(utf8.Length);
        writer.Write(utf8);
    }
}

using System.Collections.Immutable;
using System.IO.Hashing;
using System.Text;

namespace SiteGen.Engine;

/// <summary>
/// A module's outputs for one input as the <see cref="DocumentStore"/> keeps them: the warnings and notes they raised,
/// then each output written beside the input (<see cref="DocumentCodec"/>); and the key they are kept under, a hash of
/// the module and of the input's bytes.
/// </summary>
internal static class StoredEntries
{
    /// <summary>One buffer per thread: modules store thousands of entries at once, in parallel.</summary>
    [ThreadStatic]
    private static MemoryStream? t_buffer;

    private static (MemoryStream Buffer, BinaryWriter Writer) Start()
    {
        var buffer = t_buffer ??= new MemoryStream();
        buffer.SetLength(0);
        return (buffer, new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true));
    }

    /// <summary>One writer of keys per thread, with its buffer: every module asks for a key for every document.</summary>
    [ThreadStatic]
    private static StoreKeyWriter? t_keys;

    public static UInt128 KeyOf(string module, Document input, DocumentCodec codec)
    {
        var writer = t_keys ??= new StoreKeyWriter();
        var buffer = (MemoryStream)writer.BaseStream;
        buffer.SetLength(0);
        writer.Write(module);
        codec.Write(writer, input, null);
        writer.Flush();
        return XxHash128.HashToUInt128(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    public static byte[] Encode(DocumentCache.Entry entry, Document input, DocumentCodec codec)
    {
        var (buffer, writer) = Start();
        DocumentCodec.WriteTexts(writer, entry.Warnings);
        DocumentCodec.WriteTexts(writer, entry.Notes);
        writer.Write7BitEncodedInt(entry.Outputs.Length);
        foreach (var output in entry.Outputs)
        {
            codec.Write(writer, output, input);
        }
        writer.Flush();
        return buffer.ToArray();
    }

    /// <summary>The entry <paramref name="payload"/> holds; null when it does not read (it is then made again).</summary>
    /// <param name="place">The store and where in it the payload was read from, if the reader may lend stretches of it.</param>
    public static DocumentCache.Entry? TryRead(ArraySegment<byte> payload, Document input, DocumentCodec codec, (IByteFile File, long At)? place = null)
    {
        try
        {
            using var reader = new PayloadReader(payload, place);
            var warnings = DocumentCodec.ReadTexts(reader);
            var notes = DocumentCodec.ReadTexts(reader);
            var outputs = new Document[reader.Read7BitEncodedInt()];
            for (var i = 0; i < outputs.Length; i++)
            {
                outputs[i] = codec.Read(reader, input);
            }
            return new DocumentCache.Entry(outputs, warnings, notes);
        }
        catch (Exception exception) when (exception is InvalidDataException or EndOfStreamException or FormatException or KeyNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// A reader of one stored entry that decodes a text straight from the entry's bytes: BinaryReader's own way, through
    /// a small buffer and a StringBuilder for any text longer than it, took a third of a rebuild's reading of the store.
    /// </summary>
    private sealed class PayloadReader(ArraySegment<byte> payload, (IByteFile File, long At)? place)
        : BinaryReader(new MemoryStream(payload.Array!, payload.Offset, payload.Count, writable: false), Encoding.UTF8), IStoredBytesReader
    {
        public bool TryLend(int count, out IByteFile file, out long offset)
        {
            var start = (int)BaseStream.Position;
            if (place is not { } from || count < 0 || count > payload.Count - start)
            {
                (file, offset) = (null!, 0);
                return false;
            }
            BaseStream.Position = start + count;
            (file, offset) = (from.File, from.At + start);
            return true;
        }

        public override string ReadString()
        {
            var length = Read7BitEncodedInt();
            var start = (int)BaseStream.Position;
            if (length < 0 || length > payload.Count - start)
            {
                throw new EndOfStreamException();
            }
            BaseStream.Position = start + length;
            return Encoding.UTF8.GetString(payload.AsSpan(start, length));
        }
    }
}

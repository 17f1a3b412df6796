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
        var reader = PayloadReader.Over(payload, place);
        try
        {
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
        finally
        {
            reader.Release();
        }
    }

    /// <summary>What <paramref name="decode"/> reads from <paramref name="stored"/>, through this thread's reader of stored bytes.</summary>
    public static T Read<T>(ArraySegment<byte> stored, Func<BinaryReader, T> decode)
    {
        var reader = PayloadReader.Over(stored, place: null);
        try
        {
            return decode(reader);
        }
        finally
        {
            reader.Release();
        }
    }

    /// <summary>
    /// A reader of one stored entry that decodes a text straight from the entry's bytes: BinaryReader's own way, through
    /// a small buffer and a StringBuilder for any text longer than it, took a third of a rebuild's reading of the store.
    /// One per thread, pointed at each entry in turn: a reader and a stream for each of the 300,000 entries a rebuild of
    /// 100,000 papers reads were 27 MB of its garbage.
    /// </summary>
    private sealed class PayloadReader : BinaryReader, IStoredBytesReader
    {
        [ThreadStatic]
        private static PayloadReader? t_idle;

        private readonly SegmentStream _stream;
        private (IByteFile File, long At)? _place;

        private PayloadReader(SegmentStream stream)
            : base(stream, Encoding.UTF8, leaveOpen: true) => _stream = stream;

        /// <summary>This thread's reader, pointed at <paramref name="payload"/>; <see cref="Release"/> gives it back.</summary>
        public static PayloadReader Over(ArraySegment<byte> payload, (IByteFile File, long At)? place)
        {
            var reader = t_idle ?? new PayloadReader(new SegmentStream());
            t_idle = null; // taken while in use: an entry read while another is gets a reader of its own
            reader._place = place;
            reader._stream.Point(payload);
            return reader;
        }

        /// <summary>Done with the entry: the reader lets go of its bytes and is this thread's again.</summary>
        public void Release()
        {
            _place = null;
            _stream.Point(default);
            t_idle = this;
        }

        public bool TryLend(int count, out IByteFile file, out long offset)
        {
            var start = (int)_stream.Position;
            if (_place is not { } from || count < 0 || count > _stream.Segment.Count - start)
            {
                (file, offset) = (null!, 0);
                return false;
            }
            _stream.Position = start + count;
            (file, offset) = (from.File, from.At + start);
            return true;
        }

        public override string ReadString()
        {
            var length = Read7BitEncodedInt();
            var start = (int)_stream.Position;
            if (length < 0 || length > _stream.Segment.Count - start)
            {
                throw new EndOfStreamException();
            }
            _stream.Position = start + length;
            return Encoding.UTF8.GetString(_stream.Segment.AsSpan(start, length));
        }
    }

    /// <summary>A read-only stream over a stretch of an array, which can be pointed at another (<see cref="PayloadReader"/>'s).</summary>
    private sealed class SegmentStream : Stream
    {
        private ArraySegment<byte> _segment;
        private int _position;

        public void Point(ArraySegment<byte> segment) => (_segment, _position) = (segment, 0);

        /// <summary>The bytes it reads.</summary>
        public ArraySegment<byte> Segment => _segment;

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => _segment.Count;

        public override long Position
        {
            get => _position;
            set => _position = value >= 0 && value <= _segment.Count ? (int)value : throw new ArgumentOutOfRangeException(nameof(value));
        }

        public override int Read(Span<byte> buffer)
        {
            var count = Math.Min(buffer.Length, _segment.Count - _position);
            _segment.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int ReadByte() => _position < _segment.Count ? _segment[_position++] : -1;

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => _segment.Count + offset,
        };

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

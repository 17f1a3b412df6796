using System.IO.Hashing;
using Microsoft.Win32.SafeHandles;
using SiteGen.Engine;

namespace SiteGen.Modules;

/// <summary>
/// Where each line of the last papers.json is, by the fingerprint of the paper it was made from
/// (<see cref="Site.DocumentCodecs.FingerprintOf"/>): a new process copies the line of a paper that did not change from
/// that file instead of writing it again as JSON, which was most of what writing papers.json cost (a tenth of a second
/// of a daily update at 100,000 papers). Kept in the cache's store (<see cref="DocumentCache.Keep"/>); each line also
/// with a hash of its bytes, so that a line the file no longer holds as it was (the file edited or gone) is made again.
/// </summary>
internal sealed class PapersJsonLines : IDisposable
{
    private const string Record = "papers.json lines";

    /// <summary>How much of the last file is read at once: a day's lines are mostly where they were, in the same order.</summary>
    private const int Window = 1 << 20;

    private readonly Dictionary<ulong, (long Offset, int Length, ulong Hash)> _lines;
    private readonly SafeFileHandle _file;
    private byte[] _window = new byte[Window];
    private long _windowStart;
    private int _windowLength;

    private PapersJsonLines(Dictionary<ulong, (long, int, ulong)> lines, SafeFileHandle file) => (_lines, _file) = (lines, file);

    /// <summary>The lines of the last papers.json, <paramref name="path"/>; null when none are kept, or the file is not there.</summary>
    public static PapersJsonLines? Open(DocumentCache documents, string path)
    {
        if (documents.Latest(Record, Read) is not { } lines)
        {
            return null;
        }
        try
        {
            return new PapersJsonLines(lines, File.OpenHandle(path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The line of the paper with <paramref name="fingerprint"/> in the last file, if it is there as it was written.</summary>
    /// <param name="hash">The line's hash, as <see cref="Written.Add"/> keeps it (a line copied is not hashed twice).</param>
    public bool TryFind(ulong fingerprint, out ReadOnlySpan<byte> line, out ulong hash)
    {
        line = default;
        hash = 0;
        if (fingerprint == 0 || !_lines.TryGetValue(fingerprint, out var at))
        {
            return false;
        }
        if (at.Offset < _windowStart || at.Offset + at.Length > _windowStart + _windowLength)
        {
            if (at.Length > _window.Length)
            {
                _window = new byte[at.Length];
            }
            _windowStart = at.Offset;
            _windowLength = RandomAccess.Read(_file, _window, at.Offset);
            if (at.Length > _windowLength)
            {
                return false; // the file is shorter than it was
            }
        }
        line = _window.AsSpan((int)(at.Offset - _windowStart), at.Length);
        hash = at.Hash;
        return XxHash3.HashToUInt64(line) == at.Hash;
    }

    public void Dispose() => _file.Dispose();

    /// <summary>Where each line of a papers.json being written goes, kept for the next process (<see cref="Keep"/>).</summary>
    internal sealed class Written(int count)
    {
        private readonly List<(ulong Fingerprint, long Offset, int Length, ulong Hash)> _lines = new(count);

        /// <summary>
        /// The line of the paper with <paramref name="fingerprint"/> (none known: 0) at <paramref name="offset"/>; its
        /// <paramref name="hash"/> when <see cref="TryFind"/> gave it, else hashed here.
        /// </summary>
        public void Add(ulong fingerprint, long offset, ReadOnlySpan<byte> line, ulong? hash = null) =>
            _lines.Add((fingerprint, offset, line.Length, hash ?? XxHash3.HashToUInt64(line)));

        public void Keep(DocumentCache documents) => documents.Keep(Record, ToBytes);

        private byte[] ToBytes()
        {
            using var bytes = new MemoryStream(_lines.Count * 24 + 8);
            using (var writer = new BinaryWriter(bytes))
            {
                writer.Write(_lines.Count);
                var end = 0L;
                foreach (var (fingerprint, offset, length, hash) in _lines)
                {
                    writer.Write(fingerprint);
                    writer.Write7BitEncodedInt64(offset - end);
                    writer.Write7BitEncodedInt(length);
                    writer.Write(hash);
                    end = offset + length;
                }
            }
            return bytes.ToArray();
        }
    }

    /// <summary>What <see cref="Written.Keep"/> kept: a count, then each line's fingerprint, offset after the last line's end, length and hash.</summary>
    private static Dictionary<ulong, (long, int, ulong)> Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > reader.BaseStream.Length / 10)
        {
            throw new InvalidDataException("more lines than bytes");
        }
        var lines = new Dictionary<ulong, (long, int, ulong)>(count);
        var end = 0L;
        for (var i = 0; i < count; i++)
        {
            var fingerprint = reader.ReadUInt64();
            var offset = end + reader.Read7BitEncodedInt64();
            var length = reader.Read7BitEncodedInt();
            var hash = reader.ReadUInt64();
            if (offset < end || length < 0)
            {
                throw new InvalidDataException("a line before the last one's end");
            }
            end = offset + length;
            if (fingerprint != 0)
            {
                lines.TryAdd(fingerprint, (offset, length, hash));
            }
        }
        return lines;
    }
}

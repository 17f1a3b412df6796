using System.Buffers;
using System.IO.Hashing;

namespace SiteGen.Site;

/// <summary>
/// A buffer writer that hashes what is written into it and keeps nothing: JSON goes straight into the
/// fingerprint, in small chunks, without building the whole text first.
/// </summary>
internal sealed class HashingBufferWriter : IBufferWriter<byte>
{
    private readonly XxHash3 _hash = new();
    private byte[] _buffer = new byte[4096];

    public ulong Value => _hash.GetCurrentHashAsUInt64();

    /// <summary>Starts a new hash, keeping the buffer: one writer per thread serves every page.</summary>
    public void Reset() => _hash.Reset();

    public void Advance(int count) => _hash.Append(_buffer.AsSpan(0, count));

    public Memory<byte> GetMemory(int sizeHint = 0) => Ensure(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => Ensure(sizeHint);

    private byte[] Ensure(int sizeHint)
    {
        if (sizeHint > _buffer.Length)
        {
            _buffer = new byte[Math.Max(sizeHint, _buffer.Length * 2)];
        }
        return _buffer;
    }
}

using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace SiteGen.Engine;

/// <summary>
/// A key for <see cref="DocumentCache.StoredOrMade{TState, T}"/>: a hash of what a value is, then of every input it is made
/// from, added in turn; a text after its length, so that two different lists never hash alike by their joins, a number as
/// its bytes. Compute the inputs first: the hash is one per thread (every paper's tags and words are keyed in each build,
/// and a new hash each time was much of a one-paper rebuild's garbage), so nothing that makes another key may run between
/// the start of this one and its <see cref="Value"/>.
/// </summary>
public readonly ref struct StoreKey
{
    [ThreadStatic]
    private static XxHash128? t_hash;

    private readonly XxHash128 _hash;

    /// <param name="what">What the value is: the first text hashed.</param>
    public StoreKey(string what)
    {
        _hash = t_hash ??= new XxHash128();
        _hash.Reset();
        Add(what);
    }

    public StoreKey Add(string text)
    {
        Add((long)text.Length);
        _hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
        return this;
    }

    /// <summary>Adds how many texts there are, then each.</summary>
    public StoreKey Add(ReadOnlySpan<string> texts)
    {
        Add((long)texts.Length);
        foreach (var text in texts)
        {
            Add(text);
        }
        return this;
    }

    public StoreKey Add(long number)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, number);
        _hash.Append(bytes);
        return this;
    }

    public StoreKey Add(UInt128 number)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(bytes, number);
        _hash.Append(bytes);
        return this;
    }

    public UInt128 Value => _hash.GetCurrentHashAsUInt128();
}

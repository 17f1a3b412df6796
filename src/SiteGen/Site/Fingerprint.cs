using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace SiteGen.Site;

/// <summary>
/// A stable 64-bit hash of the inputs of a page (XxHash3): the same inputs give the same fingerprint in
/// every process, so a rebuild can tell from the cache alone that a page would come out the same.
/// Each value is written with its length or a marker, so ("ab", "c") and ("a", "bc") differ.
/// </summary>
internal sealed class Fingerprint
{
    private readonly XxHash3 _hash = new();

    public Fingerprint Add(string? text)
    {
        if (text is null)
        {
            return Add(ulong.MaxValue);
        }
        Add((ulong)text.Length);
        _hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
        return this;
    }

    public Fingerprint Add(ulong value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        _hash.Append(bytes);
        return this;
    }

    /// <summary>A day by its number, no day as a number no day has.</summary>
    public Fingerprint Add(DateOnly? day) => Add(day is { } date ? (ulong)date.DayNumber : ulong.MaxValue);

    public ulong Value => _hash.GetCurrentHashAsUInt64();

    public static ulong Of(ReadOnlySpan<byte> bytes) => XxHash3.HashToUInt64(bytes);

    /// <summary>
    /// This thread's fingerprint, started anew: for a hash made thousands of times a build (a link to every paper), where
    /// a new one each time, with its hash state, was megabytes of garbage. Take its value before the next call.
    /// </summary>
    public static Fingerprint Fresh()
    {
        var fingerprint = t_fresh ??= new Fingerprint();
        fingerprint._hash.Reset();
        return fingerprint;
    }

    [ThreadStatic]
    private static Fingerprint? t_fresh;

    /// <summary>Two hashes and a short name (a layout) as one, without allocating: this runs once per page.</summary>
    public static ulong Of(ulong first, ulong second, string name)
    {
        Span<byte> bytes = stackalloc byte[2 * sizeof(ulong) + 2 * name.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, first);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[sizeof(ulong)..], second);
        MemoryMarshal.AsBytes(name.AsSpan()).CopyTo(bytes[(2 * sizeof(ulong))..]);
        return XxHash3.HashToUInt64(bytes);
    }
}

using System.Runtime.CompilerServices;

namespace SiteGen.Engine;

/// <summary>
/// A table keyed by 128-bit hashes (the store's records' keys): a key's own bits give its place, and a key whose place is
/// taken goes to the next free one (linear probing). A lookup reads one slot as a rule, where a dictionary read a bucket,
/// then an entry elsewhere: a new process looks up nearly every record of the store, at random (450,000 at 100,000
/// papers), and each lookup was a cache miss or two in a table of 30 MB. Writes from one thread at a time; reads, and
/// changes to a value in place through <see cref="Find"/>, from many.
/// </summary>
internal sealed class HashKeyedTable<TValue> where TValue : struct
{
    /// <summary>Slots filled at most, in hundredths: past three quarters, probes grow long.</summary>
    private const int MostFilled = 75;

    private Slot[] _slots = [];

    public int Count { get; private set; }

    /// <summary>Room for <paramref name="count"/> keys without growing.</summary>
    public void EnsureCapacity(int count)
    {
        if ((long)count * 100 > (long)_slots.Length * MostFilled)
        {
            Resize((int)Math.Min(Array.MaxLength, Math.Max(16, (long)count * 100 / MostFilled + 1)));
        }
    }

    public void Clear()
    {
        Array.Clear(_slots);
        Count = 0;
    }

    /// <summary>The value under <paramref name="key"/>, to read or change in place; a null reference when there is none (<see cref="Unsafe.IsNullRef{T}(ref readonly T)"/>).</summary>
    public ref TValue Find(UInt128 key)
    {
        var slots = _slots;
        if (slots.Length == 0)
        {
            return ref Unsafe.NullRef<TValue>();
        }
        for (var at = PlaceOf(key, slots.Length); ; at = at + 1 == slots.Length ? 0 : at + 1)
        {
            ref var slot = ref slots[at];
            if (!slot.Filled)
            {
                return ref Unsafe.NullRef<TValue>();
            }
            if (slot.Is(key))
            {
                return ref slot.Value;
            }
        }
    }

    /// <summary>The value under <paramref name="key"/>, added as <c>default</c> when there was none (<paramref name="existed"/> false).</summary>
    public ref TValue GetOrAdd(UInt128 key, out bool existed)
    {
        EnsureCapacity(Count + 1);
        var slots = _slots;
        for (var at = PlaceOf(key, slots.Length); ; at = at + 1 == slots.Length ? 0 : at + 1)
        {
            ref var slot = ref slots[at];
            if (!slot.Filled)
            {
                (slot.Filled, slot.Low, slot.High, slot.Value) = (true, (ulong)key, (ulong)(key >> 64), default);
                Count++;
                existed = false;
                return ref slot.Value;
            }
            if (slot.Is(key))
            {
                existed = true;
                return ref slot.Value;
            }
        }
    }

    /// <summary>Every key and its value, in no particular order.</summary>
    public IEnumerable<(UInt128 Key, TValue Value)> Entries
    {
        get
        {
            foreach (var slot in _slots)
            {
                if (slot.Filled)
                {
                    yield return (new UInt128(slot.High, slot.Low), slot.Value);
                }
            }
        }
    }

    /// <summary>A key's first place: its top bits scaled to the table (the keys are hashes, so they spread evenly by themselves).</summary>
    private static int PlaceOf(UInt128 key, int length) => (int)((ulong)(uint)(key >> 96) * (uint)length >> 32);

    private void Resize(int length)
    {
        var old = _slots;
        _slots = new Slot[length];
        Count = 0;
        foreach (var slot in old)
        {
            if (slot.Filled)
            {
                GetOrAdd(new UInt128(slot.High, slot.Low), out _) = slot.Value;
            }
        }
    }

    /// <summary>A key as two halves, not an <see cref="UInt128"/>, whose alignment of 16 made every slot 16 bytes longer.</summary>
    private struct Slot
    {
        public ulong Low;
        public ulong High;
        public TValue Value;
        public bool Filled;

        public readonly bool Is(UInt128 key) => Low == (ulong)key && High == (ulong)(key >> 64);
    }
}

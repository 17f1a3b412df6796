using System.Runtime.CompilerServices;

namespace SiteGen.Engine.Tests;

/// <summary>The store's table of records: every key added is found with its value, whatever place its bits give it.</summary>
public sealed class HashKeyedTableTests
{
    /// <summary>Keys whose top 32 bits are equal all start at one place: they must probe past each other, and wrap at the end.</summary>
    private static UInt128 Crowded(ulong n) => new(0xFFFF_FFFF_0000_0000UL, n);

    [Fact]
    public void KeysThatShareAPlaceAreAllFoundAndTheTableGrowsWithoutLosingAny()
    {
        var table = new HashKeyedTable<long>();
        var keys = Enumerable.Range(0, 200).Select(i => Crowded((ulong)i))
            .Concat(Enumerable.Range(0, 2000).Select(i => new UInt128((ulong)i * 0x9E37_79B9_7F4A_7C15UL, (ulong)i)))
            .ToArray();

        foreach (var (key, i) in keys.Select((k, i) => (k, i)))
        {
            table.GetOrAdd(key, out var existed) = i;
            Assert.False(existed);
        }

        Assert.Equal(keys.Length, table.Count);
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal(i, table.Find(keys[i]));
        }
        Assert.True(Unsafe.IsNullRef(ref table.Find(Crowded(200))));
        Assert.True(Unsafe.IsNullRef(ref table.Find(new UInt128(1, 1))));
        Assert.Equal(keys.Order(), table.Entries.Select(e => e.Key).Order());
    }

    [Fact]
    public void AKeyAddedAgainIsTheSameValueAndAChangeThroughFindStays()
    {
        var table = new HashKeyedTable<long>();
        table.GetOrAdd(Crowded(1), out _) = 7;

        ref var again = ref table.GetOrAdd(Crowded(1), out var existed);
        table.Find(Crowded(1)) += 1;

        Assert.True(existed);
        Assert.Equal(8, again);
        Assert.Equal(1, table.Count);
        table.Clear();
        Assert.Equal(0, table.Count);
        Assert.True(Unsafe.IsNullRef(ref table.Find(Crowded(1))));
    }
}

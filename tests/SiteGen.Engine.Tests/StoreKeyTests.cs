namespace SiteGen.Engine.Tests;

/// <summary>A key of the document store is a hash of what is added to it, in turn, so that different inputs never meet.</summary>
public sealed class StoreKeyTests
{
    [Fact]
    public void TwoListsWithTheSameJoinAreTwoKeys()
    {
        Assert.NotEqual(new StoreKey("x").Add("ab").Add("c").Value, new StoreKey("x").Add("a").Add("bc").Value);
        Assert.NotEqual(new StoreKey("x").Add(["a"]).Add("b").Value, new StoreKey("x").Add(["a", "b"]).Value);
        Assert.NotEqual(new StoreKey("tags").Add("t").Value, new StoreKey("words").Add("t").Value);
        Assert.NotEqual(new StoreKey("x").Add(1L).Value, new StoreKey("x").Add(2L).Value);
        Assert.NotEqual(new StoreKey("x").Add((UInt128)1).Value, new StoreKey("x").Add((UInt128)1 << 64).Value);
    }

    [Fact]
    public async Task TheSameInputsGiveTheSameKeyOnEveryThreadAndAfterAnyOtherKey()
    {
        static UInt128 Key() => new StoreKey("card").Add("site").Add(42L).Add(["a", "b"]).Value;
        var first = Key();
        _ = new StoreKey("another").Add("unfinished"); // a key left half made does not leak into the next
        Assert.Equal(first, Key());
        Assert.Equal(first, await Task.Run(Key));
    }
}

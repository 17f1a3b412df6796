using SiteGen.Engine;

namespace SiteGen.Engine.Tests;

public class ParallelSortTests
{
    private static readonly ParallelOptions TwoCores = new() { MaxDegreeOfParallelism = 2 };

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(10_001)]
    public void SortsAsOneSortDoesAndCarriesTheItemsAlong(int count)
    {
        // Distinct keys (the order must be total), shuffled; each item names its key.
        var random = new Random(count);
        var keys = Enumerable.Range(0, count).Select(i => i * 7 + random.Next(7)).OrderBy(_ => random.Next()).ToArray();
        var items = keys.Select(k => $"item {k}").ToArray();
        var expected = keys.Order().ToArray();

        ParallelSort.Sort(keys, items, Comparer<int>.Default, TwoCores);

        Assert.Equal(expected, keys);
        Assert.Equal(expected.Select(k => $"item {k}"), items);
    }

    [Fact]
    public void HalvesThatDoNotInterleaveAreMergedInOrder()
    {
        // Every key of the second half is smaller than every key of the first: the merge takes the right half first.
        var keys = Enumerable.Range(5000, 5000).Concat(Enumerable.Range(0, 5000)).ToArray();
        var items = keys.ToArray();

        ParallelSort.Sort(keys, items, Comparer<int>.Default, TwoCores);

        Assert.Equal(Enumerable.Range(0, 10_000), keys);
        Assert.Equal(Enumerable.Range(0, 10_000), items);
    }

    [Fact]
    public void ArraysOfOtherLengthsAreRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ParallelSort.Sort(new int[5], new int[4], Comparer<int>.Default, TwoCores));
}

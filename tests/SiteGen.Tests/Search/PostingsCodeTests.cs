using SiteGen.Search;

namespace SiteGen.Tests.Search;

public sealed class PostingsCodeTests
{
    [Theory]
    [InlineData(new int[0], "")]
    [InlineData(new[] { 0 }, "0")]
    [InlineData(new[] { 31 }, "v")]
    [InlineData(new[] { 32 }, "x0")]          // one digit that goes on (1), one that ends (0)
    [InlineData(new[] { 5, 6, 6, 40 }, "510x2")] // differences 5, 1, 0, 34
    public void WritesEachDifferenceInBase32WithItsLastDigitFromTheFirstHalf(int[] numbers, string expected) =>
        Assert.Equal(expected, PostingsCode.Encode(numbers));

    [Fact]
    public void ReadsBackWhatItWrote()
    {
        var random = new Random(7);
        var numbers = new List<int>();
        var at = 0;
        for (var i = 0; i < 2000; i++)
        {
            at += random.Next(0, i % 10 == 0 ? 5_000_000 : 40);
            numbers.Add(at);
        }
        numbers.Add(int.MaxValue);

        Assert.Equal(numbers, PostingsCode.Decode(PostingsCode.Encode(numbers)));
    }

    [Fact]
    public void RefusesNumbersThatFall() =>
        Assert.Throws<ArgumentException>(() => PostingsCode.Encode([3, 2]));

    [Fact]
    public void RefusesACharacterThatIsNoDigit() =>
        Assert.Throws<FormatException>(() => PostingsCode.Decode("1 2"));
}

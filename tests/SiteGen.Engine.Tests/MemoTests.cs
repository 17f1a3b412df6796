namespace SiteGen.Engine.Tests;

/// <summary>A memo keeps what the last run that looked at it used, and nothing when it is told not to remember.</summary>
public sealed class MemoTests
{
    [Fact]
    public void AValueIsComputedOnceWhileItsKeyComesBack()
    {
        var memo = new Memo<string, int>(remember: true);
        var calls = 0;

        memo.GetOrAdd("a", _ => ++calls);
        memo.NextGeneration();
        var again = memo.GetOrAdd("a", _ => ++calls);

        Assert.Equal(1, again);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void AnEntryTheLastRunDidNotUseIsDropped()
    {
        var memo = new Memo<string, int>(remember: true);
        var calls = 0;
        memo.GetOrAdd("a", _ => ++calls);
        memo.NextGeneration();
        memo.GetOrAdd("b", _ => ++calls); // this run uses the memo, but not "a"
        memo.NextGeneration();

        memo.GetOrAdd("a", _ => ++calls);

        Assert.Equal(3, calls);
    }

    [Fact]
    public void ARunThatDoesNotLookAtTheMemoDropsNothing()
    {
        var memo = new Memo<string, int>(remember: true);
        var calls = 0;
        memo.GetOrAdd("a", _ => ++calls);
        memo.NextGeneration();
        memo.NextGeneration(); // a run that never asked (a memo above it answered)
        memo.NextGeneration();

        memo.GetOrAdd("a", _ => ++calls);

        Assert.Equal(1, calls);
    }

    [Fact]
    public void KeysCompareWithTheGivenComparer()
    {
        var memo = new Memo<string, int>(remember: true, ReferenceEqualityComparer.Instance);
        var calls = 0;
        var key = new string('k', 3);

        memo.GetOrAdd(key, _ => ++calls);
        memo.GetOrAdd(new string('k', 3), _ => ++calls); // equal text, another object

        Assert.Equal(2, calls);
    }

    [Fact]
    public void AMemoThatDoesNotRememberComputesEveryTime()
    {
        var memo = new Memo<string, int>(remember: false);
        var calls = 0;

        memo.GetOrAdd("a", _ => ++calls);
        memo.GetOrAdd("a", _ => ++calls);

        Assert.Equal(2, calls);
    }
}

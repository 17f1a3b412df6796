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
    public void EntriesTheLastRunDidNotUseAreDroppedOnceTheyAreMany()
    {
        var memo = new Memo<int, int>(remember: true);
        var calls = 0;
        for (var key = 0; key < 1000; key++)
        {
            memo.GetOrAdd(key, _ => ++calls);
        }
        memo.NextGeneration();
        for (var key = 1000; key < 1100; key++)
        {
            memo.GetOrAdd(key, _ => ++calls); // this run uses the memo, but none of the first thousand
        }
        memo.NextGeneration();

        memo.GetOrAdd(0, _ => ++calls);

        Assert.Equal(1101, calls);
        Assert.Equal(101, memo.Count);
    }

    [Fact]
    public void WhatRunsLeaveUnusedStaysWithinAQuarterOfWhatTheyUse()
    {
        var memo = new Memo<int, int>(remember: true);
        for (var run = 0; run < 50; run++)
        {
            // Each run uses 190 keys it used before and 10 new ones (ten papers edited).
            for (var key = run * 10; key < run * 10 + 200; key++)
            {
                memo.GetOrAdd(key, k => k);
            }
            memo.NextGeneration();

            Assert.InRange(memo.Count, 200, 200 + 64);
        }
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

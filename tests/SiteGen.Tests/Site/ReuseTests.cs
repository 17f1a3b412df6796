using System.Collections.Immutable;
using SiteGen.Engine;
using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>
/// The layer that keeps the modules' work between the builds of a session: a run is skipped, patched or run in full by
/// what changed in its inputs, and what was made on another basis is dropped.
/// </summary>
public sealed class ReuseTests
{
    private static ImmutableArray<Document> Documents(int count) => [.. Enumerable.Range(0, count).Select(i => Document.Create(destination: $"p{i}.html"))];

    /// <summary>A run that says what it was given and counts its calls; its output names the build it was made in.</summary>
    private sealed class Runs
    {
        public List<string?> Full { get; } = [];

        public List<(string Last, int[] Changed)> Patches { get; } = [];

        public string Run(Reuse reuse, ImmutableArray<Document> inputs, string made, bool canPatch = true, int mostChanged = int.MaxValue) =>
            reuse.Rerun<string>("run", MadeFrom.Settings, inputs,
                last =>
                {
                    Full.Add(last);
                    return made;
                },
                (last, changed) =>
                {
                    Patches.Add((last.Output, [.. changed]));
                    return canPatch ? made + " (patched)" : null;
                },
                mostChanged);
    }

    [Fact]
    public void TheSameDocumentsAtTheSamePlacesGiveTheLastOutputWithoutARun()
    {
        var reuse = new Reuse(remember: true);
        var runs = new Runs();
        var inputs = Documents(3);

        Assert.Equal("first", runs.Run(reuse, inputs, "first"));
        Assert.Equal("first", runs.Run(reuse, [.. inputs], "second"));

        Assert.Equal([null], runs.Full);
        Assert.Empty(runs.Patches);
    }

    [Fact]
    public void AFewChangedPlacesArePatchedAndMoreAreRunInFullWithTheLastOutput()
    {
        var reuse = new Reuse(remember: true);
        var runs = new Runs();
        var inputs = Documents(4);
        runs.Run(reuse, inputs, "first", mostChanged: 1);

        var oneChanged = inputs.SetItem(2, Document.Create(destination: "new.html"));
        Assert.Equal("second (patched)", runs.Run(reuse, oneChanged, "second", mostChanged: 1));
        var twoChanged = oneChanged.SetItem(0, Document.Create(destination: "new.html")).SetItem(3, Document.Create(destination: "new.html"));
        Assert.Equal("third", runs.Run(reuse, twoChanged, "third", mostChanged: 1));
        Assert.Equal("fourth", runs.Run(reuse, twoChanged.Add(inputs[0]), "fourth", mostChanged: 1));

        var patch = Assert.Single(runs.Patches);
        Assert.Equal("first", patch.Last);
        Assert.Equal([2], patch.Changed);
        Assert.Equal([null, "second (patched)", "third"], runs.Full);
    }

    [Fact]
    public void APatchThatCannotGivesWayToTheFullRun()
    {
        var reuse = new Reuse(remember: true);
        var runs = new Runs();
        var inputs = Documents(2);
        runs.Run(reuse, inputs, "first");

        Assert.Equal("second", runs.Run(reuse, inputs.SetItem(0, Document.Create()), "second", canPatch: false));

        Assert.Single(runs.Patches);
        Assert.Equal([null, "first"], runs.Full);
    }

    [Fact]
    public void WhatWasMadeFromAPartOfTheSiteThatChangedIsDroppedAndTheRestKept()
    {
        var reuse = new Reuse(remember: true);
        var runs = new Runs(); // its run declares it reads the settings
        var inputs = Documents(2);
        reuse.Memo<string, int>("by key", MadeFrom.KeyAlone).GetOrAdd("a", _ => 1);
        reuse.Memo<string, int>("with the vocabulary", MadeFrom.Vocabulary).GetOrAdd("a", _ => 1);
        var value = reuse.Value("with the settings", MadeFrom.Settings, () => new object());
        runs.Run(reuse, inputs, "first");

        reuse.StartBuild(changed: MadeFrom.KeyAlone);
        Assert.Equal(1, reuse.Memo<string, int>("with the vocabulary", MadeFrom.Vocabulary).Count);
        Assert.Same(value, reuse.Value("with the settings", MadeFrom.Settings, () => new object()));

        reuse.StartBuild(changed: MadeFrom.Vocabulary);
        Assert.Equal(1, reuse.Memo<string, int>("by key", MadeFrom.KeyAlone).GetOrAdd("a", _ => 2));
        Assert.Equal(2, reuse.Memo<string, int>("with the vocabulary", MadeFrom.Vocabulary).GetOrAdd("a", _ => 2));
        Assert.Same(value, reuse.Value("with the settings", MadeFrom.Settings, () => new object()));
        Assert.Equal("first", runs.Run(reuse, inputs, "second"));

        reuse.StartBuild(changed: MadeFrom.Settings | MadeFrom.Navigation);
        Assert.NotSame(value, reuse.Value("with the settings", MadeFrom.Settings, () => new object()));
        Assert.Equal("third", runs.Run(reuse, inputs, "third"));
        Assert.Equal(1, reuse.Memo<string, int>("by key", MadeFrom.KeyAlone).GetOrAdd("a", _ => 3));
        Assert.Equal([null, null], runs.Full);
    }

    [Fact]
    public void WhatABuildKeptIsTakenAgainWhileItServesAndMadeAnewInItsPlaceOnceItDoesNot()
    {
        var session = new Reuse(remember: true);
        var oneOff = new Reuse(remember: false);
        var made = 0;
        string Take(Reuse reuse, string wanted) => reuse.KeptWhile("text", MadeFrom.KeyAlone, kept => kept.StartsWith(wanted, StringComparison.Ordinal),
            () => $"{wanted} {++made}");

        Assert.Equal("a 1", Take(session, "a"));
        Assert.Equal("a 1", Take(session, "a"));
        Assert.Equal("b 2", Take(session, "b"));
        Assert.Equal("b 2", Take(session, "b"));
        Assert.Equal("a 3", Take(oneOff, "a"));
        Assert.Equal("a 4", Take(oneOff, "a"));
    }

    [Fact]
    public void AMemoKeepsWhatTheLastBuildUsedOnce()
    {
        var reuse = new Reuse(remember: true);
        var memo = reuse.Memo<int, int>("numbers", MadeFrom.KeyAlone);
        for (var i = 0; i < 200; i++)
        {
            memo.GetOrAdd(i, n => n);
        }
        reuse.StartBuild(changed: MadeFrom.KeyAlone);
        memo.GetOrAdd(7, n => n);
        Assert.Equal(200, memo.Count);

        reuse.StartBuild(changed: MadeFrom.KeyAlone);

        Assert.Equal(1, memo.Count);
    }

    [Fact]
    public void AOneOffBuildKeepsNothingForANextBuildButMemoizesWithinItWhenAsked()
    {
        var reuse = new Reuse(remember: false);
        var runs = new Runs();
        var inputs = Documents(2);
        var made = 0;

        runs.Run(reuse, inputs, "first");
        runs.Run(reuse, inputs, "second");
        reuse.Memo<string, int>("each time", MadeFrom.KeyAlone).GetOrAdd("a", _ => ++made);
        reuse.Memo<string, int>("each time", MadeFrom.KeyAlone).GetOrAdd("a", _ => ++made);
        reuse.Memo<string, int>("shared", MadeFrom.KeyAlone, withinOneBuild: true).GetOrAdd("a", _ => ++made);
        reuse.Memo<string, int>("shared", MadeFrom.KeyAlone, withinOneBuild: true).GetOrAdd("a", _ => ++made);

        Assert.Equal([null, null], runs.Full);
        Assert.Equal(3, made);
    }

    [Fact]
    public void InVerifyModeAnOutputKeptOrPatchedIsComparedWithTheFullRunsAndAWrongOneFailsTheBuild()
    {
        var reuse = new Reuse(remember: true) { Verify = true };
        var inputs = Documents(3);
        var fullRuns = 0;
        string Run(ImmutableArray<Document> now, string patched) => reuse.Rerun<string>("count", MadeFrom.KeyAlone, now,
            _ =>
            {
                fullRuns++;
                return $"{now.Length} documents";
            },
            (_, _) => patched, same: string.Equals);

        Run(inputs, patched: "(not asked)");
        Run(inputs, patched: "(not asked)");
        Run(inputs.SetItem(1, Document.Create()), patched: "3 documents");
        var wrong = Assert.Throws<StoredWorkMismatchException>(() => Run(inputs, patched: "2 documents"));

        Assert.Equal(4, fullRuns); // the first, and one beside each output that was kept or patched
        Assert.Equal("count", wrong.Module);
        Assert.Contains("1 of 3 changed", wrong.Message, StringComparison.Ordinal);
    }
}

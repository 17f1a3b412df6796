using System.Collections.Immutable;
using SiteGen.Engine.Tests.Support;

namespace SiteGen.Engine.Tests;

/// <summary>
/// An engine given a <see cref="DocumentCache"/> runs a module that declares its output depends only on its input
/// once per input document while each run sees it, wherever it is in the inputs, and raises its warnings every time.
/// </summary>
public sealed class DocumentCacheTests
{
    private static readonly ImmutableArray<Document> Inputs = [Document.Create(source: "a"), Document.Create(source: "b")];

    [Fact]
    public async Task APureModuleRunsOncePerInputDocumentAndItsOutputsAreReused()
    {
        var pure = new Counting(pure: true);
        var cache = new DocumentCache();

        var first = await Run(pure, cache);
        var second = await Run(pure, cache);

        Assert.Equal(2, pure.Calls);
        Assert.Equal(first.Length, second.Length);
        Assert.All(first.Zip(second), pair => Assert.Same(pair.First, pair.Second));
    }

    [Fact]
    public async Task AReusedOutputRaisesItsWarningsAgain()
    {
        var pure = new Counting(pure: true, warning: "a warning of {0}");
        var cache = new DocumentCache();

        await Run(pure, cache);
        var engine = EngineOver(pure, cache);
        var second = await engine.ExecuteWithinTimeoutAsync();

        Assert.Equal(2, pure.Calls);
        Assert.Equal(["a warning of a", "a warning of b"], second.Warnings.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AModuleThatDoesNotDeclareItselfPureRunsEveryTime()
    {
        var impure = new Counting(pure: false);
        var cache = new DocumentCache();

        await Run(impure, cache);
        await Run(impure, cache);

        Assert.Equal(4, impure.Calls);
    }

    [Fact]
    public async Task AnotherDocumentObjectIsAnotherInput()
    {
        var pure = new Counting(pure: true);
        var cache = new DocumentCache();

        await Run(pure, cache);
        await Run(pure, cache, [Inputs[0], Document.Create(source: "b")]);

        Assert.Equal(3, pure.Calls); // a reused; the new b, equal in every value, is run
    }

    [Fact]
    public async Task InputsThatMovedAreStillReused()
    {
        var pure = new Counting(pure: true);
        var cache = new DocumentCache();
        ImmutableArray<Document> many = [.. Enumerable.Range(0, 20).Select(i => Document.Create(source: $"d{i}"))];
        await Run(pure, cache, many);

        // One new document in front shifts every other by one; then the order is turned round.
        await Run(pure, cache, [Document.Create(source: "new"), .. many]);
        var reversed = await Run(pure, cache, [.. many.Reverse()]);

        // 20 + the new one; turned round, one more at most: the first document found far from its place is taken as new.
        Assert.InRange(pure.Calls, 21, 22);
        Assert.Equal(many.Reverse().Select(d => d.Source), reversed.Select(d => d.Source));
    }

    [Fact]
    public async Task OnlyTheLastRunIsRemembered()
    {
        var pure = new Counting(pure: true);
        var cache = new DocumentCache();

        await Run(pure, cache);
        await Run(pure, cache, [Inputs[0]]);
        await Run(pure, cache); // b was not in the last run

        Assert.Equal(3, pure.Calls);
    }

    [Fact]
    public async Task ALastRunIsReusedOnlyWhileWhatTheModuleReadIsTheSame()
    {
        var declared = new Counting(pure: true, madeWith: 7);
        var undeclared = new Counting(pure: true);
        DocumentCache first = new() { Basis = 1 }, second = new() { Basis = 1 };
        await Run(declared, first);
        await Run(undeclared, second);

        // Something of the host's changed, that the declared module does not read.
        first.Basis = second.Basis = 2;
        await Run(declared, first);
        await Run(undeclared, second);

        Assert.Equal(2, declared.Calls);
        Assert.Equal(4, undeclared.Calls);
    }

    [Fact]
    public async Task ClearForgetsEveryOutput()
    {
        var pure = new Counting(pure: true);
        var cache = new DocumentCache();

        await Run(pure, cache);
        cache.Clear();
        await Run(pure, cache);

        Assert.Equal(4, pure.Calls);
    }

    [Fact]
    public async Task WithoutACacheEveryRunRunsThePureModule()
    {
        var pure = new Counting(pure: true);
        var engine = new Engine([new Pipeline("Papers") { Input = [Step.Return(Inputs)], Process = [pure] }]);

        await engine.ExecuteWithinTimeoutAsync();
        await engine.ExecuteWithinTimeoutAsync();

        Assert.Equal(4, pure.Calls);
    }

    private static async Task<ImmutableArray<Document>> Run(Counting module, DocumentCache cache, ImmutableArray<Document>? inputs = null) =>
        (await EngineOver(module, cache, inputs).ExecuteWithinTimeoutAsync())["Papers"].Documents;

    private static Engine EngineOver(Counting module, DocumentCache cache, ImmutableArray<Document>? inputs = null) =>
        new([new Pipeline("Papers") { Input = [Step.Return(inputs ?? Inputs)], Process = [module] }]) { Cache = cache };

    /// <summary>Counts its calls and makes one new document per input, with a warning if given one.</summary>
    private sealed class Counting(bool pure, string? warning = null, ulong? madeWith = null) : PerDocumentModule
    {
        protected override ulong? MadeWith(IExecutionContext context) => madeWith;

        private int _calls;

        public int Calls => _calls;

        protected override bool OutputDependsOnlyOnInput => pure;

        protected override IEnumerable<Document> Execute(Document input, IExecutionContext context)
        {
            Interlocked.Increment(ref _calls);
            if (warning is not null)
            {
                context.Warn(string.Format(System.Globalization.CultureInfo.InvariantCulture, warning, input.Source));
            }
            yield return input.WithContent("made from " + input.Source);
        }
    }
}

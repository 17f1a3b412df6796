using System.Collections.Immutable;
using SiteGen.Engine.Tests.Support;

namespace SiteGen.Engine.Tests;

public sealed class PerDocumentModuleTests
{
    [Fact]
    public async Task ProcessesDocumentsInParallel()
    {
        var meeting = new Rendezvous(3);
        var module = new PerDocument(d =>
        {
            meeting.Arrive(); // blocks its thread: three documents meet only on three threads
            return [d];
        });

        var results = await module.ExecuteAsync(Documents("a", "b", "c"), new StubContext(maxDegreeOfParallelism: 3)).WaitAsync(Patience.Timeout);

        Assert.Equal(3, results.Length);
    }

    [Fact]
    public async Task KeepsTheInputOrderWhenALaterDocumentFinishesFirst()
    {
        var bDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var module = new PerDocument(d =>
        {
            if (d.Source == "a")
            {
                // a finishes only after b has: only parallel work gets here, and the order must still be a, b.
                Assert.True(bDone.Task.Wait(Patience.Timeout), "b never finished while a waited: the documents did not run in parallel.");
            }
            else
            {
                bDone.SetResult();
            }
            return [d.WithContent(d.Source!.ToUpperInvariant())];
        });

        var results = await module.ExecuteAsync(Documents("a", "b"), new StubContext(maxDegreeOfParallelism: 2)).WaitAsync(Patience.Timeout);

        Assert.Equal(["A", "B"], results.Select(d => d.Content));
    }

    [Fact]
    public async Task KeepsTheInputOrderOfManyDocuments()
    {
        var sources = Enumerable.Range(0, 200).Select(i => $"{i:D3}.md").ToArray();
        var module = new PerDocument(d =>
        {
            Thread.SpinWait(Random.Shared.Next(10_000));
            return [d.WithContent(d.Source!)];
        });

        var results = await module.ExecuteAsync(Documents(sources), new StubContext(maxDegreeOfParallelism: 4)).WaitAsync(Patience.Timeout);

        Assert.Equal(sources, results.Select(d => d.Content));
    }

    [Fact]
    public async Task RunsTheWorkOfALazyIteratorInParallelToo()
    {
        var meeting = new Rendezvous(2);

        var results = await new LazyPerDocument(meeting).ExecuteAsync(Documents("a", "b"), new StubContext(maxDegreeOfParallelism: 2))
            .WaitAsync(Patience.Timeout);

        Assert.Equal(["a", "b"], results.Select(d => d.Source));
    }

    [Fact]
    public async Task DropsADocumentWhenItReturnsNoneAndSplitsOneWhenItReturnsSeveral()
    {
        var module = new PerDocument(d => d.Source switch
        {
            "draft" => [],
            "tags" => [d.WithDestination("tags/a.html"), d.WithDestination("tags/b.html")],
            _ => [d.WithDestination(d.Source + ".html")],
        });

        var results = await module.ExecuteAsync(Documents("draft", "tags", "about"), new StubContext(maxDegreeOfParallelism: 2)).WaitAsync(Patience.Timeout);

        Assert.Equal(["tags/a.html", "tags/b.html", "about.html"], results.Select(d => d.Destination));
    }

    [Fact]
    public async Task ReturnsNoDocumentsForNoDocuments()
    {
        var module = new PerDocument(d => throw new InvalidOperationException("There is no document to work on."));

        Assert.Empty(await module.ExecuteAsync([], new StubContext(maxDegreeOfParallelism: 2)).WaitAsync(Patience.Timeout));
    }

    [Fact]
    public async Task NeverWorksOnMoreDocumentsAtOnceThanAllowed()
    {
        var running = 0;
        var mostAtOnce = 0;
        var module = new PerDocument(d =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            Thread.Sleep(5);
            Interlocked.Decrement(ref running);
            return [d];
        });

        await module.ExecuteAsync(Documents([.. Enumerable.Range(0, 40).Select(i => $"{i}")]), new StubContext(maxDegreeOfParallelism: 1))
            .WaitAsync(Patience.Timeout);

        Assert.Equal(1, mostAtOnce);
    }

    [Fact]
    public async Task StopsWhenCancelled()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var module = new PerDocument(d => [d]);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            module.ExecuteAsync(Documents("a"), new StubContext(maxDegreeOfParallelism: 2, cancellation.Token)).WaitAsync(Patience.Timeout));
    }

    [Fact]
    public async Task FailsTheRunNamingItsOwnTypeAndKeepingTheDocumentsException()
    {
        var broken = new FormatException("b.md: the date is not a date.");
        var engine = new Engine([new Pipeline("Papers")
        {
            Input = [Step.Produce("a.md", "b.md", "c.md")],
            Process = [new PerDocument(d => d.Source == "b.md" ? throw broken : [d])],
        }]);

        var exception = await Assert.ThrowsAsync<PipelineFailedException>(engine.ExecuteWithinTimeoutAsync);

        Assert.Equal(nameof(PerDocument), exception.Module);
        Assert.Same(broken, exception.InnerException);
    }

    [Fact]
    public async Task ProcessesDocumentsInParallelWithinTheEngine()
    {
        var meeting = new Rendezvous(2);
        var engine = new Engine(
            [new Pipeline("Papers") { Input = [Step.Produce("a.md", "b.md")], Process = [new PerDocument(d => { meeting.Arrive(); return [d]; })] }],
            maxDegreeOfParallelism: 2);

        var result = await engine.ExecuteWithinTimeoutAsync();

        Assert.Equal(["a.md", "b.md"], result["Papers"].Documents.Select(d => d.Source));
    }

    private static ImmutableArray<Document> Documents(params string[] sources) => [.. sources.Select(s => Document.Create(source: s))];

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) is var seen && seen != current)
        {
            current = seen;
        }
    }

    private sealed class PerDocument(Func<Document, IEnumerable<Document>> execute) : PerDocumentModule
    {
        protected override IEnumerable<Document> Execute(Document input, IExecutionContext context) => execute(input);
    }

    /// <summary>Does its work only when enumerated, as a <c>yield return</c> module does.</summary>
    private sealed class LazyPerDocument(Rendezvous meeting) : PerDocumentModule
    {
        protected override IEnumerable<Document> Execute(Document input, IExecutionContext context)
        {
            meeting.Arrive();
            yield return input;
        }
    }
}

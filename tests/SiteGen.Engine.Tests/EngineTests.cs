using System.Collections.Concurrent;
using System.Collections.Immutable;
using SiteGen.Engine.Tests.Support;

namespace SiteGen.Engine.Tests;

public sealed class EngineTests
{
    // Order

    [Fact]
    public async Task RunsADependencyBeforeTheProcessPhaseOfItsDependent()
    {
        var log = new EventLog();
        var engine = new Engine([
            new Pipeline("Home") { Dependencies = ["Papers"], Process = [new RecordPhase(log)] },
            new Pipeline("Papers") { Process = [new RecordPhase(log, Patience.Slow)] },
        ]);

        await engine.ExecuteWithinTimeoutAsync();

        Assert.True(log.IndexOf("Papers.Process end") < log.IndexOf("Home.Process start"), log.ToString());
    }

    [Fact]
    public async Task WaitsForEveryDependencyOfAChainAndOfASiblingBeforeProcess()
    {
        var log = new EventLog();
        var engine = new Engine([
            new Pipeline("Home") { Dependencies = ["Tags", "Assets"], Process = [new RecordPhase(log)] },
            new Pipeline("Tags") { Dependencies = ["Papers"], Process = [new RecordPhase(log, Patience.Slow)] },
            new Pipeline("Papers") { Process = [new RecordPhase(log, Patience.Slow)] },
            new Pipeline("Assets") { Process = [new RecordPhase(log, Patience.Slow * 2)] },
        ]);

        await engine.ExecuteWithinTimeoutAsync();

        Assert.True(log.IndexOf("Papers.Process end") < log.IndexOf("Tags.Process start"), log.ToString());
        Assert.True(log.IndexOf("Tags.Process end") < log.IndexOf("Home.Process start"), log.ToString());
        Assert.True(log.IndexOf("Assets.Process end") < log.IndexOf("Home.Process start"), log.ToString());
    }

    [Fact]
    public async Task StartsTheInputPhaseOfADependentWithoutWaitingForItsDependencies()
    {
        var homeInputRan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var engine = new Engine([
            new Pipeline("Home") { Dependencies = ["Papers"], Input = [Step.Do(_ => homeInputRan.SetResult())] },
            new Pipeline("Papers") { Process = [Step.DoAsync(_ => homeInputRan.Task.WaitAsync(Patience.Timeout))] },
        ]);

        await engine.ExecuteWithinTimeoutAsync();
    }

    [Fact]
    public async Task ListsThePipelinesOfTheResultInDependencyOrder()
    {
        var engine = new Engine([
            new Pipeline("Home") { Dependencies = ["Papers"] },
            new Pipeline("Assets"),
            new Pipeline("Papers"),
        ]);

        var result = await engine.ExecuteWithinTimeoutAsync();

        Assert.Equal(["Papers", "Home", "Assets"], result.Pipelines.Select(p => p.Name));
        Assert.Equal(["Papers", "Home", "Assets"], engine.Pipelines.Select(p => p.Name));
    }

    // Concurrency

    [Fact]
    public async Task RunsTheProcessPhasesOfIndependentPipelinesAtTheSameTime()
    {
        var meeting = new Rendezvous(2);
        var phases = new ConcurrentBag<Phase>();
        var meet = Step.Do(context =>
        {
            phases.Add(context.Phase);
            meeting.Arrive(); // blocks its thread: meeting proves two threads, not just interleaving
        });
        var engine = new Engine([
            new Pipeline("Papers") { Process = [meet] },
            new Pipeline("Assets") { Process = [meet] },
        ]);

        await engine.ExecuteWithinTimeoutAsync();

        Assert.Equal([Phase.Process, Phase.Process], phases);
    }

    [Fact]
    public async Task RunsIndependentPipelinesAtTheSameTimeWhenCalledFromASingleThreadedContext()
    {
        // A UI thread or a test runner: what is posted to the caller's context runs on one thread, in turn.
        var meeting = new Rendezvous(2);
        var meet = Step.Do(_ => meeting.Arrive());
        var engine = new Engine([
            new Pipeline("Papers") { Process = [meet] },
            new Pipeline("Assets") { Process = [meet] },
        ]);
        using var context = new SingleThreadedSynchronizationContext();

        await context.RunAsync(() => engine.ExecuteAsync()).WaitAsync(Patience.Timeout * 2);
    }

    [Fact]
    public async Task RunsADependentWhileAnUnrelatedPipelineIsStillInProcess()
    {
        var meeting = new Rendezvous(2);
        var engine = new Engine([
            new Pipeline("Papers"),
            new Pipeline("Home") { Dependencies = ["Papers"], Process = [Step.DoAsync(_ => meeting.ArriveAsync())] },
            new Pipeline("Assets") { Process = [Step.DoAsync(_ => meeting.ArriveAsync())] },
        ]);

        await engine.ExecuteWithinTimeoutAsync();
    }

    [Fact]
    public async Task GivesModulesTheEnginesDegreeOfParallelismAndCancellation()
    {
        var seen = new ConcurrentBag<(int, bool)>();
        var engine = new Engine(
            [new Pipeline("Papers") { Process = [Step.Do(c => seen.Add((c.ParallelOptions.MaxDegreeOfParallelism, c.ParallelOptions.CancellationToken == c.CancellationToken)))] }],
            maxDegreeOfParallelism: 3);

        await engine.ExecuteWithinTimeoutAsync();

        Assert.Equal(3, engine.MaxDegreeOfParallelism);
        Assert.Equal((3, true), Assert.Single(seen));
        Assert.Equal(Environment.ProcessorCount, new Engine([]).MaxDegreeOfParallelism);
    }

    // Phases

    [Fact]
    public async Task StartsPostProcessOnlyAfterEveryProcessPhaseHasFinished()
    {
        var log = new EventLog();
        var engine = new Engine([
            new Pipeline("Papers") { Process = [new RecordPhase(log, Patience.Slow)], PostProcess = [new RecordPhase(log)] },
            new Pipeline("Assets") { Process = [new RecordPhase(log)], PostProcess = [new RecordPhase(log)] },
            new Pipeline("Home") { Dependencies = ["Assets"], Process = [new RecordPhase(log)], PostProcess = [new RecordPhase(log)] },
        ]);

        await engine.ExecuteWithinTimeoutAsync();

        Assert.True(LastIndexOf(log, "Process end") < FirstIndexOf(log, "PostProcess start"), log.ToString());
    }

    [Fact]
    public async Task StartsOutputOnlyAfterEveryPostProcessPhaseHasFinished()
    {
        var log = new EventLog();
        var engine = new Engine([
            new Pipeline("Papers") { PostProcess = [new RecordPhase(log, Patience.Slow)], Output = [new RecordPhase(log)] },
            new Pipeline("Assets") { PostProcess = [new RecordPhase(log)], Output = [new RecordPhase(log)] },
        ]);

        await engine.ExecuteWithinTimeoutAsync();

        Assert.True(LastIndexOf(log, "PostProcess end") < FirstIndexOf(log, "Output start"), log.ToString());
    }

    [Fact]
    public async Task StartsTheOutputOfAnOutputLastPipelineOnlyAfterEveryOtherOutputHasFinished()
    {
        var log = new EventLog();
        var engine = new Engine([
            new Pipeline("Validate") { OutputLast = true, Output = [new RecordPhase(log)] },
            new Pipeline("Papers") { Output = [new RecordPhase(log, Patience.Slow)] },
            new Pipeline("Assets") { Output = [new RecordPhase(log)] },
        ]);

        await engine.ExecuteWithinTimeoutAsync();

        Assert.True(log.IndexOf("Papers.Output end") < log.IndexOf("Validate.Output start"), log.ToString());
        Assert.True(log.IndexOf("Assets.Output end") < log.IndexOf("Validate.Output start"), log.ToString());
    }

    [Fact]
    public async Task RunsTheModulesOfAPhaseInTurnEachOnTheDocumentsOfThePrevious()
    {
        var engine = new Engine([new Pipeline("Papers")
        {
            Input = [Step.Produce("a.md", "b.md"), Step.Map(d => d.WithContent("i"))],
            Process = [Step.Map(d => d.WithContent(d.Content + "p")), Step.Map(d => d.WithContent(d.Content + "p"))],
            PostProcess = [Step.Map(d => d.WithContent(d.Content + "q"))],
            Output = [Step.Map(d => d.WithContent(d.Content + "o"))],
        }]);

        var result = await engine.ExecuteWithinTimeoutAsync();

        Assert.Equal(["ippqo", "ippqo"], result["Papers"].Documents.Select(d => d.Content));
        Assert.Equal(["a.md", "b.md"], result["Papers"].Documents.Select(d => d.Source));
    }

    [Fact]
    public async Task HoldsNoDocumentOfTheProcessOrPostProcessPhasesOnceTheOutputPhaseNoLongerNeedsIt()
    {
        // What Process and PostProcess passed on is held in documents the later phases replace: once the Output that
        // reads them is done, nothing of the run keeps them (the engine or its result), and the collector may take them.
        var (processed, postProcessed) = (new List<WeakReference>(), new List<WeakReference>());
        var engine = new Engine([
            new Pipeline("Papers")
            {
                Input = [Step.Produce("a.md")],
                Process = [Step.Map(d => Tracked(d, processed))],
                PostProcess = [Step.Map(d => Tracked(d.With("processed", null), postProcessed))],
                Output = [Step.Map(d => Document.Create(d.Source, "a.html"))],
            },
            new Pipeline("Validate")
            {
                Dependencies = ["Papers"],
                OutputLast = true,
                Output = [Step.Do(context => Assert.Equal("a.html", Assert.Single(context.FromPipeline("Papers")).Destination))],
            },
        ]);

        var result = await engine.ExecuteWithinTimeoutAsync();
        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.Equal("a.html", Assert.Single(result["Papers"].Documents).Destination);
        Assert.False(Assert.Single(processed).IsAlive, "a document of the Process phase is held after the run");
        Assert.False(Assert.Single(postProcessed).IsAlive, "a document of the PostProcess phase is held after the run");
        GC.KeepAlive(engine);
    }

    /// <summary><paramref name="document"/> with an object of its own, which <paramref name="references"/> follows.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static Document Tracked(Document document, List<WeakReference> references)
    {
        var held = new object();
        lock (references)
        {
            references.Add(new WeakReference(held));
        }
        return document.With("held", held);
    }

    [Fact]
    public async Task RunsNoPostProcessOrOutputModuleWhenAProcessModuleFails()
    {
        var log = new EventLog();
        var engine = new Engine([
            new Pipeline("Papers") { Process = [new ThrowingModule(Patience.Slow)], PostProcess = [new RecordPhase(log)], Output = [new RecordPhase(log)] },
            new Pipeline("Assets") { Process = [new RecordPhase(log)], PostProcess = [new RecordPhase(log)], Output = [new RecordPhase(log)] },
        ]);

        await Assert.ThrowsAsync<PipelineFailedException>(engine.ExecuteWithinTimeoutAsync);

        Assert.Equal(["Assets.Process start", "Assets.Process end"], log.Events);
    }

    [Fact]
    public async Task RunsNoOutputModuleWhenAPostProcessModuleFails()
    {
        var log = new EventLog();
        var engine = new Engine([
            new Pipeline("Papers") { PostProcess = [new ThrowingModule(Patience.Slow)], Output = [new RecordPhase(log)] },
            new Pipeline("Assets") { PostProcess = [new RecordPhase(log)], Output = [new RecordPhase(log)] },
        ]);

        await Assert.ThrowsAsync<PipelineFailedException>(engine.ExecuteWithinTimeoutAsync);

        Assert.Equal(["Assets.PostProcess start", "Assets.PostProcess end"], log.Events);
    }

    // Failures

    [Theory]
    [InlineData(Phase.Input)]
    [InlineData(Phase.Process)]
    [InlineData(Phase.PostProcess)]
    [InlineData(Phase.Output)]
    public async Task FailsNamingThePipelineThePhaseAndTheModuleAndKeepsTheCause(Phase phase)
    {
        var throwing = new ThrowingModule();
        IModule[] modules = [Step.Produce("a.md"), throwing];
        var engine = new Engine([
            new Pipeline("Assets"),
            new Pipeline("Papers")
            {
                Input = phase == Phase.Input ? [.. modules] : [],
                Process = phase == Phase.Process ? [.. modules] : [],
                PostProcess = phase == Phase.PostProcess ? [.. modules] : [],
                Output = phase == Phase.Output ? [.. modules] : [],
            },
        ]);

        var exception = await Assert.ThrowsAsync<PipelineFailedException>(engine.ExecuteWithinTimeoutAsync);

        Assert.Equal("Papers", exception.Pipeline);
        Assert.Equal(phase, exception.Phase);
        Assert.Equal(nameof(ThrowingModule), exception.Module);
        Assert.Same(throwing.Exception, exception.InnerException);
        Assert.Contains("'Papers'", exception.Message);
        Assert.Contains($"{phase} phase", exception.Message);
        Assert.Contains(nameof(ThrowingModule), exception.Message);
        Assert.Contains(throwing.Exception.Message, exception.Message);
    }

    [Fact]
    public async Task CancelsTheOtherPipelinesWhenOneFails()
    {
        var assetsWaiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var assetsCancelled = false;
        var engine = new Engine([
            new Pipeline("Assets")
            {
                Process = [Step.DoAsync(async context =>
                {
                    assetsWaiting.SetResult();
                    try
                    {
                        await Task.Delay(Timeout.Infinite, context.CancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        assetsCancelled = true;
                        throw;
                    }
                })],
            },
            new Pipeline("Papers") { Process = [Step.DoAsync(_ => assetsWaiting.Task.WaitAsync(Patience.Timeout)), new ThrowingModule()] },
        ]);

        var exception = await Assert.ThrowsAsync<PipelineFailedException>(engine.ExecuteWithinTimeoutAsync);

        Assert.Equal("Papers", exception.Pipeline);
        Assert.True(assetsCancelled);
    }

    [Fact]
    public async Task RunsNoFurtherModuleOfAnotherPipelineOnceOneFails()
    {
        var log = new EventLog();
        var assetsWaiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var engine = new Engine([
            new Pipeline("Assets")
            {
                Process = [
                    Step.DoAsync(async context =>
                    {
                        // A module that does not look at the token: the engine must stop the pipeline after it.
                        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        using var registration = context.CancellationToken.Register(cancelled.SetResult);
                        assetsWaiting.SetResult();
                        await cancelled.Task.WaitAsync(Patience.Timeout);
                    }),
                    new RecordPhase(log),
                ],
                Output = [new RecordPhase(log)],
            },
            new Pipeline("Papers") { Process = [Step.DoAsync(_ => assetsWaiting.Task.WaitAsync(Patience.Timeout)), new ThrowingModule()] },
        ]);

        await Assert.ThrowsAsync<PipelineFailedException>(engine.ExecuteWithinTimeoutAsync);

        Assert.Empty(log.Events);
    }

    [Fact]
    public async Task SurfacesTheFailureNotTheCancellationItCausedInOtherPipelines()
    {
        // Assets comes first in the order; its task ends cancelled and Home's ends with Papers' failure.
        var assetsWaiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var failing = new ThrowingModule();
        var engine = new Engine([
            new Pipeline("Assets")
            {
                Process = [Step.DoAsync(async context =>
                {
                    assetsWaiting.SetResult();
                    await Task.Delay(Timeout.Infinite, context.CancellationToken);
                })],
            },
            new Pipeline("Papers") { Process = [Step.DoAsync(_ => assetsWaiting.Task.WaitAsync(Patience.Timeout)), failing] },
            new Pipeline("Home") { Dependencies = ["Papers"], Process = [Step.Produce("index.html")] },
        ]);

        var exception = await Assert.ThrowsAsync<PipelineFailedException>(engine.ExecuteWithinTimeoutAsync);

        Assert.Equal("Papers", exception.Pipeline);
        Assert.Same(failing.Exception, exception.InnerException);
    }

    [Fact]
    public async Task SurfacesTheFirstFailureNotOneThatAnotherPipelineRaisedOnceCancelled()
    {
        // Assets, cancelled, fails in its own way, and does so inside the cancellation itself: its task ends
        // before that of Papers, whose failure caused the cancellation and is still the one to report.
        var assets = new FailWhenCancelled();
        var failing = new ThrowingModule();
        var engine = new Engine([
            new Pipeline("Assets") { Process = [assets] },
            new Pipeline("Papers") { Process = [Step.DoAsync(_ => assets.Waiting.WaitAsync(Patience.Timeout)), failing] },
        ]);

        var exception = await Assert.ThrowsAsync<PipelineFailedException>(engine.ExecuteWithinTimeoutAsync);

        Assert.Equal("Papers", exception.Pipeline);
        Assert.Same(failing.Exception, exception.InnerException);
    }

    [Fact]
    public async Task SurfacesTheFailureOfADependencyRatherThanOfItsDependents()
    {
        var failing = new ThrowingModule();
        var engine = new Engine([
            new Pipeline("Home") { Dependencies = ["Papers"], Process = [Step.Produce("index.html")] },
            new Pipeline("Papers") { Process = [failing] },
        ]);

        var exception = await Assert.ThrowsAsync<PipelineFailedException>(engine.ExecuteWithinTimeoutAsync);

        Assert.Equal("Papers", exception.Pipeline);
        Assert.Same(failing.Exception, exception.InnerException);
    }

    [Fact]
    public async Task ReportsAModuleThatThrowsACancellationOfItsOwnAsAFailure()
    {
        var engine = new Engine([new Pipeline("Feeds") { Process = [Step.Do(_ => throw new TaskCanceledException("The download timed out."))] }]);

        var exception = await Assert.ThrowsAsync<PipelineFailedException>(engine.ExecuteWithinTimeoutAsync);

        Assert.Equal("Feeds", exception.Pipeline);
        Assert.IsType<TaskCanceledException>(exception.InnerException);
    }

    [Fact]
    public async Task StopsWithACancellationWhenTheCallerCancels()
    {
        using var cancellation = new CancellationTokenSource();
        var engine = new Engine([new Pipeline("Papers")
        {
            Process = [Step.DoAsync(async context =>
            {
                await cancellation.CancelAsync();
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
            })],
        }]);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.ExecuteAsync(cancellation.Token).WaitAsync(Patience.Timeout));
    }

    [Fact]
    public async Task RunsAgainAfterAFailedRun()
    {
        var fail = true;
        var engine = new Engine([new Pipeline("Papers")
        {
            Input = [Step.Produce("a.md")],
            Process = [Step.Do(_ => { if (fail) { throw new InvalidOperationException("Not yet."); } })],
        }]);
        await Assert.ThrowsAsync<PipelineFailedException>(engine.ExecuteWithinTimeoutAsync);
        fail = false;

        var result = await engine.ExecuteWithinTimeoutAsync();

        Assert.Equal("a.md", Assert.Single(result["Papers"].Documents).Source);
    }

    // Results

    [Fact]
    public async Task ReturnsTheDocumentsOfEachPipelineAfterItsOutputPhase()
    {
        var engine = new Engine([
            new Pipeline("Papers") { Input = [Step.Produce("a.md", "b.md")], Output = [Step.Map(d => d.WithDestination(d.Source + ".html"))] },
            new Pipeline("Assets") { Process = [Step.Produce("style.css")] },
            new Pipeline("Empty"),
        ]);

        var result = await engine.ExecuteWithinTimeoutAsync();

        Assert.Equal(["a.md.html", "b.md.html"], result["Papers"].Documents.Select(d => d.Destination));
        Assert.Equal("style.css", Assert.Single(result["Assets"].Documents).Source);
        Assert.Empty(result["Empty"].Documents);
    }

    [Fact]
    public async Task LetsGoOfAPipelineReadInProcessOnlyOnceEveryProcessIsDoneAndReportsNoDocumentsForIt()
    {
        var listing = new WeakReference<Document>(null!);
        bool? listingHeldAfterProcess = null;
        var engine = new Engine([
            new Pipeline("Listings") { Process = [new Step((_, _) => Task.FromResult(ImmutableArray.Create(Listing())))], ReadInProcessOnly = true },
            new Pipeline("Papers")
            {
                Dependencies = ["Listings"],
                Process = [new Step((_, context) => Task.FromResult<ImmutableArray<Document>>(
                    [.. context.FromPipeline("Listings").Select(d => Document.Create(source: d.Source + ".md"))]))],
                PostProcess = [Step.Do(context =>
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    listingHeldAfterProcess = listing.TryGetTarget(out _);
                })],
            },
        ]);

        var result = await engine.ExecuteWithinTimeoutAsync();

        Assert.False(listingHeldAfterProcess);
        Assert.Empty(result["Listings"].Documents);
        Assert.Equal("day-1.md", Assert.Single(result["Papers"].Documents).Source);

        // Made outside the test's frame, so that nothing but the engine holds it.
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        Document Listing()
        {
            var document = Document.Create(source: "day-1");
            listing.SetTarget(document);
            return document;
        }
    }

    [Theory]
    [InlineData(Phase.PostProcess)]
    [InlineData(Phase.Output)]
    public async Task AReadOfAPipelineReadInProcessOnlyAfterProcessFailsTheRun(Phase phase)
    {
        var read = Step.Do(context => context.FromPipeline("Listings"));
        var engine = new Engine([
            new Pipeline("Listings") { Process = [Step.Produce("day-1")], ReadInProcessOnly = true },
            new Pipeline("Papers")
            {
                Dependencies = ["Listings"],
                PostProcess = phase == Phase.PostProcess ? [read] : [],
                Output = phase == Phase.Output ? [read] : [],
            },
        ]);

        var failure = await Assert.ThrowsAsync<PipelineFailedException>(() => engine.ExecuteWithinTimeoutAsync());

        Assert.Contains("'Listings' is read in Process only", failure.InnerException!.Message);
    }

    [Fact]
    public void APipelineReadInProcessOnlyCannotHaveLaterModules() =>
        Assert.Contains("can have no PostProcess or Output modules", Assert.Throws<ArgumentException>(() => new Engine([
            new Pipeline("Listings") { Process = [Step.Produce("day-1")], Output = [Step.Produce("a.html")], ReadInProcessOnly = true },
        ])).Message);

    [Fact]
    public async Task ReportsHowLongEachModuleTookInPhaseOrder()
    {
        var engine = new Engine([new Pipeline("Papers")
        {
            Input = [Step.Produce("a.md", "b.md", "c.md")],
            Process = [new RecordPhase(new EventLog(), Patience.Slow), Step.Map(d => d)],
            PostProcess = [new PassThrough()],
            Output = [Step.Produce("feed.xml")],
        }]);

        var report = (await engine.ExecuteWithinTimeoutAsync())["Papers"];

        Assert.Equal(
            [
                (Phase.Input, nameof(Step), 3),
                (Phase.Process, nameof(RecordPhase), 3),
                (Phase.Process, nameof(Step), 3),
                (Phase.PostProcess, nameof(PassThrough), 3),
                (Phase.Output, nameof(Step), 1),
            ],
            report.Modules.Select(m => (m.Phase, m.Module, m.DocumentsOut)));
        Assert.True(report.Modules[1].Elapsed >= Patience.Slow * 0.9, $"{report.Modules[1].Elapsed}");
        Assert.Equal(report.Modules.Aggregate(TimeSpan.Zero, (sum, m) => sum + m.Elapsed), report.Elapsed);
    }

    [Fact]
    public async Task InStrictModeAWarningBeforeOutputFailsTheRunAndNoOutputModuleRuns()
    {
        var outputRan = false;
        var engine = new Engine([
            new Pipeline("Papers")
            {
                PostProcess = [Step.Do(c => c.Warn("a.md has no date"))],
                Output = [Step.Do(_ => outputRan = true)],
            },
        ]) { FailOnWarnings = true };

        var failure = await Assert.ThrowsAsync<WarningsAsErrorsException>(() => engine.ExecuteWithinTimeoutAsync());

        Assert.Equal(["a.md has no date"], failure.Warnings.ToArray());
        Assert.False(outputRan);
    }

    [Fact]
    public async Task WithoutStrictModeWarningsDoNotStopTheOutput()
    {
        var outputRan = false;
        var engine = new Engine([
            new Pipeline("Papers")
            {
                Process = [Step.Do(c => c.Warn("a.md has no date"))],
                Output = [Step.Do(_ => outputRan = true)],
            },
        ]);

        await engine.ExecuteWithinTimeoutAsync();

        Assert.True(outputRan);
    }

    [Fact]
    public async Task CollectsTheWarningsOfEveryPipelineAndPhase()
    {
        var engine = new Engine([
            new Pipeline("Papers") { Input = [Step.Do(c => c.Warn("a.md has no title"))], Output = [Step.Do(c => c.Warn("b.md has no date"))] },
            new Pipeline("Feeds") { Process = [Step.Do(c => c.Warn("the feed is empty"))] },
        ]);

        var result = await engine.ExecuteWithinTimeoutAsync();

        Assert.Equal(["a.md has no title", "b.md has no date", "the feed is empty"], result.Warnings.Order());
    }

    [Fact]
    public async Task StartsEachRunWithoutTheWarningsTimingsAndDocumentsOfTheLastOne()
    {
        var runs = 0;
        var engine = new Engine([new Pipeline("Papers")
        {
            Input = [Step.Do(c => c.Warn($"run {Interlocked.Increment(ref runs)}"))],
            Process = [new Step((docs, c) => Task.FromResult<ImmutableArray<Document>>([.. docs, Document.Create(source: "a.md")]))],
        }]);

        await engine.ExecuteWithinTimeoutAsync();
        var second = await engine.ExecuteWithinTimeoutAsync();

        Assert.Equal<string>(["run 2"], second.Warnings);
        Assert.Equal(2, second["Papers"].Modules.Length);
        Assert.Single(second["Papers"].Documents);
    }

    private static int FirstIndexOf(EventLog log, string suffix) =>
        log.Events.Select((e, i) => (e, i)).First(x => x.e.EndsWith("." + suffix, StringComparison.Ordinal)).i;

    private static int LastIndexOf(EventLog log, string suffix) =>
        log.Events.Select((e, i) => (e, i)).Last(x => x.e.EndsWith("." + suffix, StringComparison.Ordinal)).i;

    /// <summary>Waits for the cancellation and then fails with an exception that is not a cancellation.</summary>
    private sealed class FailWhenCancelled : IModule
    {
        private readonly TaskCompletionSource _waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Waiting => _waiting.Task;

        public async Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
        {
            // Synchronous continuations: the rest of this method runs inside the cancellation callback.
            var cancelled = new TaskCompletionSource();
            using var registration = context.CancellationToken.Register(cancelled.SetResult);
            _waiting.SetResult();
            await cancelled.Task.WaitAsync(Patience.Timeout).ConfigureAwait(false);
            throw new ObjectDisposedException("upload", "The connection was closed.");
        }
    }

    /// <summary>A module with a name of its own, to tell its timing apart.</summary>
    private sealed class PassThrough : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(
            ImmutableArray<Document> inputs, IExecutionContext context) => Task.FromResult(inputs);
    }
}

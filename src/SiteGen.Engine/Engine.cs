using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace SiteGen.Engine;

/// <summary>
/// Runs pipelines in Statiq's shape. Each pipeline's Input starts at once; its Process waits for the Process
/// of the pipelines it depends on, so independent pipelines run concurrently. PostProcess starts once every
/// Process is done, Output once every PostProcess is done: a failure before Output writes nothing.
/// The engine knows nothing of what the documents are.
/// </summary>
public sealed class Engine
{
    private readonly ImmutableArray<Pipeline> _ordered;
    private readonly ImmutableDictionary<Type, object> _services;
    private readonly ConcurrentQueue<string> _warnings = new();
    private readonly ConcurrentQueue<string> _notes = new();
    private readonly ConcurrentDictionary<string, ImmutableArray<Document>> _processed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ImmutableArray<Document>> _postProcessed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ImmutableArray<Document>> _written = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<ModuleTiming>> _timings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _elapsedTicks = new(StringComparer.Ordinal);
    // The current run's; ExecuteAsync makes and disposes it, so the engine owns nothing between runs.
    private CancellationTokenSource _cancellation = CancelledNever;
    private static readonly CancellationTokenSource CancelledNever = new();
    private PipelineFailedException? _firstFailure;

    /// <summary>Checks the graph at once: duplicate names, unknown dependencies and cycles throw here.</summary>
    public Engine(IEnumerable<Pipeline> pipelines, IEnumerable<object>? services = null, int? maxDegreeOfParallelism = null)
    {
        _ordered = PipelineGraph.Order([.. pipelines]);
        _services = (services ?? []).ToImmutableDictionary(s => s.GetType());
        MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount;
        _workers = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, MaxDegreeOfParallelism);
    }

    /// <summary>The pipelines in dependency order.</summary>
    public ImmutableArray<Pipeline> Pipelines => _ordered;

    public int MaxDegreeOfParallelism { get; }

    /// <summary>
    /// Strict mode: a warning raised before Output fails the run before anything is written, so a CI build
    /// with problems leaves the previous output as it was.
    /// </summary>
    public bool FailOnWarnings { get; init; }

    /// <summary>
    /// Told after each module of each pipeline finishes (from worker threads): lets a host show progress on
    /// a long build. Must be quick and thread-safe.
    /// </summary>
    public Action<string, ModuleTiming>? ModuleCompleted { get; init; }

    /// <summary>
    /// Outputs of per-document modules kept from earlier runs (see <see cref="DocumentCache"/>): a host that builds
    /// again and again passes the same cache each time. None: every module runs on every document.
    /// </summary>
    public DocumentCache? Cache { get; init; }

    internal CancellationToken Cancellation => _cancellation.Token;

    internal ParallelOptions ParallelOptions => new()
    {
        MaxDegreeOfParallelism = MaxDegreeOfParallelism,
        CancellationToken = _cancellation.Token,
        TaskScheduler = _workers.ConcurrentScheduler,
    };

    /// <summary>
    /// Every module's parallel work shares one bound: pipelines run at once, and a parallel loop per pipeline, each as
    /// wide as the machine, would put several threads on each core, where a thread preempted inside a lock or at a
    /// garbage collection holds up the others.
    /// </summary>
    private readonly ConcurrentExclusiveSchedulerPair _workers;

    /// <summary>Runs every pipeline once. Throws <see cref="PipelineFailedException"/> for the first module that failed.</summary>
    public async Task<EngineResult> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _cancellation = cancellation;
        _warnings.Clear();
        _notes.Clear();
        _processed.Clear();
        _postProcessed.Clear();
        _written.Clear();
        _timings.Clear();
        _elapsedTicks.Clear();
        _firstFailure = null;

        var processDone = new Dictionary<string, Task>(StringComparer.Ordinal);
        foreach (var pipeline in _ordered)
        {
            // Dependencies come first in _ordered, so their tasks exist already. Task.Run, not Task.Yield: under
            // a caller's SynchronizationContext (a UI thread, a test runner) Task.Yield would queue every
            // pipeline to that context, and their synchronous work would run on its one thread, in turn.
            var dependencies = pipeline.Dependencies.Select(d => processDone[d]).ToArray();
            processDone[pipeline.Name] = Task.Run(() => RunInputAndProcessAsync(pipeline, dependencies), CancellationToken.None);
        }
        await WhenAllOrFirstFailure(processDone.Values).ConfigureAwait(false);
        // A pipeline read in Process only (Pipeline.ReadInProcessOnly) is done with: at 100,000 papers the listings'
        // 80,000 papers as captured, before the merge, were held through the writing of every page.
        foreach (var pipeline in _ordered.Where(p => p.ReadInProcessOnly))
        {
            _processed[pipeline.Name] = [];
        }

        await WhenAllOrFirstFailure(_ordered.Select(p => Task.Run(async () =>
            _postProcessed[p.Name] = await RunPhaseAsync(p, Phase.PostProcess, _processed[p.Name]).ConfigureAwait(false)))).ConfigureAwait(false);
        // No Output reads what Process passed on (DocumentsOf): let it go, a paper's earlier forms with it, rather than
        // hold it to the end of the run.
        _processed.Clear();

        if (FailOnWarnings && !_warnings.IsEmpty)
        {
            throw new WarningsAsErrorsException([.. _warnings]);
        }

        foreach (var wave in new[] { _ordered.Where(p => !p.OutputLast), _ordered.Where(p => p.OutputLast) })
        {
            await WhenAllOrFirstFailure(wave.Select(p => Task.Run(async () =>
                _written[p.Name] = await RunPhaseAsync(p, Phase.Output, _postProcessed[p.Name]).ConfigureAwait(false)))).ConfigureAwait(false);
            // The last wave reads what the first one wrote, not what it was given (DocumentsOf): let that go too.
            foreach (var written in wave)
            {
                _postProcessed.TryRemove(written.Name, out _);
            }
        }

        var reports = _ordered.Select(p => new PipelineReport(
            p.Name,
            _written[p.Name],
            TimeSpan.FromTicks(_elapsedTicks.GetValueOrDefault(p.Name)),
            [.. _timings.GetValueOrDefault(p.Name) ?? []]));
        return new EngineResult([.. reports], [.. _warnings]) { Notes = [.. _notes] };
    }

    /// <summary>
    /// What a pipeline passes on to a reader in <paramref name="readerPhase"/>: its Process documents, or its PostProcess
    /// ones to an Output; to the Output of an <see cref="Pipeline.OutputLast"/> pipeline, what its own Output made (it
    /// is done by then). A pipeline read in Process only has nothing to pass on after Process.
    /// </summary>
    internal ImmutableArray<Document> DocumentsOf(string pipeline, Phase readerPhase, bool readerOutputLast)
    {
        var source = _ordered.First(p => p.Name == pipeline);
        return readerPhase != Phase.Process && source.ReadInProcessOnly
            ? throw new InvalidOperationException($"'{pipeline}' is read in Process only, and its documents are gone by {readerPhase}.")
            : readerPhase != Phase.Output ? _processed[pipeline]
            : readerOutputLast && !source.OutputLast && _written.TryGetValue(pipeline, out var written) ? written
            : _postProcessed[pipeline];
    }

    internal T GetService<T>() where T : class =>
        _services.TryGetValue(typeof(T), out var service)
            ? (T)service
            : _services.Values.OfType<T>().FirstOrDefault()
              ?? throw new InvalidOperationException($"No service of type {typeof(T).Name} was given to the engine.");

    internal void AddWarning(string message) => _warnings.Enqueue(message);

    internal void AddNote(string message) => _notes.Enqueue(message);

    private async Task RunInputAndProcessAsync(Pipeline pipeline, Task[] dependencies)
    {
        var inputs = await RunPhaseAsync(pipeline, Phase.Input, []).ConfigureAwait(false);
        await Task.WhenAll(dependencies).ConfigureAwait(false);
        _processed[pipeline.Name] = await RunPhaseAsync(pipeline, Phase.Process, inputs).ConfigureAwait(false);
    }

    private async Task<ImmutableArray<Document>> RunPhaseAsync(Pipeline pipeline, Phase phase, ImmutableArray<Document> documents)
    {
        var timings = _timings.GetOrAdd(pipeline.Name, _ => []);
        var modules = pipeline.ModulesOf(phase);
        for (var index = 0; index < modules.Length; index++)
        {
            var module = modules[index];
            var context = new ExecutionContext(this, pipeline, phase, index);
            _cancellation.Token.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            try
            {
                documents = await module.ExecuteAsync(documents, context).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception exception)
            {
                var failure = new PipelineFailedException(pipeline.Name, phase, module.GetType().Name, exception);
                // Kept before cancelling: modules that fail once cancelled are consequences, not the cause.
                Interlocked.CompareExchange(ref _firstFailure, failure, null);
                await _cancellation.CancelAsync().ConfigureAwait(false);
                throw failure;
            }
            var elapsed = Stopwatch.GetElapsedTime(started);
            lock (timings)
            {
                timings.Add(new ModuleTiming(phase, module.GetType().Name, elapsed, documents.Length));
            }
            _elapsedTicks.AddOrUpdate(pipeline.Name, elapsed.Ticks, (_, ticks) => ticks + elapsed.Ticks);
            ModuleCompleted?.Invoke(pipeline.Name, new ModuleTiming(phase, module.GetType().Name, elapsed, documents.Length));
        }
        return documents;
    }

    /// <summary>
    /// Waits for every task; rethrows the first module failure, which caused the cancellation, rather than the
    /// cancellation or a failure it caused (Task.WhenAll lists exceptions in the order tasks ended, not failed).
    /// </summary>
    private async Task WhenAllOrFirstFailure(IEnumerable<Task> tasks)
    {
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch when (_firstFailure is not null)
        {
            ExceptionDispatchInfo.Throw(_firstFailure);
        }
    }
}

using System.Collections.Immutable;

namespace SiteGen.Engine;

/// <summary>The context of one pipeline in one phase; reads other pipelines only through the engine.</summary>
internal sealed class ExecutionContext(Engine engine, Pipeline pipeline, Phase phase, int module = 0) : IExecutionContext
{
    /// <summary>The engine's <see cref="DocumentCache"/>, if it has one.</summary>
    public DocumentCache? Cache => engine.Cache;

    /// <summary>The running module's place in its pipeline's phase.</summary>
    public int Module => module;

    public string PipelineName => pipeline.Name;

    public Phase Phase => phase;

    public CancellationToken CancellationToken => engine.Cancellation;

    public ParallelOptions ParallelOptions => engine.ParallelOptions;

    public ImmutableArray<Document> FromPipeline(string name)
    {
        if (!pipeline.Dependencies.Contains(name))
        {
            throw new InvalidOperationException(
                $"Pipeline '{pipeline.Name}' reads '{name}' but does not declare it; add \"{name}\" to its Dependencies.");
        }
        if (phase == Phase.Input)
        {
            throw new InvalidOperationException(
                $"Pipeline '{pipeline.Name}' reads '{name}' in its Input phase; other pipelines' documents are ready from the Process phase on.");
        }
        return engine.DocumentsOf(name, phase, pipeline.OutputLast);
    }

    public T GetService<T>() where T : class => engine.GetService<T>();

    public void Warn(string message) => engine.AddWarning(message);

    public void Note(string message) => engine.AddNote(message);
}

using System.Collections.Immutable;

namespace SiteGen.Engine;

/// <summary>What a module can see of the engine while it runs.</summary>
public interface IExecutionContext
{
    string PipelineName { get; }

    Phase Phase { get; }

    CancellationToken CancellationToken { get; }

    /// <summary>Bounds the parallel per-document work of a module; carries the cancellation token.</summary>
    ParallelOptions ParallelOptions { get; }

    /// <summary>
    /// The documents of a pipeline this one declared as a dependency: its Process result during Process and
    /// PostProcess (every PostProcess runs at once, so none can wait for another's), its PostProcess result
    /// during Output. Input runs before dependencies are done, so reading there is an error; so is reading an
    /// undeclared pipeline, so the dependency graph in the pipeline list is always the whole truth.
    /// </summary>
    ImmutableArray<Document> FromPipeline(string name);

    /// <summary>Shared, read-only services of the host (settings, renderers...), keyed by type.</summary>
    T GetService<T>() where T : class;

    /// <summary>Reports a problem that does not stop the build (strict mode may turn it into a failure).</summary>
    void Warn(string message);

    /// <summary>Reports what a module did that a user may want to know, and that is no problem (what an input gave).</summary>
    void Note(string message);
}

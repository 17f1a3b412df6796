using System.Collections.Immutable;

namespace SiteGen.Engine;

/// <summary>A module's context that keeps the warnings raised through it instead of raising them: the caller raises them, now and whenever the work is reused.</summary>
internal sealed class WarningRecorder(IExecutionContext inner) : IExecutionContext
{
    private ImmutableArray<string> _warnings = [];

    public ImmutableArray<string> Warnings => _warnings;

    public string PipelineName => inner.PipelineName;

    public Phase Phase => inner.Phase;

    public CancellationToken CancellationToken => inner.CancellationToken;

    public ParallelOptions ParallelOptions => inner.ParallelOptions;

    public ImmutableArray<Document> FromPipeline(string name) => inner.FromPipeline(name);

    public T GetService<T>() where T : class => inner.GetService<T>();

    public void Warn(string message)
    {
        _warnings = _warnings.Add(message);
    }
}

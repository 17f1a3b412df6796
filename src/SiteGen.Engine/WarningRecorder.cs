using System.Collections.Immutable;

namespace SiteGen.Engine;

/// <summary>
/// A module's context that keeps the warnings and notes raised through it instead of raising them: the caller raises them,
/// now and whenever the work is reused.
/// </summary>
internal sealed class WarningRecorder(IExecutionContext inner) : IExecutionContext
{
    private ImmutableArray<string> _warnings = [];
    private ImmutableArray<string> _notes = [];

    public ImmutableArray<string> Warnings => _warnings;

    public ImmutableArray<string> Notes => _notes;

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

    public void Note(string message)
    {
        _notes = _notes.Add(message);
    }
}

using System.Collections.Immutable;

namespace SiteGen.Engine.Tests.Support;

/// <summary>A context without an engine, to test a module on its own.</summary>
internal sealed class StubContext(int maxDegreeOfParallelism, CancellationToken cancellationToken = default) : IExecutionContext
{
    public string PipelineName => "Stub";

    public Phase Phase => Phase.Process;

    public CancellationToken CancellationToken => cancellationToken;

    public ParallelOptions ParallelOptions => new()
    {
        MaxDegreeOfParallelism = maxDegreeOfParallelism,
        CancellationToken = cancellationToken,
    };

    public ImmutableArray<Document> FromPipeline(string name) => throw new NotSupportedException();

    public T GetService<T>() where T : class => throw new NotSupportedException();

    public void Warn(string message)
    {
    }

    public void Note(string message)
    {
    }
}

using System.Collections.Immutable;

namespace SiteGen.Engine.Tests.Support;

/// <summary>Throws <see cref="Exception"/>, after an optional delay.</summary>
internal sealed class ThrowingModule(TimeSpan delay = default) : IModule
{
    public Exception Exception { get; } = new InvalidOperationException("The module broke on purpose.");

    public async Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay);
        }
        throw Exception;
    }
}

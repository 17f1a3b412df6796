using System.Collections.Immutable;

namespace SiteGen.Engine.Tests.Support;

/// <summary>Logs "Pipeline.Phase start" and "Pipeline.Phase end" around an optional delay.</summary>
internal sealed class RecordPhase(EventLog log, TimeSpan delay = default) : IModule
{
    public async Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        log.Add($"{context.PipelineName}.{context.Phase} start");
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay);
        }
        log.Add($"{context.PipelineName}.{context.Phase} end");
        return inputs;
    }
}

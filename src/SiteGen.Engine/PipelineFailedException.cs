namespace SiteGen.Engine;

/// <summary>A module threw: names the pipeline, the phase and the module, and keeps the cause.</summary>
public sealed class PipelineFailedException(string pipeline, Phase phase, string module, Exception inner)
    : Exception($"Pipeline '{pipeline}' failed in its {phase} phase, in module {module}: {inner.Message}", inner)
{
    public string Pipeline { get; } = pipeline;

    public Phase Phase { get; } = phase;

    public string Module { get; } = module;
}

using System.Collections.Immutable;

namespace SiteGen.Engine;

/// <summary>A named list of modules per phase, with the pipelines whose documents it reads.</summary>
public sealed class Pipeline
{
    public Pipeline(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public string Name { get; }

    /// <summary>Pipelines whose documents this one reads through <see cref="IExecutionContext.FromPipeline"/>.</summary>
    public ImmutableArray<string> Dependencies { get; init; } = [];

    public ImmutableArray<IModule> Input { get; init; } = [];

    public ImmutableArray<IModule> Process { get; init; } = [];

    public ImmutableArray<IModule> PostProcess { get; init; } = [];

    public ImmutableArray<IModule> Output { get; init; } = [];

    /// <summary>
    /// True: this pipeline's Output starts only once every other pipeline's Output is done, as Statiq runs its
    /// deployment pipelines last. For a check of what the others wrote (the site's internal links): its Output reads
    /// what their Output made.
    /// </summary>
    public bool OutputLast { get; init; }

    /// <summary>
    /// True: a pipeline of inputs for the Process of the pipelines that depend on it (captures for a merge), with no
    /// PostProcess or Output modules of its own. The engine lets go of its documents once every Process is done rather
    /// than hold them to the end of the run, reports none for it, and a read of them after Process is an error.
    /// </summary>
    public bool ReadInProcessOnly { get; init; }

    public ImmutableArray<IModule> ModulesOf(Phase phase) => phase switch
    {
        Phase.Input => Input,
        Phase.Process => Process,
        Phase.PostProcess => PostProcess,
        Phase.Output => Output,
        _ => throw new ArgumentOutOfRangeException(nameof(phase)),
    };

    public override string ToString() => Name;
}

using System.Collections.Immutable;

namespace SiteGen.Engine;

/// <summary>Checks the pipelines' dependency graph and orders it topologically.</summary>
internal static class PipelineGraph
{
    /// <summary>
    /// Returns the pipelines so that each comes after the ones it depends on; otherwise they keep the given
    /// order, a dependency moving up just before the first pipeline that needs it, so the order is
    /// deterministic. Throws on duplicate names, unknown dependencies, cycles, and a pipeline read in Process only
    /// that has later modules.
    /// </summary>
    public static ImmutableArray<Pipeline> Order(IReadOnlyList<Pipeline> pipelines)
    {
        var byName = new Dictionary<string, Pipeline>(StringComparer.Ordinal);
        foreach (var pipeline in pipelines)
        {
            if (!byName.TryAdd(pipeline.Name, pipeline))
            {
                throw new ArgumentException($"Two pipelines are named '{pipeline.Name}'; pipeline names must be unique.");
            }
        }
        foreach (var pipeline in pipelines)
        {
            if (pipeline.ReadInProcessOnly && (!pipeline.PostProcess.IsEmpty || !pipeline.Output.IsEmpty))
            {
                throw new ArgumentException($"Pipeline '{pipeline.Name}' is read in Process only, so it can have no PostProcess or Output modules.");
            }
            foreach (var dependency in pipeline.Dependencies)
            {
                if (!byName.ContainsKey(dependency))
                {
                    throw new ArgumentException($"Pipeline '{pipeline.Name}' depends on '{dependency}', which is not a pipeline.");
                }
            }
        }

        // Depth-first search with three colours; a grey node met again closes a cycle.
        var state = new Dictionary<string, VisitState>(StringComparer.Ordinal);
        var ordered = ImmutableArray.CreateBuilder<Pipeline>(pipelines.Count);
        var path = new List<string>();
        foreach (var pipeline in pipelines)
        {
            Visit(pipeline);
        }
        return ordered.ToImmutable();

        void Visit(Pipeline pipeline)
        {
            switch (state.GetValueOrDefault(pipeline.Name))
            {
                case VisitState.Done:
                    return;
                case VisitState.InProgress:
                    var cycle = path.Skip(path.IndexOf(pipeline.Name)).Append(pipeline.Name);
                    throw new PipelineCycleException([.. cycle]);
            }
            state[pipeline.Name] = VisitState.InProgress;
            path.Add(pipeline.Name);
            foreach (var dependency in pipeline.Dependencies)
            {
                Visit(byName[dependency]);
            }
            path.RemoveAt(path.Count - 1);
            state[pipeline.Name] = VisitState.Done;
            ordered.Add(pipeline);
        }
    }
}

internal enum VisitState
{
    NotSeen,
    InProgress,
    Done,
}

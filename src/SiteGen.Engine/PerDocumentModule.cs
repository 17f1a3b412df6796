using System.Collections.Immutable;

namespace SiteGen.Engine;

/// <summary>
/// The one base class: a module whose work is independent per document. Documents are processed in
/// parallel and the results keep the input order, so output stays deterministic.
/// </summary>
public abstract class PerDocumentModule : IModule
{
    /// <summary>Returns the documents that replace <paramref name="input"/>: usually one, none to drop it.</summary>
    protected abstract IEnumerable<Document> Execute(Document input, IExecutionContext context);

    public async Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var results = new IEnumerable<Document>[inputs.Length];
        await Parallel.ForAsync(0, inputs.Length, context.ParallelOptions, (i, _) =>
        {
            // Materialize inside the worker, so lazy iterators do their work in parallel too.
            results[i] = Execute(inputs[i], context).ToArray();
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);

        var builder = ImmutableArray.CreateBuilder<Document>(inputs.Length);
        foreach (var produced in results)
        {
            builder.AddRange(produced);
        }
        return builder.ToImmutable();
    }
}

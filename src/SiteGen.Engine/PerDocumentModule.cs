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

    /// <summary>
    /// True when the outputs (and warnings) depend on nothing but the input document and what the host's
    /// <see cref="DocumentCache"/> is cleared for: then an engine with a cache reuses them for an input it has seen.
    /// A module with side effects (writing files) must leave it false.
    /// </summary>
    protected virtual bool OutputDependsOnlyOnInput => false;

    public async Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var cache = OutputDependsOnlyOnInput ? (context as ExecutionContext)?.Cache : null;
        var results = new Document[inputs.Length][];
        await ParallelRanges.ForAsync(inputs.Length, context.ParallelOptions,
            i => results[i] = cache is null ? Execute(inputs[i], context).ToArray() : Reuse(inputs[i], context, cache)).ConfigureAwait(false);

        var count = 0;
        foreach (var produced in results)
        {
            count += produced.Length;
        }
        var builder = ImmutableArray.CreateBuilder<Document>(count);
        foreach (var produced in results)
        {
            builder.AddRange(produced);
        }
        return builder.MoveToImmutable();
    }

    /// <summary>
    /// The outputs of last time for this very input, or new ones, remembered with the warnings they raised; the
    /// warnings are raised from the entry either way, so a reused output warns as a new one does.
    /// </summary>
    private Document[] Reuse(Document input, IExecutionContext context, Memo<Document, DocumentCache.Entry> cache)
    {
        var entry = cache.GetOrAdd(input, document =>
        {
            var recording = new WarningRecorder(context);
            // Materialized inside the worker, so lazy iterators do their work in parallel too.
            var outputs = Execute(document, recording).ToArray();
            return new DocumentCache.Entry(outputs, recording.Warnings);
        });
        foreach (var warning in entry.Warnings)
        {
            context.Warn(warning);
        }
        return entry.Outputs;
    }
}

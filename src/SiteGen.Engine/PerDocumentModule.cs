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
    /// <see cref="DocumentCache"/> is cleared for (and its store's basis stands for): then an engine with a cache reuses
    /// them for an input its last run saw, or the store holds.
    /// A module with side effects (writing files) must leave it false.
    /// </summary>
    protected virtual bool OutputDependsOnlyOnInput => false;

    /// <summary>
    /// With <see cref="OutputDependsOnlyOnInput"/>: whether the outputs are worth keeping in the cache's
    /// <see cref="DocumentStore"/> for the next process. False for a module that redoes its work faster than the store
    /// gives it back (hashing its input, reading its outputs).
    /// </summary>
    protected virtual bool StoreOutputs => true;

    /// <summary>
    /// With <see cref="OutputDependsOnlyOnInput"/>: a fingerprint of everything besides the input document that the
    /// outputs depend on (the services the module reads: a setting, the vocabulary), for the store's keys. Null, the
    /// default: all the host's <see cref="DocumentCache.Basis"/> stands for. A module that declares less keeps its
    /// stored work when something it does not read changes (a tag added keeps every capture read).
    /// </summary>
    protected virtual ulong? MadeWith(IExecutionContext context) => null;

    public async Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var results = new Document[inputs.Length][];
        if (!OutputDependsOnlyOnInput || context is not ExecutionContext { Cache: { } cache } running)
        {
            await ParallelRanges.ForAsync(inputs.Length, context.ParallelOptions, i => results[i] = Execute(inputs[i], context).ToArray()).ConfigureAwait(false);
        }
        else
        {
            var madeWith = MadeWith(context) ?? cache.Basis;
            // The last run's work is reused only if what it read besides its inputs is what this run reads.
            var last = cache.Last(running.PipelineName, running.Phase, running.Module) is { } run && run.MadeWith == madeWith ? run : null;
            var module = $"{running.PipelineName}/{running.Phase}/{running.Module}/{GetType().FullName}/{madeWith:x16}";
            var entries = new DocumentCache.Entry[inputs.Length];
            await ParallelRanges.ForAsync(inputs.Length, context.ParallelOptions, i =>
            {
                // The work handed over as state to a static function: a closure for each document of each module was garbage.
                var work = (Module: this, Input: inputs[i], Context: context);
                var entry = entries[i] = last?.Find(inputs[i], i) is { } found ? cache.Checked(module, inputs[i], found, work, RunWork)
                    : StoreOutputs ? cache.FromStoreOrRun(module, inputs[i], work, RunWork)
                    : Run(inputs[i], context);
                // Warnings are raised from the entry either way, so a reused output warns as a new one does.
                foreach (var warning in entry.Warnings)
                {
                    context.Warn(warning);
                }
                foreach (var note in entry.Notes)
                {
                    context.Note(note);
                }
                results[i] = entry.Outputs;
            }).ConfigureAwait(false);
            cache.Remember(running.PipelineName, running.Phase, running.Module, new DocumentCache.LastRun(inputs, entries, madeWith));
        }

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

    private static DocumentCache.Entry RunWork((PerDocumentModule Module, Document Input, IExecutionContext Context) work) =>
        work.Module.Run(work.Input, work.Context);

    /// <summary>New outputs for <paramref name="input"/>, with the warnings they raised.</summary>
    private DocumentCache.Entry Run(Document input, IExecutionContext context)
    {
        var recording = new WarningRecorder(context);
        // Materialized inside the worker, so lazy iterators do their work in parallel too; an array is handed over as it is.
        var made = Execute(input, recording);
        var outputs = made as Document[] ?? made.ToArray();
        return new DocumentCache.Entry(outputs, recording.Warnings, recording.Notes);
    }
}

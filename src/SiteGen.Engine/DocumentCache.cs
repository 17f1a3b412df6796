using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace SiteGen.Engine;

/// <summary>
/// What per-document modules produced in their last run, for a host that runs the same pipelines again and again
/// (a preview server). A module that declares <see cref="PerDocumentModule.OutputDependsOnlyOnInput"/> is not run
/// again for an input document its last run saw: its outputs and warnings of then are reused. Documents are
/// immutable and compared by reference, so an entry can never be stale, only unused. The host must <see cref="Clear"/>
/// the cache when what modules depend on besides their input (settings, services) changes.
/// <para>
/// Each module keeps its last run's inputs and entries side by side, and an input is first looked for at its own
/// place, then one place either side (a paper added or removed before it): a rebuild's inputs are nearly all last
/// run's, in the same order, so this finds them with a comparison of references where a hash table lookup per
/// document, for tens of thousands of documents per module, cost a rebuild more than the work it saved.
/// </para>
/// </summary>
public sealed class DocumentCache
{
    private readonly ConcurrentDictionary<(string Pipeline, Phase Phase, int Module), LastRun> _runs = new();

    public void Clear() => _runs.Clear();

    internal LastRun? Last(string pipeline, Phase phase, int module) => _runs.GetValueOrDefault((pipeline, phase, module));

    internal void Remember(string pipeline, Phase phase, int module, LastRun run) => _runs[(pipeline, phase, module)] = run;

    /// <summary>A module's outputs for one input, and the warnings it raised making them.</summary>
    internal sealed record Entry(Document[] Outputs, ImmutableArray<string> Warnings, ImmutableArray<string> Notes);

    /// <summary>A module's last run: its inputs, and the entry each gave, at the same index.</summary>
    internal sealed class LastRun(ImmutableArray<Document> inputs, Entry[] entries)
    {
        private Dictionary<Document, int>? _index;
        private int _fartherMisses;

        public Entry? Find(Document input, int at)
        {
            if (SamePlaces.Near(inputs.AsSpan(), input, at) is var near and >= 0)
            {
                return entries[near];
            }
            // The first input found nowhere near is taken to be new (an edited paper is): an index of 10,000 documents
            // would cost more than it saves. From the second on, the inputs may have been reordered, and it pays.
            if (Interlocked.Increment(ref _fartherMisses) == 1)
            {
                return null;
            }
            var index = LazyInitializer.EnsureInitialized(ref _index, () =>
            {
                var byDocument = new Dictionary<Document, int>(inputs.Length, ReferenceEqualityComparer.Instance);
                for (var i = 0; i < inputs.Length; i++)
                {
                    byDocument.TryAdd(inputs[i], i);
                }
                return byDocument;
            });
            return index.TryGetValue(input, out var found) ? entries[found] : null;
        }
    }
}

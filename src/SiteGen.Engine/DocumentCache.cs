using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace SiteGen.Engine;

/// <summary>
/// What per-document modules produced in earlier runs, for a host that runs the same pipelines again and again
/// (a preview server). A module that declares <see cref="PerDocumentModule.OutputDependsOnlyOnInput"/> is not run
/// again for an input document it has seen: its outputs and warnings of last time are reused. Documents are
/// immutable and compared by reference, so an entry can never be stale, only unused; each run keeps only the
/// entries the run before it used. The host must <see cref="Clear"/> the cache when what modules depend on
/// besides their input (settings, services) changes.
/// </summary>
public sealed class DocumentCache
{
    private readonly ConcurrentDictionary<(string Pipeline, Phase Phase, int Module), Table> _tables = new();
    private int _run;

    public void Clear() => _tables.Clear();

    /// <summary>Called by the engine at the start of each run: drops what the last run did not use.</summary>
    internal void StartRun()
    {
        foreach (var table in _tables.Values)
        {
            table.DropUnused(_run);
        }
        _run++;
    }

    internal Table For(string pipeline, Phase phase, int module) => _tables.GetOrAdd((pipeline, phase, module), _ => new Table());

    internal int Run => _run;

    /// <summary>One module's outputs, by input document.</summary>
    internal sealed class Table
    {
        private readonly ConcurrentDictionary<Document, Entry> _entries = new(Environment.ProcessorCount * 8, 31, ReferenceEqualityComparer.Instance);

        public bool TryGet(Document input, int run, out Entry entry)
        {
            if (!_entries.TryGetValue(input, out entry!))
            {
                return false;
            }
            entry.Run = run; // a plain write: racing readers all write the same run
            return true;
        }

        public void Add(Document input, Entry entry) => _entries[input] = entry;

        public void DropUnused(int lastRun)
        {
            foreach (var (input, entry) in _entries)
            {
                if (entry.Run < lastRun)
                {
                    _entries.TryRemove(input, out _);
                }
            }
        }
    }

    internal sealed class Entry(Document[] outputs, ImmutableArray<string> warnings, int run)
    {
        public Document[] Outputs { get; } = outputs;

        public ImmutableArray<string> Warnings { get; } = warnings;

        public int Run = run;
    }
}

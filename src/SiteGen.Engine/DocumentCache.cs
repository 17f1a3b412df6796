using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace SiteGen.Engine;

/// <summary>
/// What per-document modules produced in earlier runs, for a host that runs the same pipelines again and again
/// (a preview server). A module that declares <see cref="PerDocumentModule.OutputDependsOnlyOnInput"/> is not run
/// again for an input document it has seen: its outputs and warnings of last time are reused. Documents are
/// immutable and compared by reference, so an entry can never be stale, only unused; each module's table is a
/// <see cref="Memo{TKey, TValue}"/>, which keeps what the last run used. The host must <see cref="Clear"/> the cache
/// when what modules depend on besides their input (settings, services) changes.
/// </summary>
public sealed class DocumentCache
{
    private readonly ConcurrentDictionary<(string Pipeline, Phase Phase, int Module), Memo<Document, Entry>> _tables = new();

    public void Clear() => _tables.Clear();

    /// <summary>Called by the engine at the start of each run.</summary>
    internal void StartRun()
    {
        foreach (var table in _tables.Values)
        {
            table.NextGeneration();
        }
    }

    internal Memo<Document, Entry> For(string pipeline, Phase phase, int module) =>
        _tables.GetOrAdd((pipeline, phase, module), static _ => new Memo<Document, Entry>(remember: true, ReferenceEqualityComparer.Instance));

    /// <summary>A module's outputs for one input, and the warnings it raised making them.</summary>
    internal sealed record Entry(Document[] Outputs, ImmutableArray<string> Warnings);
}

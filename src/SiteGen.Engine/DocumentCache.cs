using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace SiteGen.Engine;

/// <summary>
/// What per-document modules produced in their last run, for a host that runs the same pipelines again and again
/// (a preview server). A module that declares <see cref="PerDocumentModule.OutputDependsOnlyOnInput"/> is not run
/// again for an input document its last run saw: its outputs and warnings of then are reused. Documents are
/// immutable and compared by reference, so an entry can never be stale, only unused. A module's last run is reused only
/// while what it read besides its inputs is the same: what it declares (<see cref="PerDocumentModule.MadeWith"/>), else
/// the host's <see cref="Basis"/>.
/// <para>
/// Each module keeps its last run's inputs and entries side by side, and an input is first looked for at its own
/// place, then one place either side (a paper added or removed before it): a rebuild's inputs are nearly all last
/// run's, in the same order, so this finds them with a comparison of references where a hash table lookup per
/// document, for tens of thousands of documents per module, cost a rebuild more than the work it saved.
/// </para>
/// <para>
/// With a <see cref="Store"/> and a <see cref="Codec"/>, what is not in memory is looked for on disk, by a hash of the
/// module and the input document, and what is made is stored there: so a new process reuses the last one's work for
/// every input that did not change. A host with no use for the memory (one build per process) sets
/// <see cref="RemembersRuns"/> false.
/// </para>
/// </summary>
public sealed class DocumentCache
{
    private readonly ConcurrentDictionary<(string Pipeline, Phase Phase, int Module), LastRun> _runs = new();

    /// <summary>False: nothing is kept in memory between runs (the store alone is used).</summary>
    public bool RemembersRuns { get; init; } = true;

    /// <summary>Where outputs are kept between processes, for this run; null: in memory only.</summary>
    public DocumentStore? Store { get; set; }

    /// <summary>
    /// What a module's outputs are made with besides its inputs unless it declares less
    /// (<see cref="PerDocumentModule.MadeWith"/>): the host's fingerprint of its settings and services. A last run in
    /// memory is reused, and a stored output found, only under the same; the store's own basis is only what decides how
    /// its records read (the program).
    /// </summary>
    public ulong Basis { get; set; }

    /// <summary>How documents are written into the <see cref="Store"/>.</summary>
    public DocumentCodec? Codec { get; init; }

    /// <summary>
    /// Verify mode: an output reused from memory or found in the store is made again the full way as well, and a
    /// difference fails the run (<see cref="StoredWorkMismatchException"/>).
    /// </summary>
    public bool Verify { get; set; }

    public void Clear() => _runs.Clear();

    internal LastRun? Last(string pipeline, Phase phase, int module) => RemembersRuns ? _runs.GetValueOrDefault((pipeline, phase, module)) : null;

    internal void Remember(string pipeline, Phase phase, int module, LastRun run)
    {
        if (RemembersRuns)
        {
            _runs[(pipeline, phase, module)] = run;
        }
    }

    /// <summary>
    /// The outputs the <see cref="Store"/> holds for <paramref name="input"/> of <paramref name="module"/>, else those
    /// <paramref name="run"/> makes of <paramref name="state"/>, which are then stored (when the codec can write them).
    /// </summary>
    internal Entry FromStoreOrRun<TState>(string module, Document input, TState state, Func<TState, Entry> run)
    {
        if (Store is not { } store || Codec is not { } codec || !codec.CanWrite(input))
        {
            return run(state);
        }
        UInt128 key;
        try
        {
            key = StoredEntries.KeyOf(module, input, codec);
        }
        catch (NotSupportedException)
        {
            return run(state); // a value the codec declines (an unusual one inside a known type): made in every process
        }
        // A host that keeps nothing between runs builds once per process: the store outlives what it reads, so its texts
        // can stay in the file (IStoredBytesReader) rather than be copied into memory.
        var lender = RemembersRuns ? null : store;
        return Stored(store, module, input.ToString(), key, (input, codec, state, run, lender), static s => s.run(s.state),
            static (s, entry) => entry.Outputs.All(s.codec.CanWrite) ? StoredEntries.Encode(entry, s.input, s.codec) : throw new NotSupportedException(),
            static (s, payload, at) => StoredEntries.TryRead(payload, s.input, s.codec, s.lender is { } store ? (store, at) : null)
                ?? throw new InvalidDataException("the stored outputs do not read"));
    }

    /// <summary>
    /// A value made from exactly what <paramref name="key"/> is a hash of (the caller's declaration, a <see cref="StoreKey"/>:
    /// what the value is, and every input it is made from), for a part of a step that the store of whole documents does not
    /// fit (a paper's words for the search index; a paper's tags, cheaper to key and read back alone than the paper): from
    /// the <see cref="Store"/> when an earlier process made it, else made by <paramref name="make"/> and stored for the
    /// next. The key is asked for only when there is a store: without one (a check, a session's later builds) the value is
    /// made without hashing what it is made from. Each function is handed <paramref name="state"/>, so that a caller that
    /// passes static ones allocates nothing per value: this is asked for every paper of every build.
    /// </summary>
    public T StoredOrMade<TState, T>(string what, TState state, Func<TState, UInt128> key, Func<TState, T> make, Func<TState, T, byte[]> encode,
        Func<TState, ArraySegment<byte>, T> decode) =>
        Store is { } store
            ? Stored(store, what, about: null, key(state), (state, make, encode, decode), static s => s.make(s.state),
                static (s, value) => s.encode(s.state, value), static (s, payload, _) => s.decode(s.state, payload))
            : make(state);

    /// <summary>
    /// Keeps what <see cref="StoredOrMade{TState, T}"/> stored under <paramref name="key"/> for the next process although this one
    /// did not read it (a value most builds need only part of); the store drops unread records once they outweigh a quarter
    /// of the rest.
    /// </summary>
    public void KeepStored(UInt128 key) => Store?.KeepRecord(key);

    /// <summary>
    /// The value the last process kept under <paramref name="what"/> (<see cref="Keep"/>), for one that grows from build
    /// to build rather than being made from inputs (the numbering of the search index's words); null when there is no
    /// store, none was kept, or it does not read.
    /// </summary>
    public T? Latest<T>(string what, Func<BinaryReader, T> decode) where T : class
    {
        if (Store?.Read(new StoreKey("latest").Add(what).Value, out _) is not { } stored)
        {
            return null;
        }
        try
        {
            return StoredEntries.Read(stored, decode);
        }
        catch (Exception exception) when (DoesNotRead(exception))
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(stored.Array!);
        }
    }

    /// <summary>
    /// Keeps what <paramref name="value"/> makes under <paramref name="what"/> for the next process, in place of what was
    /// kept there (<see cref="Latest{T}"/>). Made on another thread while the build goes on, and waited for when the store
    /// is saved: encoding a value of every paper (the related papers, papers.json's lines) took 50 ms of one core each at
    /// 100,000 papers where the build waited for it. What it encodes must not change once it is kept.
    /// </summary>
    public void Keep(string what, Func<byte[]> value) => Store?.AddInBackground(new StoreKey("latest").Add(what).Value, value);

    /// <summary>
    /// What <paramref name="decode"/> reads from a value <see cref="StoredOrMade{TState, T}"/> hands its decoder, through the
    /// thread's one reader of stored bytes (a reader and a stream for each paper's tags were 14 MB of a day at 100,000
    /// papers): the bytes are the store's until the decoder returns.
    /// </summary>
    public static T Read<T>(ArraySegment<byte> stored, Func<BinaryReader, T> decode) => StoredEntries.Read(stored, decode);

    /// <summary>
    /// The one way both kinds of stored work are reused: a record that checks but does not decode is made again, and
    /// stored again in its place (what it was made from may not have changed: a word of the search index's numbering the
    /// store no longer holds); in verify mode a stored value is made again as well, and a difference in its bytes fails
    /// the run (naming <paramref name="what"/> and <paramref name="about"/>, else the key, written out only then); a value
    /// <paramref name="encode"/> declines (<see cref="NotSupportedException"/>) is not stored, and made again by the next
    /// process. <paramref name="decode"/> is also told where the record's bytes start in the store's file.
    /// </summary>
    private T Stored<TState, T>(DocumentStore store, string what, string? about, UInt128 key, TState state, Func<TState, T> make,
        Func<TState, T, byte[]> encode, Func<TState, ArraySegment<byte>, long, T> decode)
    {
        if (store.Read(key, out var at) is { } payload)
        {
            try
            {
                T stored;
                try
                {
                    stored = decode(state, payload, at);
                }
                catch (Exception exception) when (DoesNotRead(exception))
                {
                    return MadeAndStored();
                }
                if (Verify && !encode(state, make(state)).AsSpan().SequenceEqual(payload))
                {
                    throw new StoredWorkMismatchException(what, about ?? $"{key:x32}");
                }
                return stored;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(payload.Array!);
            }
        }
        return MadeAndStored();

        T MadeAndStored()
        {
            var value = make(state);
            try
            {
                store.Add(key, encode(state, value));
            }
            catch (NotSupportedException)
            {
                // Not stored: made again by the next process.
            }
            return value;
        }
    }

    /// <summary>What a decoder throws for a record that checks but does not read as what it says it is.</summary>
    private static bool DoesNotRead(Exception exception) =>
        exception is InvalidDataException or EndOfStreamException or FormatException or ArgumentException or IndexOutOfRangeException;

    /// <summary>
    /// <paramref name="reused"/>, an entry the last run in memory left for <paramref name="input"/>; in verify mode made
    /// again by <paramref name="run"/> of <paramref name="state"/> as well, and compared (when the codec can write both).
    /// </summary>
    internal Entry Checked<TState>(string module, Document input, Entry reused, TState state, Func<TState, Entry> run)
    {
        if (!Verify || Codec is not { } codec || !codec.CanWrite(input) || !reused.Outputs.All(codec.CanWrite))
        {
            return reused;
        }
        byte[] kept;
        try
        {
            kept = StoredEntries.Encode(reused, input, codec);
        }
        catch (NotSupportedException)
        {
            return reused;
        }
        if (!StoredEntries.Encode(run(state), input, codec).AsSpan().SequenceEqual(kept))
        {
            throw new StoredWorkMismatchException(module, input.ToString());
        }
        return reused;
    }

    /// <summary>A module's outputs for one input, and the warnings it raised making them.</summary>
    internal readonly record struct Entry(Document[] Outputs, ImmutableArray<string> Warnings, ImmutableArray<string> Notes);

    /// <summary>A module's last run: its inputs, and the entry each gave, at the same index.</summary>
    internal sealed class LastRun(ImmutableArray<Document> inputs, Entry[] entries, ulong madeWith)
    {
        /// <summary>What the module read besides its inputs in that run (<see cref="PerDocumentModule.MadeWith"/>).</summary>
        public ulong MadeWith => madeWith;

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

using System.Collections.Concurrent;
using System.Collections.Immutable;
using SiteGen.Engine;

namespace SiteGen.Site;

/// <summary>
/// What a value kept between builds was made from besides its key: the parts of the site it read, whose change drops it.
/// The program is not one: it is the same for every build of a process.
/// </summary>
[Flags]
internal enum MadeFrom
{
    /// <summary>Its key alone (a file's bytes, a paper's line of papers.json): kept whatever else changes.</summary>
    KeyAlone = 0,

    /// <summary>The settings (statiq.json, --setting).</summary>
    Settings = 1,

    /// <summary>The tag vocabulary (tags.yml): its tags' names.</summary>
    Vocabulary = 2,

    /// <summary>The navigation (the menu, from the site's top pages).</summary>
    Navigation = 4,
}

/// <summary>
/// The one place where what a module made in one build of a session is kept for the next. A module asks for what it
/// reuses by name, and declares what that was made from besides its key (<see cref="MadeFrom"/>: the settings, the
/// vocabulary, the navigation); this layer keeps it, drops it when one of those changes, and sweeps what the last build
/// did not use. There are four kinds:
/// <list type="bullet">
/// <item><see cref="Memo{TKey, TValue}(string, MadeFrom, IEqualityComparer{TKey}?, bool)"/>: values by key, most often by
/// the very input object, since an unchanged input is the same object as last time;</item>
/// <item><see cref="Value{T}"/>: one object the module keeps whole (a vocabulary, the last search index's postings);</item>
/// <item><see cref="Keep{T}"/> and <see cref="Last{T}"/>: what one build leaves the next in place of the last (the pages a
/// pipeline wrote, the manifest), and <see cref="KeptWhile{T}"/> for what is taken again while it still serves (the
/// templates, the paper cards);</item>
/// <item><see cref="Rerun{TOutput}"/>: a module's last run, its inputs and its output. The next run is given what changed
/// since, once: the same inputs give the last output without a run, a few changed places the module's patch of it, and
/// anything else its full run.</item>
/// </list>
/// A one-off build keeps nothing for a next build: its memos compute every value, and its runs are full runs.
/// What the next process reuses is the cache's store (<see cref="DocumentCache"/>), under the engine.
/// </summary>
internal sealed class Reuse(bool remember)
{
    private readonly ConcurrentDictionary<string, Kept> _kept = new(StringComparer.Ordinal);

    /// <summary>True when what is kept serves a next build (a session); false for a one-off build.</summary>
    public bool Remembers => remember;

    /// <summary>
    /// Verify mode: a run's output that was the last one, or patched from it, is made by the full run as well, and the
    /// two compared by the run's own comparison (<see cref="RerunAsync{TOutput}"/>'s <c>same</c>).
    /// </summary>
    public bool Verify { get; set; }

    /// <summary>
    /// The memo named <paramref name="name"/>. With <paramref name="withinOneBuild"/>, a one-off build memoizes too: for a
    /// few values that many of its pages share.
    /// </summary>
    public Memo<TKey, TValue> Memo<TKey, TValue>(string name, MadeFrom from, IEqualityComparer<TKey>? comparer = null, bool withinOneBuild = false)
        where TKey : notnull =>
        (Memo<TKey, TValue>)_kept.GetOrAdd(name, static (_, made) =>
        {
            var memo = new Memo<TKey, TValue>(made.Keep, made.Comparer);
            return new Kept(made.From, memo, memo.NextGeneration);
        }, (From: from, Keep: remember || withinOneBuild, Comparer: comparer)).Value;

    /// <summary>The value named <paramref name="name"/>: the one kept, or a new one from <paramref name="create"/>.</summary>
    public T Value<T>(string name, MadeFrom from, Func<T> create) where T : class =>
        (T)_kept.GetOrAdd(name, static (_, made) => new Kept(made.From, made.Create(), NextBuild: null), (From: from, Create: create)).Value;

    /// <summary>What a build kept under <paramref name="name"/> for the next (<see cref="Keep{T}"/>); null when none is kept.</summary>
    public T? Last<T>(string name) where T : class => _kept.TryGetValue(name, out var kept) ? (T)kept.Value : null;

    /// <summary>Keeps <paramref name="value"/> under <paramref name="name"/> for the next build, in place of the last; a one-off build keeps nothing.</summary>
    public void Keep<T>(string name, MadeFrom from, T value) where T : class
    {
        if (remember)
        {
            _kept[name] = new Kept(from, value, NextBuild: null);
        }
    }

    /// <summary>
    /// What the last build kept under <paramref name="name"/> while <paramref name="holds"/> says it still serves (the
    /// same template files, the same templates), else a new one from <paramref name="make"/>, kept in its place.
    /// </summary>
    public T KeptWhile<T>(string name, MadeFrom from, Func<T, bool> holds, Func<T> make) where T : class
    {
        if (Last<T>(name) is { } kept && holds(kept))
        {
            return kept;
        }
        var made = make();
        Keep(name, from, made);
        return made;
    }

    /// <summary>
    /// The output of the run named <paramref name="name"/> on <paramref name="inputs"/>. Compared with the last run's inputs
    /// place by place (<see cref="SamePlaces"/>): the same documents give the last output; at most
    /// <paramref name="mostChanged"/> changed places, <paramref name="patch"/> of the last run (null: it cannot); else
    /// <paramref name="run"/>, given the last output (null when there is none) to take from it what still holds.
    /// The run declares what it reads besides its inputs (<paramref name="from"/>): a change of that starts again. In
    /// verify mode, an output not made by <paramref name="run"/> is compared with what it makes from nothing kept, by
    /// <paramref name="same"/>.
    /// </summary>
    public async ValueTask<TOutput> RerunAsync<TOutput>(string name, MadeFrom from, ImmutableArray<Document> inputs, Func<TOutput?, ValueTask<TOutput>> run,
        Func<LastRun<TOutput>, List<int>, TOutput?>? patch = null, int mostChanged = int.MaxValue, Func<TOutput, TOutput, bool>? same = null)
        where TOutput : class
    {
        if (!remember)
        {
            return await run(null).ConfigureAwait(false);
        }
        var last = Last<LastRun<TOutput>>(name);
        var changed = last is null ? null : SamePlaces.Changed(last.Inputs.AsSpan(), inputs.AsSpan(), patch is null ? 0 : mostChanged);
        var output = changed switch
        {
            { Count: 0 } => last!.Output,
            not null when patch!(last!, changed) is { } patched => patched,
            _ => null,
        };
        if (output is null)
        {
            output = await run(last?.Output).ConfigureAwait(false);
        }
        else if (Verify && same is not null && !same(output, await run(null).ConfigureAwait(false)))
        {
            throw new StoredWorkMismatchException(name, $"its inputs ({changed!.Count} of {inputs.Length} changed)", "the last build's output, kept or patched");
        }
        Keep(name, from, new LastRun<TOutput>(inputs, output));
        return output;
    }

    /// <summary><see cref="RerunAsync{TOutput}"/> of a run that does not wait.</summary>
    public TOutput Rerun<TOutput>(string name, MadeFrom from, ImmutableArray<Document> inputs, Func<TOutput?, TOutput> run,
        Func<LastRun<TOutput>, List<int>, TOutput?>? patch = null, int mostChanged = int.MaxValue, Func<TOutput, TOutput, bool>? same = null)
        where TOutput : class =>
        // Nothing in it waits, so it is done when it returns; GetResult throws a failure as it was thrown.
        RerunAsync(name, from, inputs, last => ValueTask.FromResult(run(last)), patch, mostChanged, same).AsTask().GetAwaiter().GetResult();

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> hold the very same objects in the same order.</summary>
    public static bool SameObjects<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b) where T : class => SamePlaces.Changed(a, b, most: 0) is { Count: 0 };

    /// <summary>A build starts: what was made from a part that <paramref name="changed"/> goes; memos start a new generation.</summary>
    internal void StartBuild(MadeFrom changed)
    {
        foreach (var (name, kept) in _kept)
        {
            if ((kept.From & changed) != 0)
            {
                _kept.TryRemove(name, out _);
            }
            else
            {
                kept.NextBuild?.Invoke();
            }
        }
    }

    /// <param name="NextBuild">What a new build does to it (a memo's sweep), if anything.</param>
    private sealed record Kept(MadeFrom From, object Value, Action? NextBuild);
}

/// <summary>A module's last run in a session: what it was given, and what it gave.</summary>
internal sealed record LastRun<TOutput>(ImmutableArray<Document> Inputs, TOutput Output);

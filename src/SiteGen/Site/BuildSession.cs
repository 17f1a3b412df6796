using SiteGen.Engine;

namespace SiteGen.Site;

/// <summary>
/// What a long-running process (the preview server) keeps between builds so that a rebuild redoes only what an
/// edit touched. An unchanged input file gives the very same document as last time; the engine's
/// <see cref="DocumentCache"/> then reuses every per-document module's outputs for it; so an unchanged paper is
/// the same object all the way to its page, and the memos find its work by reference, in O(1), without hashing any
/// text. What a module keeps, it asks of <see cref="Reuse"/>, which drops it when the basis changes. A one-off build starts
/// with an empty session and loses nothing by it. Entries are keyed by immutable inputs, so a stale one can only be
/// unused, never wrong; each build keeps what the last one used.
/// </summary>
internal sealed class BuildSession(bool remember = true)
{
    /// <summary>A session for one build only: it remembers nothing, so it costs nothing.</summary>
    public static BuildSession OneOff() => new(remember: false);

    /// <summary>True when this session keeps work for the next build.</summary>
    public bool Remembers => remember;

    /// <summary>
    /// Outputs of per-document modules, by input document: in memory for the next build of the session, and in the
    /// cache's document store (<see cref="DocumentStore"/>) for the next process.
    /// </summary>
    internal DocumentCache Documents { get; } = new() { RemembersRuns = remember, Codec = DocumentCodecs.Site };

    /// <summary>
    /// True once a build of this session read the document store. Only the first does: later ones find their documents
    /// in memory, so the store would only be read to be written again.
    /// </summary>
    internal bool StoreRead { get; set; }

    /// <summary>What the modules keep for the next build of the session (<see cref="Site.Reuse"/>).</summary>
    internal Reuse Reuse { get; } = new(remember);

    /// <summary>What the last build still writes in the background (the cache's files); the next build starts when it is done.</summary>
    private Task _background = Task.CompletedTask;

    /// <summary>
    /// Runs <paramref name="write"/> (a file of the cache, which only the next process reads) once the build has
    /// returned; in a one-off build, at once.
    /// </summary>
    internal void InBackground(Action write)
    {
        if (!remember)
        {
            write();
            return;
        }
        lock (this)
        {
            _background = _background.ContinueWith(_ =>
            {
                try
                {
                    write();
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    // A cache file that cannot be written only makes the next process's first build slower.
                }
            }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    /// <summary>Waits for what the last build still writes in the background (the cache's files); call it before the process ends.</summary>
    public Task FlushAsync() => _background;

    /// <summary>Waits for what the last build still writes in the background: a file of the cache it may read.</summary>
    internal void WaitForBackground() => _background.Wait();

    /// <summary>The fingerprints of the settings, the vocabulary and the navigation the last build was made on.</summary>
    private (ulong Settings, ulong Vocabulary, ulong Navigation) _basis;

    /// <summary>
    /// A build starts on these settings, vocabulary and navigation: what the last build made from a part that changed
    /// is dropped (<see cref="Reuse"/>). Documents are kept by what each module declares it read
    /// (<see cref="PerDocumentModule.MadeWith"/>), or by <paramref name="basis"/>, everything documents are made with
    /// besides their input files, for a module that declares nothing: a tag added keeps the captures read.
    /// </summary>
    internal void StartBuild(ulong basis, (ulong Settings, ulong Vocabulary, ulong Navigation) parts)
    {
        Documents.Basis = basis;
        var changed = (parts.Settings != _basis.Settings ? MadeFrom.Settings : 0)
            | (parts.Vocabulary != _basis.Vocabulary ? MadeFrom.Vocabulary : 0)
            | (parts.Navigation != _basis.Navigation ? MadeFrom.Navigation : 0);
        Reuse.StartBuild(changed);
        _basis = parts;
    }
}

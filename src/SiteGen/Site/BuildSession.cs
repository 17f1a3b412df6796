using System.Collections.Immutable;
using SiteGen.Engine;
using SiteGen.Papers;
using SiteGen.Rendering.Views;

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

    /// <summary>The templates of the last build, and the stamp of the files they were loaded from.</summary>
    private (ulong Stamp, Rendering.TemplateRenderer Templates)? _templates;

    /// <summary>The templates of <paramref name="folders"/>: in a session, last build's while no template file changed.</summary>
    internal Rendering.TemplateRenderer Templates(string root, IReadOnlyList<string> folders)
    {
        if (!remember)
        {
            return Rendering.TemplateRenderer.Load(root, folders);
        }
        var stamp = Rendering.TemplateRenderer.StampOf(root, folders);
        if (_templates is not { } last || last.Stamp != stamp)
        {
            _templates = (stamp, Rendering.TemplateRenderer.Load(root, folders));
        }
        return _templates.Value.Templates;
    }

    private CardCache? _cards;

    /// <summary>The paper cards of the last build, while its templates are these and its basis the same (StartBuild).</summary>
    internal CardCache Cards(Rendering.TemplateRenderer templates)
    {
        if (!remember)
        {
            return new CardCache(templates);
        }
        if (_cards is null || !ReferenceEquals(_cards.Templates, templates))
        {
            _cards = new CardCache(templates);
        }
        return _cards;
    }

    /// <summary>What the modules keep for the next build of the session (<see cref="Site.Reuse"/>).</summary>
    internal Reuse Reuse { get; } = new(remember);

    /// <summary>The manifest the last build of this session wrote, and where: the next build need not read it back.</summary>
    private (string Path, IReadOnlyDictionary<string, FileStamp> Stamps)? _manifest;

    internal IReadOnlyDictionary<string, FileStamp>? LastManifest(string path)
    {
        _background.Wait();
        return _manifest is { } m && m.Path == path && File.Exists(path) ? m.Stamps : null;
    }

    /// <summary>The links of each page the last build of this session found, and the file they were saved to.</summary>
    private (string Path, Links.PageLinkTable Table)? _pageLinks;

    internal Links.PageLinkTable? LastPageLinks(string path) => _pageLinks is { } l && l.Path == path ? l.Table : null;

    internal void RememberPageLinks(string path, Links.PageLinkTable table)
    {
        if (remember)
        {
            _pageLinks = (path, table);
        }
    }

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

    internal void RememberManifest(string path, IReadOnlyDictionary<string, FileStamp> stamps)
    {
        if (remember)
        {
            _manifest = (path, stamps);
        }
    }

    /// <summary>
    /// What documents were made with besides their input files: the program, the settings, the tag vocabulary, the
    /// navigation. When it changes, no document of the last build may be reused.
    /// </summary>
    private ulong _basis;

    internal void StartBuild(ulong basis)
    {
        // Per-document work is kept by what each module declares it read (PerDocumentModule.MadeWith), the basis for
        // the modules that declare nothing: a tag added keeps the captures read.
        Documents.Basis = basis;
        Reuse.StartBuild(basisChanged: basis != _basis);
        if (basis != _basis)
        {
            _cards = null;
            _basis = basis;
        }
    }
}

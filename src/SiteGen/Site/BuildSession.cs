using System.Collections.Immutable;
using SiteGen.Engine;
using SiteGen.Papers;
using SiteGen.Rendering.Views;

namespace SiteGen.Site;

/// <summary>
/// What a long-running process (the preview server) keeps between builds so that a rebuild redoes only what an
/// edit touched. An unchanged input file gives the very same document as last time; the engine's
/// <see cref="DocumentCache"/> then reuses every per-document module's outputs for it; so an unchanged paper is
/// the same object all the way to its page, and the memos below find its work by reference, in O(1), without
/// hashing any text. A one-off build starts with an empty session and loses nothing by it. Entries are keyed by
/// immutable inputs, so a stale one can only be unused, never wrong; each build keeps what the last one used.
/// </summary>
internal sealed class BuildSession(bool remember = true)
{
    /// <summary>A session for one build only: it remembers nothing, so it costs nothing.</summary>
    public static BuildSession OneOff() => new(remember: false);

    /// <summary>True when this session keeps work for the next build.</summary>
    public bool Remembers => remember;

    /// <summary>Outputs of per-document modules, by input document: null for a one-off build.</summary>
    internal DocumentCache? Documents { get; } = remember ? new DocumentCache() : null;

    /// <summary>Each input file's document, by path, time and length: an unchanged file is the same document.</summary>
    internal Memo<FoundFile, Document> Files { get; } = new(remember);

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

    /// <summary>The files each <see cref="Modules.ReadFiles"/> found last, for a build told which files changed since.</summary>
    internal FolderListings Listings { get; } = new(remember);

    /// <summary>Each pipeline's last <see cref="Modules.WriteFiles"/> run, whose unchanged pages the next build carries over.</summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<string, Modules.WriteFiles.LastWrite> LastWrites { get; } = new(StringComparer.Ordinal);

    /// <summary>Each group of copies of one paper (listings, hand-written page) and the document of the paper merged from them.</summary>
    internal Memo<PaperGroup, (Document Document, ImmutableArray<Diagnostics.Diagnostic> Warnings)> Merged { get; } = new(remember);

    /// <summary>The last merge of each pipeline, reused whole when none of its inputs changed.</summary>
    internal Memo<string, MergeMemo> Merges { get; } = new(remember);

    internal Memo<Paper, string> Identities { get; } = new(remember, ReferenceEqualityComparer.Instance);

    /// <summary>Each paper's YAML-fronted page, as written to <c>/papers/{slug}.md</c> (UTF-8).</summary>
    internal Memo<Paper, byte[]> FrontMatter { get; } = new(remember, ReferenceEqualityComparer.Instance);

    /// <summary>Each paper's line of <c>/papers.json</c> (UTF-8).</summary>
    internal Memo<Paper, byte[]> Json { get; } = new(remember, ReferenceEqualityComparer.Instance);

    /// <summary>The papers of the last <c>/papers.json</c> and their lines, at the same places.</summary>
    internal (Paper[] Papers, byte[][] Lines) LastPapersJson { get; set; }

    /// <summary>The words of the search index, numbered once for the whole session.</summary>
    internal Search.SearchVocabulary SearchVocabulary { get; private set; } = new();

    /// <summary>Each page's entry in the sitemap (null: not a page people land on), by its document.</summary>
    internal Memo<Document, (string Path, DateOnly? Date)?> SitemapPages { get; } = new(remember, ReferenceEqualityComparer.Instance);

    /// <summary>The last sitemap's page documents, in the order its pipelines gave them, and its entries, sorted.</summary>
    internal (Engine.Document[] Documents, (string Path, DateOnly? Date)[] Pages)? LastSitemap { get; set; }

    /// <summary>The feeds and sitemap files of the last build, by the lists they were made from.</summary>
    internal FileBytesMemo FileBytes { get; } = new(remember);

    /// <summary>The postings of the last search index, so an edit encodes only its papers' words again; null for a one-off build.</summary>
    internal Search.SearchPostingsMemo? SearchPostings { get; } = remember ? new() : null;

    /// <summary>Each paper's words for the search index, as numbers of <see cref="SearchVocabulary"/>.</summary>
    internal Memo<Paper, int[]> SearchWords { get; } = new(remember, ReferenceEqualityComparer.Instance);

    /// <summary>The links between papers the last build found (<see cref="Modules.LinkPapers"/>).</summary>
    internal Modules.LinkPapers.SessionLinks? PaperLinks { get; set; }

    /// <summary>The order of the papers the last build found (<see cref="Modules.OrderPapers"/>).</summary>
    internal Modules.OrderPapers.LastOrder? PaperOrder { get; set; }

    /// <summary>Each paper's document with its links, by the document without them.</summary>
    internal Memo<Document, Modules.LinkPapers.LinkedPaper> LinkedPapers { get; } = new(remember, ReferenceEqualityComparer.Instance);

    /// <summary>The site as pages at each depth see it, by the way back to the root ("", "../"...).</summary>
    internal Memo<string, SiteView> SiteViews { get; } = new(remember);

    /// <summary>The last document of each list page, by destination (<see cref="PageDocuments.ListPages"/>).</summary>
    internal Memo<string, ListPageMemo> ListPages { get; } = new(remember);

    /// <summary>What the last link check found for each page's links (<see cref="Links.LinkCheck.Session"/>).</summary>
    internal Links.LinkCheckMemo? LinkChecks { get; private set; } = remember ? new() : null;

    /// <summary>The hash of each page model's JSON (<see cref="PageFingerprint"/>), by model.</summary>
    internal Memo<PageModel, ulong> PageModels { get; } = new(remember, ReferenceEqualityComparer.Instance);

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
        if (basis != _basis)
        {
            Documents?.Clear();
            LastWrites.Clear();
            Merged.Clear();
            Merges.Clear();
            SearchWords.Clear();
            SiteViews.Clear();
            LinkChecks = remember ? new() : null;
            ListPages.Clear();
            LinkedPapers.Clear();
            PaperLinks = null;
            PaperOrder = null;
            SearchVocabulary = new();
            FileBytes.Clear();
            SitemapPages.Clear();
            LastSitemap = null;
            LastPapersJson = default;
            _cards = null;
            _basis = basis;
        }
        Files.NextGeneration();
        Merged.NextGeneration();
        Merges.NextGeneration();
        Identities.NextGeneration();
        FrontMatter.NextGeneration();
        Json.NextGeneration();
        PageModels.NextGeneration();
        SearchWords.NextGeneration();
        LinkedPapers.NextGeneration();
        SiteViews.NextGeneration();
        ListPages.NextGeneration();
        SitemapPages.NextGeneration();
    }
}

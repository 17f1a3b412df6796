using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using SiteGen.Diagnostics;
using SiteGen.Links;
using SiteGen.Rendering;
using SiteGen.Rendering.Views;
using SiteGen.Settings;
using SiteGen.Tags;

namespace SiteGen.Site;

/// <summary>
/// One build: settings, vocabulary and templates loaded once, the site's pipelines run by the engine,
/// then stale files of the previous build removed. Throws <see cref="ContentException"/> for mistakes in
/// the input and <see cref="UsageException"/> for mistakes on the command line.
/// </summary>
internal static class SiteBuilder
{
    public const string TagsFile = TagVocabulary.FileName;

    public static async Task<BuildSummary> BuildAsync(BuildRequest request, CancellationToken cancellationToken = default)
    {
        var environment = request.Environment ?? ReadEnvironment();
        var summary = await BuildOnceAsync(request with { Environment = environment }, cancellationToken).ConfigureAwait(false);
        if (!request.DryRun && ReuseCheck.IsOn(environment))
        {
            await ReuseCheck.VerifyAsync(request, environment, summary, cancellationToken).ConfigureAwait(false);
        }
        return summary;
    }

    private static async Task<BuildSummary> BuildOnceAsync(BuildRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var root = Path.GetFullPath(request.Root);
        if (!Directory.Exists(root))
        {
            throw new UsageException($"the site folder '{request.Root}' does not exist; pass --root with the folder that holds statiq.json and input/");
        }
        var warnings = new List<Diagnostic>();
        var environment = request.Environment!;
        var settings = SettingsLoader.Load(root, request.Settings ?? [], environment, warnings);
        var folders = SiteFolders.Resolve(root, settings, request.Output);
        var shownOutput = request.Output is { } o ? Path.GetFullPath(o) : Path.GetFullPath(settings.OutputPath, root);
        var session = request.Session ?? BuildSession.OneOff();
        var files = request.Files ?? FileOperations.Disk;
        var manifestPath = Path.Combine(folders.Cache, $"output-{folders.CacheId}.manifest");

        var settingsJson = JsonSerializer.Serialize(settings, SettingsJson.Default.SiteSettings);
        // A build from the command line first asks whether the last one left nothing to do (UpToDateStamp): it only reads,
        // so it needs no lock, unless a build stopped half way and left something to clear.
        var stampPath = UpToDateStamp.PathFor(manifestPath);
        ulong? inputs = null;
        // A one-off build reads its sources as the up-to-date check found them, each folder listed once (a session's
        // builds follow edits: each lists what it reads anew).
        var sourceEntries = session.Remembers ? null : new SourceTree.FolderEntries();
        // A one-off rebuild that reads its work back runs without collections when what it will allocate fits the hold
        // (CollectorHold). Held before anything is read, the up-to-date check's manifest and walk among them: the region
        // starts with a collection of all that is allocated, which is then next to nothing. (Started after them, its first
        // collection moved the manifest of 100,000 papers, and a daily update took 6.4 s against 4.8 s.)
        // A build that will make its work (no store, another program's) allocates far more than the hold allows; and a
        // region started and ended at once leaves the collector a budget as large as the region, so that such a build
        // peaked at 5.9 GB against 1.8 GB at 100,000 papers: its store is looked at first.
        var documentsPath = Path.ChangeExtension(manifestPath, ".documents");
        string? notHeld = null;
        using var hold = request.DryRun || session.Remembers || !File.Exists(documentsPath)
            || Engine.DocumentStore.StateOf(documentsPath, ProgramFingerprint) != Engine.StoreState.Whole
            ? null
            : CollectorHold.For(new FileInfo(documentsPath).Length, out notHeld);
        EarlyWalk? outputWalk = null;
        if (sourceEntries is not null && !request.DryRun && !OutputFolder.StoppedHalfWay(folders.Output, manifestPath))
        {
            outputWalk = EarlyWalk.Begin(folders.Output, manifestPath);
            inputs = UpToDateStamp.InputsOf(ProgramFingerprint, settingsJson, folders.Output, root,
                [.. SiteServices.Absolute(root, settings.InputPaths), .. SiteFolders.SiteThemes(root, settings)], sourceEntries);
            if (LastBuildIfUpToDate(request, settings, warnings, stampPath, inputs.Value, outputWalk, shownOutput) is { } unchanged)
            {
                return unchanged with { Elapsed = Stopwatch.GetElapsedTime(started), Folders = folders };
            }
        }

        // What the last build of a session still writes in the background comes first; then one build at a time.
        await session.FlushAsync().ConfigureAwait(false);
        var buildLock = request.DryRun ? null
            : await BuildLock.AcquireAsync(files, BuildLock.PathFor(manifestPath), request.LockTimeout ?? DefaultLockTimeout, request.Notify,
                cancellationToken).ConfigureAwait(false);
        try
        {
            if (buildLock is not null)
            {
                StaleCaches.AdoptFormerName(folders.FormerCacheId, manifestPath, files);
            }
            var summary = await BuildLockedAsync(request, root, settings, settingsJson, warnings, folders.Output, shownOutput, manifestPath,
                session, files, inputs, sourceEntries, outputWalk, hold, notHeld, cancellationToken).ConfigureAwait(false);
            if (buildLock is not null && session.Remembers)
            {
                // A session writes the manifest once the build has returned: the lock goes with it.
                session.InBackground(buildLock.Dispose);
                buildLock = null;
            }
            return summary with { Elapsed = Stopwatch.GetElapsedTime(started), Folders = folders };
        }
        finally
        {
            buildLock?.Dispose();
        }
    }

    /// <summary>How long a build waits for another build of the same output folder to end, unless told (--lock-timeout).</summary>
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromMinutes(10);

    private static async Task<BuildSummary> BuildLockedAsync(BuildRequest request, string root, SiteSettings settings, string settingsJson,
        List<Diagnostic> warnings, string outputPath, string shownOutput, string manifestPath, BuildSession session, FileOperations files,
        ulong? inputs, SourceTree.FolderEntries? sourceEntries, EarlyWalk? outputWalk, CollectorHold? hold, string? notHeld,
        CancellationToken cancellationToken)
    {
        var documentsPath = Path.ChangeExtension(manifestPath, ".documents");
        var held = hold is not null;
        // A one-off build's heap kept near what it holds (CollectorPace); a session's is the preview's, small and long-lived.
        using var pace = request.DryRun || session.Remembers ? null : CollectorPace.Start();

        // Before anything is read: what a build that stopped half way left is cleared, or noted (OutputFolder).
        var output = new OutputFolder(outputPath, manifestPath, session, request.DryRun, files, outputWalk);
        var stampPath = UpToDateStamp.PathFor(manifestPath);
        if (inputs is not null)
        {
            // The build leaves a stamp of the output folder: walked beside the build rather than after it.
            var last = UpToDateStamp.Read(stampPath) is { } stamp && stamp.Manifest == UpToDateStamp.ManifestVersionOf(manifestPath) ? stamp : null;
            output.WalkInBackground(last?.OutputFiles, last?.OutputFolders);
        }

        var linksPath = Path.ChangeExtension(manifestPath, ".links");
        // A dry run renders every page, so it needs no links of the last build.
        // The built-in theme comes last, under the site's own theme folders; it is part of the program, so the up-to-date
        // stamp, which fingerprints the program, leaves it out.
        string[] themeFolders = [.. SiteFolders.SiteThemes(root, settings), Scaffold.BuiltInTheme.WriteOut(Path.GetDirectoryName(manifestPath)!, files)];
        // What a one-off build keeps in a file rather than hold (Text/TextFile.cs). A session keeps its papers and cards from
        // build to build, so it holds them; a dry run writes nothing; a rebuild held off the collector holds them too: its
        // garbage stays to the end anyway, and a text read back from the file is a new array each time (a card's, five
        // times a paper).
        using var texts = request.DryRun || session.Remembers || held ? null : Text.TextFile.Create(Path.ChangeExtension(manifestPath, ".texts"));
        var services = LoadServices(root, settings, settingsJson, themeFolders, output, session, texts, sourceEntries, warnings) with { ChangedFiles = request.ChangedFiles };
        // The file is read beside the Process phase, on a thread of its own (no page needs it before Output): at 100,000
        // papers reading it took half a second of a daily update's start.
        var savedLinks = request.DryRun || output.Recovering ? Task.FromResult<PageLinkTable?>(null)
            : KeptPageLinks(session, linksPath) is { } kept ? Task.FromResult<PageLinkTable?>(kept)
            : Task.Factory.StartNew(() => PageLinksFile.Read(linksPath, output.LastBuild?.Files), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var links = new LinkCheck(settings.LinkRoot, savedLinks, output.ReadPage);
        services = services with { Links = links };
        output.Key = new BuildKey(ProgramFingerprint, new Fingerprint().Add(settingsJson).Value, services.Templates.Fingerprint);
        var outputHasFiles = Directory.Exists(outputPath) && Directory.EnumerateFileSystemEntries(outputPath).Any();
        // The manifest's header alone: the whole manifest is still being read beside the start, and waiting for it here
        // would hold the build up.
        if (held && (ManifestFile.KeyOf(manifestPath) != output.Key || !outputHasFiles))
        {
            // The settings or templates changed, or the output folder is gone (a CI cache of cache/ alone): every page is
            // rendered again, far past what the store foretells.
            hold!.Release();
        }
        services = services with { Held = held && !hold!.Released };

        var engine = new Engine.Engine(SitePipelines.Create(), [services])
        {
            FailOnWarnings = request.Strict,
            ModuleCompleted = request.Progress,
            Cache = session.Documents,
        };
        if (request.Strict && warnings.Count > 0)
        {
            throw new Engine.WarningsAsErrorsException([.. warnings.Select(w => w.ToString())]);
        }
        // What the last process read and made of each input file; a session reads it once, then keeps its own in memory.
        var store = request.DryRun || session.StoreRead ? null : Engine.DocumentStore.Open(documentsPath, ProgramFingerprint, files);
        session.StoreRead |= store is not null;
        session.Documents.Store = store;
        session.Documents.Verify = session.Reuse.Verify = ReuseCheck.IsOn(request.Environment!);
        if (store is not { State: Engine.StoreState.Whole })
        {
            hold?.Release(); // its records did not read whole after all: their work is made again
        }
        Engine.EngineResult result;
        int removed;
        try
        {
            result = await engine.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            await savedLinks.ConfigureAwait(false); // read through before the commit writes the file anew
            if (request.Strict && links.Report.Broken.Length > 0)
            {
                throw new BrokenLinksException([.. result.Warnings]);
            }
            removed = output.Commit(request.DryRun ? null : () =>
            {
                // Both caches side by side (at 100,000 papers 0.8 s and 0.4 s), before the manifest, so a failure undoes the
                // commit: beside the moves in a one-off build, once the build has returned in a session.
                var savingLinks = Task.Run(() => SaveLinks(links, linksPath, session, files));
                try
                {
                    using (store)
                    {
                        store?.Save();
                    }
                }
                finally
                {
                    // A failed save of the store still waits for the links': nothing is left writing.
                    savingLinks.WaitToEnd();
                }
                savingLinks.GetAwaiter().GetResult();
            });
        }
        catch
        {
            store?.Dispose();
            output.Abandon();
            throw;
        }

        var cacheNote = request.DryRun ? null : CacheNote.Why(output.LastBuild, output.Key, SitePath.Relative(root, manifestPath),
            SitePath.Relative(root, outputPath), outputHasFiles,
            links.Previous is null && !output.Recovering && File.Exists(linksPath) ? SitePath.Relative(root, linksPath) : null);

        // What the Papers pipeline's Process phase passed on: one document per paper (its pages come after).
        var papers = result[SitePipelines.Papers].Modules.Last(m => m.Phase == Engine.Phase.Process).DocumentsOut;
        if (inputs is { } read)
        {
            var (outputFiles, outputFolders) = output.OutputAfterCommit ?? UpToDateStamp.OutputOf(outputPath, manifestPath);
            new UpToDateStamp(read, outputFiles, outputFolders, UpToDateStamp.ManifestVersionOf(manifestPath),
                papers, output.FilesProduced, links.Report.Pages, links.Report.Links,
                [.. result.Warnings]).Write(files, stampPath);
        }
        var staleCaches = 0;
        if (!request.DryRun && !session.Remembers)
        {
            staleCaches = StaleCaches.Remove(Path.GetDirectoryName(manifestPath)!, manifestPath, files, DateTime.UtcNow);
            // The file of each page's links as SiteGen wrote it before it was binary: read by no build now.
            files.TryDelete(Path.ChangeExtension(manifestPath, ".links.json"));
        }
        return new BuildSummary(
            shownOutput,
            papers,
            output.FilesProduced,
            output.FilesWritten,
            removed,
            [.. warnings.Select(w => w.ToString()), .. result.Warnings, .. output.LeftOver is { } left ? [left] : Array.Empty<string>()],
            result.Pipelines,
            TimeSpan.Zero)
        {
            Notes = [.. NotesOn(settings), .. cacheNote is null ? Array.Empty<string>() : [cacheNote],
                .. store is { State: Engine.StoreState.Damaged } ? [CacheNote.StoreDamaged(SitePath.Relative(root, documentsPath))] : Array.Empty<string>(),
                .. staleCaches > 0 ? [CacheNote.StaleRemoved(staleCaches, SitePath.Relative(root, Path.GetDirectoryName(manifestPath)!))] : Array.Empty<string>()],
            Links = links.Report,
            Captures = [.. result.Notes.Order(StringComparer.Ordinal)],
            Cache = request.DryRun || session.Remembers ? [] : CacheFiles(manifestPath, linksPath, stampPath, documentsPath),
            Collector = hold?.Outcome ?? notHeld,
        };
    }

    /// <summary>The cache's files for this output folder and their sizes, for <c>--verbose</c> of a one-off build (a session writes them later); the built-in theme counted whole.</summary>
    private static ImmutableArray<(string Path, long Bytes)> CacheFiles(string manifestPath, string linksPath, string stampPath, string documentsPath)
    {
        var theme = Path.Combine(Path.GetDirectoryName(manifestPath)!, Scaffold.BuiltInTheme.CacheFolderName);
        return
        [
            .. new[] { manifestPath, linksPath, stampPath, documentsPath, Engine.DocumentStore.IndexPathOf(documentsPath) }.Where(File.Exists)
                .Select(f => (f, new FileInfo(f).Length)),
            // WriteOut left exactly the built-in theme's files there.
            .. Directory.Exists(theme) ? [(theme, Scaffold.BuiltInTheme.Files.Sum(f => (long)f.Bytes.Length))] : Array.Empty<(string, long)>(),
        ];
    }

    /// <summary>
    /// The last build's report, when the stamp it left says nothing it read and nothing in the output folder changed
    /// since; null when the build has to run (a strict build that would fail on warnings always runs, to fail as a build does).
    /// </summary>
    private static BuildSummary? LastBuildIfUpToDate(BuildRequest request, SiteSettings settings, List<Diagnostic> warnings, string stampPath,
        ulong inputs, EarlyWalk output, string shownOutput)
    {
        if (UpToDateStamp.Read(stampPath) is not { } stamp || stamp.Inputs != inputs
            || (request.Strict && (stamp.Warnings.Count > 0 || warnings.Count > 0))
            || output.Result() is not { } now || stamp.OutputFiles != now.Files || stamp.OutputFolders != now.Folders)
        {
            return null;
        }
        return new BuildSummary(shownOutput, stamp.Papers, stamp.Files, 0, 0, [.. warnings.Select(w => w.ToString()), .. stamp.Warnings], [], TimeSpan.Zero)
        {
            Notes = NotesOn(settings),
            Links = new LinkReport(stamp.LinkPages, stamp.Links, [], TimeSpan.Zero, TimeSpan.Zero),
            UpToDate = true,
        };
    }

    /// <summary>
    /// Each page's links, for the next build's kept pages (<see cref="LinkCheck"/>). A session keeps its table in memory
    /// and writes the file whenever it changed, for the next process; a one-off build writes it only when it is worth it
    /// (<see cref="LinkCheck.WorthWriting"/>).
    /// </summary>
    private static void SaveLinks(LinkCheck links, string path, BuildSession session, FileOperations files)
    {
        if (!links.Changed && (!session.Remembers || KeptPageLinks(session, path) is not null))
        {
            return;
        }
        var table = links.ToTable();
        if (session.Remembers ? links.Changed : links.WorthWriting)
        {
            PageLinksFile.Write(files, path, table, links.Previous);
        }
        session.Reuse.Keep(PageLinksName, MadeFrom.KeyAlone, new KeptLinks(path, table));
    }

    private const string PageLinksName = "page links";

    /// <summary>The links of each page the last build of a session found, and the file they were saved to.</summary>
    private sealed record KeptLinks(string Path, PageLinkTable Table);

    private static PageLinkTable? KeptPageLinks(BuildSession session, string path) =>
        session.Reuse.Last<KeptLinks>(PageLinksName) is { } kept && kept.Path == path ? kept.Table : null;

    /// <summary>
    /// Without a Host there are no absolute URLs, so no feeds, sitemap, robots.txt or canonical URLs. That is a choice
    /// (a site read from disk, a preview), not a mistake: a note, once, and never a warning that fails --strict.
    /// </summary>
    private static ImmutableArray<string> NotesOn(SiteSettings settings) => settings.Host is null
        ? [$"note: no Host setting, so no feeds{(settings.GenerateSitemap ? ", sitemap.xml, robots.txt" : "")} or canonical URLs (they must be absolute); set Host in statiq.json or with --setting Host=papers.example.org"]
        : [];

    /// <summary>The templates of the last build, and the stamp of the files they were loaded from.</summary>
    private sealed record KeptTemplates(ulong Stamp, TemplateRenderer Templates);

    /// <summary>The templates of <paramref name="folders"/>: in a session, the last build's while no template file changed.</summary>
    private static TemplateRenderer TemplatesOf(string root, IReadOnlyList<string> folders, Reuse reuse)
    {
        var stamp = reuse.Remembers ? TemplateRenderer.StampOf(root, folders) : 0;
        return reuse.KeptWhile("templates", MadeFrom.KeyAlone, kept => kept.Stamp == stamp,
            () => new KeptTemplates(stamp, TemplateRenderer.Load(root, folders))).Templates;
    }

    /// <summary>
    /// The paper cards of the last build, while its templates, settings and navigation are the same: a card is made from
    /// its paper's view and the site as every page sees it (title, menu).
    /// </summary>
    private static CardCache CardsOf(TemplateRenderer templates, BuildSession session, Text.TextFile? texts) =>
        session.Reuse.KeptWhile("cards", MadeFrom.Settings | MadeFrom.Navigation, kept => ReferenceEquals(kept.Templates, templates),
            () => new CardCache(templates, texts, session.Documents));

    private static SiteServices LoadServices(string root, SiteSettings settings, string settingsJson, string[] themeFolders, OutputFolder output, BuildSession session,
        Text.TextFile? texts, SourceTree.FolderEntries? sourceEntries, List<Diagnostic> warnings)
    {
        var inputFolders = SiteServices.Absolute(root, settings.InputPaths);
        var sources = new SourceTree(root, [.. inputFolders, .. themeFolders], sourceEntries);
        var (vocabulary, tagsText) = TagVocabularyFile.Load(root, inputFolders, warnings);
        var menu = MenuOf(root, inputFolders, sources);
        // What a session keeps is made from the vocabulary's names at most (descriptions are read by the tag pages, which
        // a session does not keep); the documents' basis, for the per-document modules that declare nothing, is all of it.
        var parts = (Settings: new Fingerprint().Add(settingsJson).Value, Vocabulary: vocabulary.NamesFingerprint(),
            Navigation: new Fingerprint().Add(string.Join('\n', menu.Select(m => $"{m.Title}\t{m.Url}"))).Value);
        session.StartBuild(new Fingerprint().Add(ProgramFingerprint).Add(tagsText).Add(parts.Settings).Add(parts.Navigation).Value, parts);
        var templates = TemplatesOf(root, [.. inputFolders, .. themeFolders], session.Reuse);
        return new SiteServices(root, settings, output, vocabulary, new TagMatcher(vocabulary), templates, MarkdownRenderer.Default)
        {
            Menu = menu,
            Session = session,
            Cards = CardsOf(templates, session, texts),
            Texts = texts,
            Sources = sources,
            ThemeFolders = themeFolders,
            Fingerprint = new Fingerprint().Add(ProgramFingerprint).Add(templates.Fingerprint).Value,
            TagMatchFingerprint = vocabulary.MatchFingerprint(),
            TagNamesFingerprint = parts.Vocabulary,
            SettingsAndNavigationFingerprint = new Fingerprint().Add(parts.Settings).Add(parts.Navigation).Value,
        };
    }

    /// <summary>
    /// The program itself, as far as it shapes pages: SiteGen, the engine and the renderers. Deterministic
    /// builds give an assembly the same id for the same source, so only a real change renders everything again.
    /// </summary>
    private static readonly ulong ProgramFingerprint = new Fingerprint()
        .Add(typeof(SiteBuilder).Assembly.ManifestModule.ModuleVersionId.ToString())
        .Add(typeof(Engine.Engine).Assembly.ManifestModule.ModuleVersionId.ToString())
        .Add(typeof(Fluid.FluidParser).Assembly.ManifestModule.ModuleVersionId.ToString())
        .Add(typeof(Markdig.Markdown).Assembly.ManifestModule.ModuleVersionId.ToString())
        .Value;

    /// <summary>The content pages (input/*.md) by title: a page is in the navigation as soon as it exists.</summary>
    /// <remarks>Links skipped on the way are the Pages pipeline's to report: it reads the same files.</remarks>
    private static MenuLinkView[] MenuOf(string root, IEnumerable<string> inputFolders, SourceTree sources) =>
    [
        .. inputFolders
            .SelectMany(folder => sources.Files(folder, "*.md", recursive: false, warnings: null).Select(f => f.Path).Order(StringComparer.Ordinal))
            .DistinctBy(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .Select(file => (File: file, Page: ContentPage.Parse(SitePath.Relative(root, file),
                SourceText.Read(file, SitePath.Relative(root, file)))))
            .Select(p => new MenuLinkView(p.Page.MenuTitle ?? p.Page.Title, Urls.ContentPage(Path.GetFileNameWithoutExtension(p.File)))),
    ];

    /// <summary>The process's environment variables, for the <c>SITEGEN_Key</c> settings (import reads them too).</summary>
    internal static Dictionary<string, string?> ReadEnvironment()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = entry.Value as string;
        }
        return environment;
    }
}

/// <summary>The settings as JSON, for the fingerprint of what a session's documents were made with.</summary>
[JsonSerializable(typeof(SiteSettings))]
internal sealed partial class SettingsJson : JsonSerializerContext;

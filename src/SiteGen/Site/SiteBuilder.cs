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
public static class SiteBuilder
{
    public const string TagsFile = TagVocabulary.FileName;

    public static async Task<BuildSummary> BuildAsync(BuildRequest request, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var root = Path.GetFullPath(request.Root);
        if (!Directory.Exists(root))
        {
            throw new UsageException($"the site folder '{request.Root}' does not exist; pass --root with the folder that holds statiq.json and input/");
        }
        var warnings = new List<Diagnostic>();
        var environment = request.Environment ?? ReadEnvironment();
        var settings = SettingsLoader.Load(root, request.Settings ?? [], environment, warnings);
        var outputPath = request.Output is { } o ? Path.GetFullPath(o) : Path.GetFullPath(settings.OutputPath, root);
        var session = request.Session ?? BuildSession.OneOff();
        var manifestPath = ManifestPath(root, settings, outputPath);

        var settingsJson = JsonSerializer.Serialize(settings, SettingsJson.Default.SiteSettings);

        // A build from the command line first asks whether the last one left nothing to do (UpToDateStamp).
        var stampPath = UpToDateStamp.PathFor(manifestPath);
        ulong? inputs = null;
        if (!request.DryRun && !session.Remembers)
        {
            inputs = UpToDateStamp.InputsOf(ProgramFingerprint, settingsJson, outputPath,
                [.. SiteServices.Absolute(root, settings.InputPaths), .. SiteServices.Absolute(root, settings.ThemePaths)]);
            if (LastBuildIfUpToDate(request, settings, warnings, stampPath, inputs.Value, outputPath) is { } unchanged)
            {
                return unchanged with { Elapsed = Stopwatch.GetElapsedTime(started) };
            }
        }

        var output = new OutputFolder(outputPath, manifestPath, session, request.DryRun);
        var linksPath = Path.ChangeExtension(manifestPath, ".links.json");
        // A dry run renders every page, so it needs no links of the last build; it reads them with AngleSharp,
        // a build with the faster scanner (README, Link check).
        var services = LoadServices(root, settings, settingsJson, output, session) with { ChangedFiles = request.ChangedFiles };
        var links = new LinkCheck(useParser: request.DryRun, settings.LinkRoot,
            request.DryRun ? null : session.LastPageLinks(linksPath) ?? PageLinksFile.Read(linksPath), output.ReadPage)
        {
            Session = request.DryRun ? null : session.LinkChecks,
        };
        services = services with { Links = links };
        CheckOutputIsSafe(services);

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
        var result = await engine.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        var removed = output.RemoveStaleFiles();
        if (!request.DryRun)
        {
            SaveLinks(links, linksPath, session);
        }
        if (request.Strict && links.Report.Broken.Length > 0)
        {
            throw new BrokenLinksException([.. result.Warnings], written: !request.DryRun);
        }

        // What the Papers pipeline's Process phase passed on: one document per paper (its pages come after).
        var papers = result[SitePipelines.Papers].Modules.Last(m => m.Phase == Engine.Phase.Process).DocumentsOut;
        if (inputs is { } read)
        {
            new UpToDateStamp(read, UpToDateStamp.OutputOf(outputPath), papers, output.FilesProduced, links.Report.Pages, links.Report.Links,
                [.. result.Warnings]).Write(stampPath);
        }
        return new BuildSummary(
            output.Path,
            papers,
            output.FilesProduced,
            output.FilesWritten,
            removed,
            [.. warnings.Select(w => w.ToString()), .. result.Warnings],
            result.Pipelines,
            Stopwatch.GetElapsedTime(started))
        {
            Notes = NotesOn(settings),
            Links = links.Report,
        };
    }

    /// <summary>
    /// The last build's report, when the stamp it left says nothing it read and nothing in the output folder changed
    /// since; null when the build has to run (a strict build that would fail on warnings always runs, to fail as a build does).
    /// </summary>
    private static BuildSummary? LastBuildIfUpToDate(BuildRequest request, SiteSettings settings, List<Diagnostic> warnings, string stampPath,
        ulong inputs, string outputPath)
    {
        if (UpToDateStamp.Read(stampPath) is not { } stamp || stamp.Inputs != inputs
            || (request.Strict && (stamp.Warnings.Count > 0 || warnings.Count > 0))
            || stamp.Output != UpToDateStamp.OutputOf(outputPath))
        {
            return null;
        }
        return new BuildSummary(outputPath, stamp.Papers, stamp.Files, 0, 0, [.. warnings.Select(w => w.ToString()), .. stamp.Warnings], [], TimeSpan.Zero)
        {
            Notes = NotesOn(settings),
            Links = new LinkReport(stamp.LinkPages, stamp.Links, [], TimeSpan.Zero, TimeSpan.Zero),
            UpToDate = true,
        };
    }

    /// <summary>Each page's links, for the next build's kept pages (<see cref="LinkCheck"/>); written only when they changed.</summary>
    private static void SaveLinks(LinkCheck links, string path, BuildSession session)
    {
        if (!links.Changed && (!session.Remembers || session.LastPageLinks(path) is not null))
        {
            return;
        }
        var table = links.ToTable();
        if (links.Changed)
        {
            // A session reads its own table from memory: the file is for the next process.
            session.InBackground(() => PageLinksFile.Write(path, table));
        }
        session.RememberPageLinks(path, table);
    }

    /// <summary>
    /// Without a Host there are no absolute URLs, so no feeds, sitemap, robots.txt or canonical URLs. That is a choice
    /// (a site read from disk, a preview), not a mistake: a note, once, and never a warning that fails --strict.
    /// </summary>
    private static ImmutableArray<string> NotesOn(SiteSettings settings) => settings.Host is null
        ? [$"note: no Host setting, so no feeds{(settings.GenerateSitemap ? ", sitemap.xml, robots.txt" : "")} or canonical URLs (they must be absolute); set Host in statiq.json or with --setting Host=papers.example.org"]
        : [];

    private static SiteServices LoadServices(string root, SiteSettings settings, string settingsJson, OutputFolder output, BuildSession session)
    {
        var inputFolders = SiteServices.Absolute(root, settings.InputPaths);
        var themeFolders = SiteServices.Absolute(root, settings.ThemePaths);
        var (vocabulary, tagsText) = TagVocabularyFile.Load(root, inputFolders);
        var menu = MenuOf(root, inputFolders);
        session.StartBuild(new Fingerprint()
            .Add(ProgramFingerprint)
            .Add(tagsText)
            .Add(settingsJson)
            .Add(string.Join('\n', menu.Select(m => $"{m.Title}\t{m.Url}")))
            .Value);
        var templates = session.Templates(root, [.. inputFolders, .. themeFolders]);
        return new SiteServices(root, settings, output, vocabulary, new TagMatcher(vocabulary), templates, MarkdownRenderer.Default)
        {
            Menu = menu,
            Session = session,
            Cards = session.Cards(templates),
            Fingerprint = new Fingerprint().Add(ProgramFingerprint).Add(templates.Fingerprint).Value,
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

    /// <summary>One manifest per output folder, in the cache folder: building elsewhere does not confuse them.</summary>
    private static string ManifestPath(string root, SiteSettings settings, string outputPath) =>
        Path.Combine(Path.GetFullPath(settings.CachePath, root), $"output-{new Fingerprint().Add(outputPath).Value:x16}.manifest");

    /// <summary>The content pages (input/*.md) by title: a page is in the navigation as soon as it exists.</summary>
    private static MenuLinkView[] MenuOf(string root, IEnumerable<string> inputFolders) =>
    [
        .. inputFolders
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.md"))
            .DistinctBy(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .Select(file => (File: file, Page: ContentPage.Parse(Path.GetRelativePath(root, file).Replace('\\', '/'), File.ReadAllText(file))))
            .Select(p => new MenuLinkView(p.Page.MenuTitle ?? p.Page.Title, Urls.ContentPage(Path.GetFileNameWithoutExtension(p.File)))),
    ];

    /// <summary>
    /// Stale files are removed from the output folder, so it must not hold the site's own sources:
    /// refuse an output folder that is the root, contains it, or overlaps an input or theme folder.
    /// </summary>
    private static void CheckOutputIsSafe(SiteServices site)
    {
        var output = site.Output.Path;
        if (IsSameOrInside(site.Root, output))
        {
            throw new UsageException(
                $"the output folder '{output}' contains the site itself; choose a folder inside it, such as 'output'");
        }
        foreach (var source in site.InputFolders.Concat(site.ThemeFolders))
        {
            if (IsSameOrInside(source, output) || IsSameOrInside(output, source))
            {
                throw new UsageException(
                    $"the output folder '{output}' overlaps '{source}', which holds the site's sources; choose another --output, such as 'output'");
            }
        }
    }

    private static bool IsSameOrInside(string path, string folder)
    {
        var a = Path.TrimEndingDirectorySeparator(path);
        var b = Path.TrimEndingDirectorySeparator(folder);
        return a == b || a.StartsWith(b + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

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

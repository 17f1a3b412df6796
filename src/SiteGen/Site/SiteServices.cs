using SiteGen.Rendering;
using SiteGen.Rendering.Views;
using SiteGen.Settings;
using SiteGen.Tags;

namespace SiteGen.Site;

/// <summary>
/// The read-only, thread-safe things every module of a build shares: settings, folders, the tag
/// vocabulary and the renderers (each built once: templates parsed once, one Markdown pipeline).
/// </summary>
internal sealed record SiteServices(
    string Root,
    SiteSettings Settings,
    OutputFolder Output,
    TagVocabulary Vocabulary,
    TagMatcher TagMatcher,
    TemplateRenderer Templates,
    MarkdownRenderer Markdown)
{
    /// <summary>
    /// What every page depends on besides its own model: the program, the templates, the settings. A change
    /// to any of them renders every page again.
    /// </summary>
    public ulong Fingerprint { get; init; }

    /// <summary>What matching reads of the tag vocabulary (<see cref="TagVocabulary.MatchFingerprint"/>): a paper's tags depend on it alone.</summary>
    public ulong TagMatchFingerprint { get; init; }

    /// <summary>What a paper's view reads of the tag vocabulary (<see cref="TagVocabulary.NamesFingerprint"/>): the tags' names.</summary>
    public ulong TagNamesFingerprint { get; init; }

    /// <summary>A fingerprint of the settings and the navigation: what a paper's page is made from besides the paper.</summary>
    public ulong SettingsAndNavigationFingerprint { get; init; }

    /// <summary>What earlier builds of this process computed that this one may reuse.</summary>
    public BuildSession Session { get; init; } = BuildSession.OneOff();

    /// <summary>What a watcher saw change since the session's last build (<see cref="BuildRequest.ChangedFiles"/>); null when not known.</summary>
    public IReadOnlyCollection<string>? ChangedFiles { get; init; }

    /// <summary>
    /// Where a one-off build keeps the papers' abstracts, excerpts and cards rather than hold them (<see cref="Text.TextFile"/>);
    /// none in a session, a dry run or a rebuild held off the collector.
    /// </summary>
    public Text.TextFile? Texts { get; init; }

    /// <summary>
    /// True for a one-off rebuild held off the collector (<see cref="CollectorHold"/>): it renders a few pages, and its
    /// garbage stays to its end anyway, so a file made from every paper is made beside the other pipelines' work rather
    /// than when it is written. A cold build renders every page while it writes, and made beside that, such a file would
    /// be held through its peak (the search index of a million papers allocates gigabytes).
    /// </summary>
    public bool Held { get; init; }

    /// <summary>Paper cards, shared by the list pages (a session's, kept across its builds).</summary>
    public CardCache Cards { get; init; } = new(Templates);

    /// <summary>Every page's internal links, handed over as pages are written and checked once all are (<see cref="Modules.ValidateLinks"/>).</summary>
    public Links.LinkCheck Links { get; init; } = new(Settings.LinkRoot, previous: Task.FromResult<Links.PageLinkTable?>(null), Output.ReadPage);

    /// <summary>The site's sources, as the build may read them (symbolic links out of the site are not followed).</summary>
    internal SourceTree Sources { get; init; } = new(Root, [.. Absolute(Root, Settings.InputPaths), .. Absolute(Root, Settings.ThemePaths)]);

    /// <summary>The navigation's links to the input's Markdown pages, by title.</summary>
    public IReadOnlyList<MenuLinkView> Menu { get; init; } = [];

    /// <summary>Absolute input folders, in priority order.</summary>
    public IReadOnlyList<string> InputFolders { get; } = Absolute(Root, Settings.InputPaths);

    /// <summary>Absolute theme folders, in priority order: the site's, then the built-in theme's.</summary>
    public IReadOnlyList<string> ThemeFolders { get; init; } = Absolute(Root, Settings.ThemePaths);

    /// <summary>Folders of the settings (relative to the site root or absolute), as absolute paths, in their order.</summary>
    public static string[] Absolute(string root, IEnumerable<string> paths) => [.. paths.Select(p => Path.GetFullPath(p, root))];

    /// <summary>A path as the user sees it in messages: relative to the site root, forward slashes.</summary>
    public string Relative(string absolutePath) => SitePath.Relative(Root, absolutePath);
}

using System.Collections.Frozen;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;
using SiteGen.Diagnostics;
using SiteGen.Rendering.Views;
using SiteGen.Site;

namespace SiteGen.Rendering;

/// <summary>
/// The theme's Liquid templates, parsed once at load and shared by every render on every thread.
/// <see cref="Render"/> renders <c>layouts/{layout}.liquid</c> with a <see cref="PageModel"/>, then wraps the result
/// in <c>layouts/base.liquid</c>, which sees the same model plus the page body as <c>body_html</c>.
/// </summary>
/// <remarks>
/// Templates see the model's members in snake_case (<c>page.title</c>, <c>paper.author_label</c>); only the view
/// model types are readable. Output is HTML-encoded; members ending in <c>_html</c> are trusted markup and are
/// written with <c>| raw</c>. Partials (<c>partials/*.liquid</c>) are used with
/// <c>{% render 'paper-card', paper: p, site: site %}</c>.
/// </remarks>
internal sealed partial class TemplateRenderer
{
    public const string BaseLayout = "base";

    /// <summary>The name under which <c>layouts/base.liquid</c> receives the rendered page layout.</summary>
    public const string BodyVariable = "body_html";

    private const string LayoutsFolder = "layouts/";
    private const string PartialsFolder = "partials/";

    /// <summary>Thread-safe and stateless: one for the whole program (Fluid README, "Thread-safety").</summary>
    private static readonly FluidParser Parser = new();

    /// <summary>Escapes what HTML needs escaped (&lt; &gt; &amp; quotes) and leaves other characters readable.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly TemplateOptions _options;
    private readonly FrozenDictionary<string, Layout> _layouts;
    private readonly FrozenDictionary<string, Layout> _partials;

    /// <summary>Where a missing layout should go, for the error that says so (<c>theme/</c>).</summary>
    private readonly string _lastRoot;

    private TemplateRenderer(TemplateOptions options, FrozenDictionary<string, Layout> layouts, FrozenDictionary<string, Layout> partials,
        IReadOnlyList<string> templateNames, string lastRoot, ulong fingerprint)
    {
        _options = options;
        _layouts = layouts;
        _partials = partials;
        Fingerprint = fingerprint;
        TemplateNames = templateNames;
        _lastRoot = lastRoot;
    }

    /// <summary>Every template loaded, by name inside the theme (<c>layouts/base.liquid</c>, <c>partials/pagination.liquid</c>).</summary>
    public IReadOnlyList<string> TemplateNames { get; }

    /// <summary>A hash of every template's name and text: a page rendered with other templates must be rendered again.</summary>
    public ulong Fingerprint { get; }

    /// <summary>
    /// Loads <c>layouts/**/*.liquid</c> and <c>partials/**/*.liquid</c> from <paramref name="themeRoots"/>, in priority order:
    /// a file in an earlier root overrides the same relative path in a later one (<c>[input, theme]</c> lets a user
    /// override the theme). Diagnostics name files relative to the current directory.
    /// </summary>
    /// <exception cref="ContentException">A template does not parse, names a partial that does not exist, or there is no base layout.</exception>
    public static TemplateRenderer Load(IReadOnlyList<string> themeRoots) => Load(Environment.CurrentDirectory, themeRoots);

    /// <summary>
    /// What <see cref="Load(string, IReadOnlyList{string})"/> would read, as a number: the path, length and time of every
    /// template. Equal stamps, equal templates, so a session loads and parses them again only after one changed.
    /// </summary>
    public static ulong StampOf(string siteRoot, IReadOnlyList<string> themeRoots)
    {
        var stamp = new XxHash3();
        foreach (var file in ThemeFile.Find(themeRoots, siteRoot))
        {
            var info = new FileInfo(file.FullPath);
            stamp.Append(Encoding.UTF8.GetBytes(file.Name + "\0" + file.FullPath + "\0"));
            stamp.Append(BitConverter.GetBytes(info.Exists ? info.Length : -1));
            stamp.Append(BitConverter.GetBytes(info.Exists ? info.LastWriteTimeUtc.Ticks : 0));
        }
        return stamp.GetCurrentHashAsUInt64();
    }

    /// <summary>
    /// Loads the templates of <paramref name="themeRoots"/> (see <see cref="Load(IReadOnlyList{string})"/>); diagnostics
    /// name files relative to <paramref name="siteRoot"/> (<c>input/layouts/paper.liquid:3:7: error: ...</c>).
    /// </summary>
    /// <exception cref="ContentException">A template does not parse, names a partial that does not exist, or there is no base layout.</exception>
    public static TemplateRenderer Load(string siteRoot, IReadOnlyList<string> themeRoots)
    {
        ArgumentNullException.ThrowIfNull(siteRoot);
        ArgumentNullException.ThrowIfNull(themeRoots);
        var files = ThemeFile.Find(themeRoots, siteRoot);
        var lastRoot = themeRoots.Count > 0 ? SitePath.Relative(siteRoot, themeRoots[^1]) + "/" : "";

        var parsed = new List<(ThemeFile File, string Source, IFluidTemplate Template)>(files.Count);
        foreach (var file in files)
        {
            var source = Site.SourceText.Read(file.FullPath, file.DisplayPath);
            parsed.Add((file, source, Parse(file, source)));
        }

        var partialSources = new Dictionary<string, string>(StringComparer.Ordinal);
        var partialTemplates = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        var partials = new Dictionary<string, Layout>(StringComparer.Ordinal);
        var layouts = new Dictionary<string, Layout>(StringComparer.Ordinal);
        var fingerprint = new XxHash3();
        foreach (var (file, source, template) in parsed)
        {
            fingerprint.Append(Encoding.UTF8.GetBytes(file.Name + "\0" + source + "\0"));
            if (file.Name.StartsWith(PartialsFolder, StringComparison.Ordinal))
            {
                var key = file.Name[PartialsFolder.Length..];
                partialSources[key] = source;
                partialTemplates[key] = template;
                partials[key] = new Layout(file, template);
            }
            else
            {
                layouts[LayoutOfFile(file.Name)] = new Layout(file, template);
            }
        }

        foreach (var (file, _, template) in parsed)
        {
            foreach (var reference in PartialReferences.In(template))
            {
                if (!partialTemplates.ContainsKey(PartialKey(reference)))
                {
                    throw new ContentException(file.DisplayPath, 0, 0,
                        $"the partial '{reference}' does not exist; add {PartialsFolder}{PartialKey(reference)} to the theme or fix the name");
                }
            }
        }

        if (!layouts.ContainsKey(BaseLayout))
        {
            var baseName = LayoutName(BaseLayout);
            throw new ContentException(lastRoot + baseName, 0, 0, $"the theme has no {baseName}; every page is wrapped in it, so add one");
        }

        var options = CreateOptions(partialSources.ToFrozenDictionary(StringComparer.Ordinal), partialTemplates.ToFrozenDictionary(StringComparer.Ordinal));
        return new TemplateRenderer(options, layouts.ToFrozenDictionary(StringComparer.Ordinal), partials.ToFrozenDictionary(StringComparer.Ordinal),
            [.. files.Select(f => f.Name)], lastRoot, fingerprint.GetCurrentHashAsUInt64());
    }

    /// <summary>
    /// Throws the error a render would, when the theme has no <c>layouts/{layout}.liquid</c>: pages ask when they are
    /// made, so a missing layout stops the build before anything is written.
    /// </summary>
    public void RequireLayout(string layout) => LayoutOf(layout);

    private Layout LayoutOf(string layout) =>
        _layouts.TryGetValue(layout, out var page)
            ? page
            : throw new ContentException(_lastRoot + LayoutName(layout), 0, 0,
                $"the theme has no layout '{layout}'; add {LayoutName(layout)} to the theme or fix the layout name");

    /// <summary>
    /// Renders <c>layouts/{layout}.liquid</c> with <paramref name="model"/>, then <c>layouts/base.liquid</c> around it.
    /// Safe to call from many threads at once.
    /// </summary>
    public string Render(string layout, PageModel model)
    {
        var page = TextBuffer.ForThisThread();
        Render(layout, model, page);
        return page.ToString();
    }

    /// <summary>
    /// <see cref="Render(string, PageModel)"/> into <paramref name="page"/> (empty; this thread's <see cref="TextBuffer"/>).
    /// The page layout's part is rendered into a buffer of its own, which the base layout writes as <c>body_html</c>.
    /// </summary>
    public void Render(string layout, PageModel model, TextBuffer page)
    {
        ArgumentNullException.ThrowIfNull(model);
        var layoutTemplate = LayoutOf(layout);

        var context = new TemplateContext(model, _options, allowModelMembers: false);
        if (layout == BaseLayout)
        {
            RenderOne(layoutTemplate, context, page);
            return;
        }
        var body = t_body ??= new TextBuffer();
        body.Clear();
        RenderOne(layoutTemplate, context, body);
        context.SetValue(BodyVariable, new RawHtml(body.WrittenMemory));
        RenderOne(_layouts[BaseLayout], context, page);
    }

    /// <summary>Each thread's buffer for the page layout's part of a page, while the base layout is rendered around it.</summary>
    [ThreadStatic]
    private static TextBuffer? t_body;

    /// <summary>
    /// Renders <c>partials/{partial}.liquid</c> alone with the given variables (e.g. <c>paper</c> and <c>site</c>), so that
    /// a piece shown on many pages (a paper's card) can be rendered once and reused. Safe to call from many threads.
    /// </summary>
    public string RenderPartial(string partial, IEnumerable<KeyValuePair<string, object>> variables)
    {
        if (!_partials.TryGetValue(PartialKey(partial), out var template))
        {
            throw new ContentException(_lastRoot + PartialsFolder + PartialKey(partial), 0, 0,
                $"the theme has no partial '{partial}'; add {PartialsFolder}{PartialKey(partial)} to the theme");
        }
        var context = new TemplateContext(_options);
        foreach (var (name, value) in variables)
        {
            context.SetValue(name, value);
        }
        return RenderOne(template, context);
    }

    private static string RenderOne(Layout layout, TemplateContext context)
    {
        try
        {
            return layout.Template.Render(context, Encoder);
        }
        catch (FileNotFoundException missing)
        {
            throw MissingPartial(layout, missing);
        }
    }

    private static void RenderOne(Layout layout, TemplateContext context, TextWriter into)
    {
        try
        {
            // Synchronous in practice (nothing a template reads is awaited); isolated, as Render(context, encoder) is.
            var rendering = layout.Template.RenderAsync(into, context, Encoder, isolateContext: true);
            if (!rendering.IsCompletedSuccessfully)
            {
                rendering.AsTask().GetAwaiter().GetResult();
            }
        }
        catch (FileNotFoundException missing)
        {
            throw MissingPartial(layout, missing);
        }
    }

    private static ContentException MissingPartial(Layout layout, FileNotFoundException missing) =>
        new(layout.File.DisplayPath, 0, 0, $"a partial it renders does not exist ({missing.Message}); add it under {PartialsFolder} or fix the name");

    private static TemplateOptions CreateOptions(FrozenDictionary<string, string> partialSources, FrozenDictionary<string, IFluidTemplate> partials)
    {
        var options = new TemplateOptions
        {
            CultureInfo = CultureInfo.InvariantCulture,
            FileProvider = new PartialFileProvider(partialSources),
#pragma warning disable FLUID001 // see PreparsedTemplateCache: the documented hook for pre-parsed partials
            TemplateCache = new PreparsedTemplateCache(partials),
#pragma warning restore FLUID001
        };
        ViewAccessors.Register(options.MemberAccessStrategy);
        options.Filters.AddFilter("raw", RawHtml.RawFilter);

        return options;
    }

    private static IFluidTemplate Parse(ThemeFile file, string source)
    {
        if (Parser.TryParse(source, out var template, out var error))
        {
            return template;
        }

        var (line, column, what) = DescribeParseError(error);
        throw new ContentException(file.DisplayPath, line, column,
            $"{what}; fix the Liquid syntax there (every {{% if %}}, {{% for %}}, {{% capture %}} needs its end tag, and output is {{{{ value }}}})");
    }

    /// <summary>Fluid reports "What went wrong at (line:column)\nSource:\n...": keep the what and the position.</summary>
    internal static (int Line, int Column, string What) DescribeParseError(string error)
    {
        var firstLine = error.Split('\n', 2)[0].TrimEnd('\r');
        var match = ParsePosition().Match(firstLine);
        if (!match.Success)
        {
            return (0, 0, firstLine.Length > 0 ? firstLine : "the template does not parse");
        }

        var what = firstLine[..match.Index].TrimEnd();
        return (int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture),
                int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture),
                what.Length > 0 ? what : "the template does not parse");
    }

    private static string LayoutName(string layout) => LayoutsFolder + layout + ThemeFile.Extension;

    /// <summary>
    /// The layout a file is (<c>layouts/paper.liquid</c>: <c>paper</c>), the name a page gives: the layouts are found by it,
    /// since every page asks for its layout, and a file name made each time was a string per page.
    /// </summary>
    private static string LayoutOfFile(string file) =>
        file.StartsWith(LayoutsFolder, StringComparison.Ordinal) && file.EndsWith(ThemeFile.Extension, StringComparison.Ordinal)
            ? file[LayoutsFolder.Length..^ThemeFile.Extension.Length]
            : file;

    private static string PartialKey(string reference) =>
        reference.EndsWith(ThemeFile.Extension, StringComparison.OrdinalIgnoreCase) ? reference : reference + ThemeFile.Extension;

    [GeneratedRegex(@"\s*at \((\d+):(\d+)\)\s*$")]
    private static partial Regex ParsePosition();

    private sealed record Layout(ThemeFile File, IFluidTemplate Template);
}

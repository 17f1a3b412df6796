using System.Collections;
using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SiteGen.Papers;

/// <summary>
/// Writes a paper's page through YamlDotNet's emitter, so quoting and escaping follow the YAML spec rather
/// than our guesses; we only choose the layout (key order, flow lists, block mappings).
/// </summary>
/// <remarks>
/// The emitter costs more than everything else about a page, so the usual page, whose values are all simple,
/// is written by <see cref="DirectFrontMatterWriter"/> instead, to the same text: tests compare the two paths
/// on random papers and scalars.
/// </remarks>
internal static class FrontMatterWriter
{
    // Never fold a long title over two lines: people grep for titles, and diffs stay one line per field.
    internal static readonly EmitterSettings Settings = EmitterSettings.Default.WithBestWidth(int.MaxValue).WithNewLine("\n");

    public static string Write(Paper paper) => Write(paper, direct: true);

    /// <param name="paper">The paper.</param>
    /// <param name="direct">False to always go through the emitter, so tests can compare the two paths.</param>
    internal static string Write(Paper paper, bool direct)
    {
        Validate(paper);
        var page = new StringBuilder(512 + paper.BodyLength);
        page.Append(FrontMatterBlock.Delimiter).Append('\n');
        if (!direct || !DirectFrontMatterWriter.TryWriteFields(page, paper))
        {
            Emit(page, paper);
        }
        page.Append(FrontMatterBlock.Delimiter).Append('\n');
        var body = FrontMatterBlock.NormalizeBody(paper.Body);
        if (body.Length > 0)
        {
            page.Append(body).Append('\n');
        }
        return page.ToString();
    }

    private static void Emit(StringBuilder page, Paper paper)
    {
        using (var writer = new StringWriter(page, CultureInfo.InvariantCulture) { NewLine = "\n" })
        {
            var emitter = new Emitter(writer, Settings);
            emitter.Emit(new StreamStart());
            emitter.Emit(new DocumentStart(null, null, isImplicit: true));
            emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
            WriteFields(emitter, paper);
            emitter.Emit(new MappingEnd());
            emitter.Emit(new DocumentEnd(isImplicit: true));
            emitter.Emit(new StreamEnd());
        }
    }

    private static void WriteFields(Emitter emitter, Paper paper)
    {
        Key(emitter, FrontMatter.TitleKey);
        // Always double-quoted, as DESIGN.md shows it: titles are full of colons, quotes and '#'.
        emitter.Emit(new Scalar(null, null, paper.Title, ScalarStyle.DoubleQuoted, true, true));
        Key(emitter, FrontMatter.SlugKey);
        Text(emitter, paper.Slug);
        if (paper.Arxiv is { } arxiv)
        {
            Key(emitter, FrontMatter.ArxivKey);
            Text(emitter, arxiv);
        }
        if (!paper.Authors.IsDefaultOrEmpty)
        {
            Key(emitter, FrontMatter.AuthorsKey);
            FlowList(emitter, paper.Authors);
        }
        Count(emitter, FrontMatter.AuthorCountKey, paper.AuthorCount);
        if (paper.Organization is { } organization)
        {
            Key(emitter, FrontMatter.OrganizationKey);
            Text(emitter, organization);
        }
        Date(emitter, FrontMatter.PublishedKey, paper.Published);
        Date(emitter, FrontMatter.SubmittedKey, paper.Submitted);
        Date(emitter, FrontMatter.FirstSeenKey, paper.FirstSeen);
        Count(emitter, FrontMatter.UpvotesKey, paper.Upvotes);
        Count(emitter, FrontMatter.CommentsKey, paper.Comments);
        Count(emitter, FrontMatter.GithubStarsKey, paper.GithubStars);
        if (!paper.Tags.IsDefaultOrEmpty)
        {
            Key(emitter, FrontMatter.TagsKey);
            FlowList(emitter, paper.Tags);
        }
        if (!paper.Keywords.IsDefaultOrEmpty)
        {
            Key(emitter, FrontMatter.KeywordsKey);
            FlowList(emitter, paper.Keywords);
        }
        if (paper.Summary is { } summary)
        {
            Key(emitter, FrontMatter.SummaryKey);
            // Double-quoted, as the title: a sentence of prose, full of colons and quotes.
            emitter.Emit(new Scalar(null, null, summary, ScalarStyle.DoubleQuoted, true, true));
        }
        if (paper.Links.Count > 0)
        {
            Key(emitter, FrontMatter.LinksKey);
            emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
            foreach (var (name, url) in paper.Links.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                Text(emitter, name);
                Text(emitter, url);
            }
            emitter.Emit(new MappingEnd());
        }
        if (!paper.Sources.IsDefaultOrEmpty)
        {
            Key(emitter, FrontMatter.SourcesKey);
            FlowList(emitter, paper.Sources);
        }
        foreach (var (key, value) in paper.Extra.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            Text(emitter, key);
            Value(emitter, value);
        }
    }

    private static void Validate(Paper paper)
    {
        // A page we write must be a page we can read: refuse here what Parse would refuse later.
        if (string.IsNullOrWhiteSpace(paper.Title))
        {
            throw new ArgumentException("A paper needs a title.", nameof(paper));
        }
        if (!Slug.IsValid(paper.Slug))
        {
            throw new ArgumentException($"'{paper.Slug}' is not a valid slug.", nameof(paper));
        }
        if (paper.AuthorCount < 1 || paper.Comments < 0 || paper.Upvotes < 0 || paper.GithubStars < 0)
        {
            throw new ArgumentException("Counts cannot be negative, and a paper has at least one author.", nameof(paper));
        }
        if (!paper.Authors.IsDefaultOrEmpty && paper.AuthorCount != paper.Authors.Length)
        {
            throw new ArgumentException("The author count is the number of the authors named.", nameof(paper));
        }
        if (paper.Arxiv is { } arxiv && !ArxivId.IsValid(arxiv))
        {
            throw new ArgumentException($"'{arxiv}' is not an arXiv id.", nameof(paper));
        }
        if (paper.Authors.Any(string.IsNullOrWhiteSpace) || paper.Keywords.Any(string.IsNullOrWhiteSpace)
            || (paper.Organization ?? "x").Trim().Length == 0)
        {
            throw new ArgumentException("Authors, keywords and the organization cannot be empty.", nameof(paper));
        }
        foreach (var key in paper.Extra.Keys)
        {
            if (key.Length == 0 || FrontMatter.Keys.Contains(key) || FrontMatter.KnownKeyLike(key) is not null)
            {
                throw new ArgumentException($"'{key}' cannot be an extra key: it is empty or a known field.", nameof(paper));
            }
        }
        if (paper.Tags.Any(tag => !Slug.IsValid(tag)))
        {
            throw new ArgumentException("Tags must be slugs.", nameof(paper));
        }
        if (paper.Sources.Any(string.IsNullOrWhiteSpace)
            || paper.Links.Any(pair => pair.Key.Length == 0 || string.IsNullOrWhiteSpace(pair.Value)))
        {
            throw new ArgumentException("Sources and links cannot be empty.", nameof(paper));
        }
    }

    private static void Key(Emitter emitter, string key) => emitter.Emit(new Scalar(key));

    private static void Count(Emitter emitter, string key, int? count)
    {
        if (count is { } value)
        {
            Key(emitter, key);
            Number(emitter, value.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void Date(Emitter emitter, string key, DateOnly? date)
    {
        if (date is { } value)
        {
            Key(emitter, key);
            Number(emitter, value.ToString(FrontMatter.DateFormat, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Numbers and dates, which are meant to be read as what they look like.</summary>
    private static void Number(Emitter emitter, string value) =>
        emitter.Emit(new Scalar(null, null, value, ScalarStyle.Plain, true, true));

    private static void Text(Emitter emitter, string value) =>
        emitter.Emit(new Scalar(null, null, value, YamlScalars.StyleFor(value), true, true));

    private static void FlowList(Emitter emitter, IEnumerable<string> items)
    {
        emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Flow));
        foreach (var item in items)
        {
            Text(emitter, item);
        }
        emitter.Emit(new SequenceEnd());
    }

    /// <summary>An extra value: text, null, or lists and mappings of them (other scalars are written as text).</summary>
    private static void Value(Emitter emitter, object? value)
    {
        switch (value)
        {
            case null:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, true));
                break;
            case string text:
                Text(emitter, text);
                break;
            case IReadOnlyDictionary<string, object?> map:
                Mapping(emitter, map.Select(pair => (pair.Key, pair.Value)));
                break;
            case IDictionary map:
                Mapping(emitter, map.Cast<DictionaryEntry>().Select(entry => (Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "", entry.Value)));
                break;
            case IEnumerable list:
                var items = list.Cast<object?>().ToList();
                // Lists of plain values read best on one line, like tags; nested structure needs block style.
                var flow = !items.Any(item => item is IEnumerable and not string);
                emitter.Emit(new SequenceStart(null, null, true, flow ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in items)
                {
                    Value(emitter, item);
                }
                emitter.Emit(new SequenceEnd());
                break;
            case bool flag:
                Text(emitter, flag ? "true" : "false");
                break;
            default:
                Text(emitter, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                break;
        }
    }

    private static void Mapping(Emitter emitter, IEnumerable<(string Key, object? Value)> pairs)
    {
        var sorted = pairs.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToList();
        emitter.Emit(new MappingStart(null, null, true, sorted.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
        foreach (var (key, value) in sorted)
        {
            Text(emitter, key);
            Value(emitter, value);
        }
        emitter.Emit(new MappingEnd());
    }
}

using System.Collections.Immutable;
using System.Globalization;
using SiteGen.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Papers;

/// <summary>
/// Reads a YAML-fronted page into a <see cref="Paper"/>. Every mistake becomes a <see cref="ContentException"/>
/// at the file position of the offending key or value, saying what is wrong and how to fix it.
/// </summary>
internal sealed class FrontMatterReader
{
    private readonly FrontMatterBlock block;

    private FrontMatterReader(FrontMatterBlock block) => this.block = block;

    public static Paper Read(string path, string text)
    {
        var block = FrontMatterBlock.Split(path, text);
        return new FrontMatterReader(block).Read();
    }

    private Paper Read()
    {
        var fields = Load();
        string? title = null;
        string? slug = null;
        string? arxiv = null;
        var authors = ImmutableArray<string>.Empty;
        int? authorCount = null;
        string? organization = null;
        DateOnly? published = null;
        DateOnly? submitted = null;
        DateOnly? firstSeen = null;
        int? upvotes = null;
        int? comments = null;
        int? githubStars = null;
        string? summary = null;
        var keywords = ImmutableArray<string>.Empty;
        var tags = ImmutableArray<string>.Empty;
        var links = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);
        var sources = ImmutableArray<string>.Empty;
        var extra = ImmutableSortedDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);

        foreach (var (keyNode, value) in fields?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            var key = KeyOf(keyNode);
            switch (key)
            {
                case FrontMatter.TitleKey:
                    title = Text(key, value, "write e.g. `title: \"The paper's title\"`");
                    break;
                case FrontMatter.SlugKey:
                    slug = OptionalText(key, value, "write e.g. `slug: my-paper`");
                    if (slug is not null && !Papers.Slug.IsValid(slug))
                    {
                        throw block.ErrorAt(value.Start,
                            $"`{YamlScalars.Show(slug)}` is not a valid slug; use lowercase ASCII letters, digits and hyphens "
                            + "(e.g. `my-paper`), or remove the `slug` line to derive it from the title");
                    }
                    break;
                case FrontMatter.ArxivKey:
                    arxiv = OptionalText(key, value, "write e.g. `arxiv: 2405.07960`");
                    if (arxiv is not null && !ArxivId.IsValid(arxiv))
                    {
                        throw block.ErrorAt(value.Start,
                            $"`{YamlScalars.Show(arxiv)}` is not an arXiv id; write it as `arxiv: 2405.07960` (or an old-style id such as `hep-th/9901001`)");
                    }
                    break;
                case FrontMatter.AuthorsKey:
                    authors = TextList(key, value, value is YamlScalarNode { Value: { } number } && int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
                        ? $"for a number of authors write `author_count: {number}`, for their names e.g. `authors: [Ada Lovelace, Alan Turing]`"
                        : "write e.g. `authors: [Ada Lovelace, Alan Turing]`");
                    break;
                case FrontMatter.AuthorCountKey:
                    authorCount = OptionalCount(key, value, minimum: 1);
                    break;
                case FrontMatter.OrganizationKey:
                    organization = OptionalText(key, value, "write e.g. `organization: Microsoft`");
                    break;
                case FrontMatter.PublishedKey:
                    published = OptionalDate(key, value);
                    break;
                case FrontMatter.SubmittedKey:
                    submitted = OptionalDate(key, value);
                    break;
                case FrontMatter.FirstSeenKey:
                    firstSeen = OptionalDate(key, value);
                    break;
                case FrontMatter.UpvotesKey:
                    upvotes = OptionalCount(key, value, minimum: 0);
                    break;
                case FrontMatter.CommentsKey:
                    comments = OptionalCount(key, value, minimum: 0);
                    break;
                case FrontMatter.GithubStarsKey:
                    githubStars = OptionalCount(key, value, minimum: 0);
                    break;
                case FrontMatter.SummaryKey:
                    summary = OptionalText(key, value, "write e.g. `summary: \"One sentence.\"`");
                    break;
                case FrontMatter.KeywordsKey:
                    keywords = TextList(key, value, "write e.g. `keywords: [diffusion models, video generation]`");
                    break;
                case FrontMatter.TagsKey:
                    tags = TextList(key, value, "write e.g. `tags: [diffusion, 3d-generation]`");
                    CheckTagSlugs(value, tags);
                    break;
                case FrontMatter.LinksKey:
                    links = TextMap(key, value);
                    break;
                case FrontMatter.SourcesKey:
                    sources = TextList(key, value, "write e.g. `sources: [listing.txt]`");
                    break;
                default:
                    if (FrontMatter.KnownKeyLike(key) is { } known)
                    {
                        throw block.ErrorAt(keyNode.Start, $"unknown key `{YamlScalars.Show(key)}`; did you mean `{known}`? (keys are lower_snake_case)");
                    }
                    extra[key] = Plain(value);
                    break;
            }
        }

        if (title is null)
        {
            throw block.ErrorAtStart("the front matter has no `title`; add a line such as `title: \"The paper's title\"`");
        }
        if (!authors.IsEmpty && authorCount is { } count && count != authors.Length)
        {
            throw block.ErrorAtStart(
                $"`{FrontMatter.AuthorCountKey}` is {count} but `{FrontMatter.AuthorsKey}` names {authors.Length}; remove `{FrontMatter.AuthorCountKey}` (the names count)");
        }
        return new Paper
        {
            Title = title,
            Slug = slug ?? Papers.Slug.FromTitle(title, arxiv),
            Arxiv = arxiv,
            Authors = authors,
            AuthorCount = authors.IsEmpty ? authorCount : authors.Length,
            Organization = organization,
            Published = published,
            Submitted = submitted,
            FirstSeen = firstSeen,
            Upvotes = upvotes,
            Comments = comments,
            GithubStars = githubStars,
            Summary = summary,
            Keywords = keywords,
            Tags = tags,
            Links = links,
            Sources = sources,
            Body = block.Body,
            Extra = extra.ToImmutable(),
        };
    }

    /// <summary>The root mapping, or null when the front matter is empty.</summary>
    private YamlMappingNode? Load()
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new FrontMatterYamlParser(block));
        }
        catch (YamlException e)
        {
            throw block.ErrorAt(TabIndentAfter(e) ?? e.Start, Describe(e));
        }
        if (stream.Documents.Count == 0)
        {
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            throw block.ErrorAt(stream.Documents[1].RootNode.Start,
                "the front matter holds more than one YAML document; remove the `...` line inside it");
        }
        var root = stream.Documents[0].RootNode;
        return root switch
        {
            YamlMappingNode mapping => mapping,
            YamlScalarNode scalar when YamlScalars.IsNull(scalar) => null,
            _ => throw block.ErrorAt(root.Start, "the front matter must be `key: value` lines; write e.g. `title: \"The paper's title\"`"),
        };
    }

    /// <summary>
    /// YamlDotNet reports a tab in the indentation at the start of the mapping it was reading; the user needs
    /// the line with the tab.
    /// </summary>
    private Mark? TabIndentAfter(YamlException e)
    {
        if (!e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var lines = block.Yaml.Split('\n');
        for (var line = (int)Math.Max(e.Start.Line - 1, 0); line < lines.Length; line++)
        {
            var indent = lines[line].Length - lines[line].TrimStart(" \t").Length;
            var tab = lines[line].IndexOf('\t', 0, indent);
            if (tab >= 0)
            {
                return new Mark(0, line + 1, tab + 1);
            }
        }
        return null;
    }

    /// <summary>YamlDotNet says what it found; add what the user most likely has to do about it.</summary>
    private static string Describe(YamlException e)
    {
        var what = e.Message.ReplaceLineEndings(" ").Trim().TrimEnd('.');
        if (what.Length == 0)
        {
            what = "unreadable";
        }
        string fix;
        if (what.StartsWith("Duplicate key", StringComparison.Ordinal))
        {
            fix = "each key may appear once: remove or rename one of them";
        }
        else if (what.Contains("invalid mapping", StringComparison.Ordinal) || what.Contains("mapping values are not allowed", StringComparison.Ordinal))
        {
            fix = "a value that contains `: ` must be quoted, e.g. `title: \"Topic: Subtitle\"`";
        }
        else if (what.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            fix = "indent with spaces, not tabs";
        }
        else if (what.Contains("unknown escape", StringComparison.Ordinal))
        {
            fix = "inside double quotes write a backslash as `\\\\`, or use single quotes";
        }
        else if (what.Contains("quoted scalar", StringComparison.Ordinal))
        {
            fix = "close the quote; inside double quotes write a quote as `\\\"`";
        }
        else if (what.Contains("flow sequence", StringComparison.Ordinal) || what.Contains("flow mapping", StringComparison.Ordinal))
        {
            fix = "close every `[` with `]` and every `{` with `}`, separate items with commas, or quote a value that starts with one";
        }
        else
        {
            fix = "check the quoting and indentation here; quote a value that starts with `[`, `{`, `*`, `&`, `!`, `|`, `>`, `%`, `@` or a quote";
        }
        return $"invalid YAML, {char.ToLowerInvariant(what[0])}{what[1..]}; {fix}";
    }

    private string KeyOf(YamlNode key) =>
        key is YamlScalarNode { Value: { Length: > 0 } name } scalar && !YamlScalars.IsNull(scalar)
            ? name
            : throw block.ErrorAt(key.Start, "a front matter key must be a plain name; write `name: value`");

    private string Text(string key, YamlNode value, string example) =>
        OptionalText(key, value, example) is { } text && text.Trim().Length > 0
            ? text
            : throw block.ErrorAt(value.Start, $"`{key}` is empty; {example}");

    private string? OptionalText(string key, YamlNode value, string example) => value switch
    {
        YamlScalarNode scalar when YamlScalars.IsNull(scalar) => null,
        YamlScalarNode scalar => scalar.Value ?? "",
        _ => throw block.ErrorAt(value.Start, $"`{key}` must be a single value, not a list or mapping; {example}"),
    };

    private int? OptionalCount(string key, YamlNode value, int minimum)
    {
        var text = OptionalText(key, value, $"write e.g. `{key}: 3`");
        if (text is null)
        {
            return null;
        }
        // Digits only: no sign, no "1_000", no "0x10"; a count is written the way people write it.
        if (text.Length > 0 && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= minimum)
        {
            return count;
        }
        throw block.ErrorAt(value.Start,
            $"`{key}` must be a whole number of at least {minimum}, not `{YamlScalars.Show(text)}`; "
            + $"write e.g. `{key}: 3`, or remove the line if it is not known");
    }

    private DateOnly? OptionalDate(string key, YamlNode value)
    {
        var text = OptionalText(key, value, $"write e.g. `{key}: 2025-03-20`");
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, FrontMatter.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        throw block.ErrorAt(value.Start,
            $"`{key}` must be a date written year-month-day, not `{YamlScalars.Show(text)}`; "
            + $"write e.g. `{key}: 2025-03-20`, or remove the line if it is not known");
    }

    /// <summary>A tag is a URL name (<c>/tags/{tag}/</c>), so it must be a slug like a paper's.</summary>
    private void CheckTagSlugs(YamlNode value, ImmutableArray<string> tags)
    {
        for (var i = 0; i < tags.Length; i++)
        {
            if (!Papers.Slug.IsValid(tags[i]))
            {
                var at = value is YamlSequenceNode sequence ? sequence.Children[i].Start : value.Start;
                throw block.ErrorAt(at,
                    $"`{YamlScalars.Show(tags[i])}` is not a valid tag; tags are slugs of lowercase ASCII letters, digits and hyphens, "
                    + $"such as `{Papers.Slug.FromTitle(tags[i])}`");
            }
        }
    }

    private ImmutableArray<string> TextList(string key, YamlNode value, string example)
    {
        switch (value)
        {
            case YamlScalarNode scalar when YamlScalars.IsNull(scalar):
                return [];
            case YamlSequenceNode sequence:
                var items = ImmutableArray.CreateBuilder<string>(sequence.Children.Count);
                foreach (var item in sequence.Children)
                {
                    items.Add(Text(key, item, example));
                }
                return items.MoveToImmutable();
            default:
                throw block.ErrorAt(value.Start, $"`{key}` must be a list; {example}");
        }
    }

    private ImmutableSortedDictionary<string, string> TextMap(string key, YamlNode value)
    {
        const string example = "write `links:` and below it lines such as `  code: https://github.com/owner/repo`";
        var map = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        switch (value)
        {
            case YamlScalarNode scalar when YamlScalars.IsNull(scalar):
                break;
            case YamlMappingNode mapping:
                foreach (var (name, url) in mapping.Children)
                {
                    map[KeyOf(name)] = Text(key, url, example);
                }
                break;
            default:
                throw block.ErrorAt(value.Start, $"`{key}` must be a mapping of names to URLs; {example}");
        }
        return map.ToImmutable();
    }

    /// <summary>An unknown key's value as templates get it: text, null, lists and mappings of those.</summary>
    private object? Plain(YamlNode value) => value switch
    {
        YamlScalarNode scalar when YamlScalars.IsNull(scalar) => null,
        YamlScalarNode scalar => scalar.Value ?? "",
        YamlSequenceNode sequence => sequence.Children.Select(Plain).ToImmutableArray(),
        YamlMappingNode mapping => mapping.Children.ToImmutableSortedDictionary(pair => KeyOf(pair.Key), pair => Plain(pair.Value), StringComparer.Ordinal),
        _ => throw block.ErrorAt(value.Start, "this value cannot be read; write text, a list or a mapping"),
    };
}

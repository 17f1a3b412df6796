using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using SiteGen.Papers;

namespace SiteGen.Tests.Papers;

/// <summary>
/// Random papers and abstracts built from the pieces that break naive writers: YAML indicators, Markdown
/// markup, HTML, entities, URLs with trailing punctuation, non-ASCII text and odd whitespace.
/// </summary>
internal static class PaperGenerators
{
    private static readonly string[] Words =
        ["model", "LLM_Integration", "snake_case_name", "x", "3D", "é", "Déjà", "日本語", "naïve", "😀", "ß", "v2", "2024", "A"];

    private static readonly string[] Markup =
    [
        "*", "**", "_", "__", "_x_", "`", "``", "[", "]", "[1]", "](", "![", "<", ">", "<script>", "</p>", "<b>",
        "&", "&amp;", "&#38;", "&#x26;", "&copy;", "&nope", "R&D", "\\", "\\*", "\\\\", "#", "##", "-", "+", "=",
        "===", "---", "--", "~", "~~~", "```", "1.", "2)", "12.", "1234567890.", "!", "(", ")", ".", ",", ";", ":",
        "|", "\"", "'", "—", "…", "“", "”", "，", "{", "}", "%", "@", "?", "$", "^",
        "www.example.com", "ftp://files.example.org", "mailto:a@b.org", "a@b.org", "javascript:alert(1)",
    ];

    private static readonly string[] Spaces = [" ", " ", " ", "  ", "\t", "\n", "\n", "\n\n", "\n   ", "    ", "\r\n", "\u00A0"];

    private static readonly string[] UrlPathPieces =
        ["a", "b_c", "x*y", "(v1)", "(", ")", "-", ".", "~", "?q=1", "&r=2", "#frag", "/", "é", "a:b", "[0]", "'", "_", "!"];

    private static Gen<string> Url =>
        from scheme in Gen.Elements("https://", "http://", "HTTPS://")
        from host in Gen.Elements("github.com", "x.org", "www.github.com", "a-b.example.co.uk", "例え.jp", "127.0.0.1:8080")
        from path in Gen.Elements(UrlPathPieces).ListOf().Select(pieces => string.Concat(pieces))
        select scheme + host + (path.Length > 0 ? "/" + path : "");

    /// <summary>Text as a listing shows an abstract, and then some.</summary>
    public static Gen<string> Literal =>
        Gen.Frequency(
                (4, Gen.Elements(Words)),
                (4, Gen.Elements(Markup)),
                (5, Gen.Elements(Spaces)),
                (2, Url),
                (1, Url.Select(url => "(" + url + ")")),
                (1, Url.Select(url => url + ".")))
            .ListOf()
            .Select(pieces => string.Concat(pieces));

    private static readonly string[] Tricky =
    [
        "plain", "He said \"hi\"", "it's", "a: b", "# not a comment", "- leading", "<script>alert(1)</script>", "[x]",
        "{y}", "a, b", "2024", "true", "No", "null", "~", "1.5", "0x1F", "2025-03-20", "12:30", "@at", "%pct", "*star",
        "&amp", "!bang", "|pipe", ">gt", "Déjà vu", "日本語", "😀 emoji", "back\\slash", "tab\there", " padded ",
        "two\nlines", "\u2028", "\u2029", "3d-generation", "y", // not U+0085: a C1 control, which no page keeps (SafeText)
    ];

    private static Gen<string> Field =>
        Gen.Elements(Tricky).NonEmptyListOf().Select(pieces => string.Concat(pieces));

    private static Gen<string> Key =>
        Gen.Elements("venue", "note", "award", "a b", "x:y", "2024", "true", "tags2", "_private", "é", "code-link")
            .Where(key => FrontMatter.KnownKeyLike(key) is null);

    private static Gen<object?> ExtraValue =>
        Gen.Frequency(
            (4, Field.Select(text => (object?)text)),
            (1, Gen.Constant((object?)null)),
            (2, Gen.OneOf(Field.Select(text => (object?)text), Gen.Constant((object?)null))
                .ListOf()
                .Select(items => (object?)items.ToImmutableArray())),
            (2, Gen.Zip(Key, Gen.OneOf(Field.Select(text => (object?)text), Gen.Constant((object?)null)))
                .ListOf()
                .Select(pairs => (object?)pairs
                    .GroupBy(pair => pair.Item1)
                    .ToImmutableSortedDictionary(same => same.Key, same => same.First().Item2, StringComparer.Ordinal))));

    private static Gen<T?> Maybe<T>(Gen<T> gen) where T : struct =>
        Gen.Frequency((1, Gen.Constant((T?)null)), (3, gen.Select(value => (T?)value)));

    public static Gen<Paper> Paper =>
        from title in Field.Where(title => title.Trim().Length > 0)
        from customSlug in Gen.Elements(null, "my-paper", "a1", "x-2-y")
        from authors in Maybe(Gen.Choose(1, 500))
        from names in Gen.Frequency((3, Gen.Constant(Array.Empty<string>())), (1, Field.Where(f => f.Trim().Length > 0).NonEmptyListOf().Select(l => l.ToArray())))
        from arxiv in Gen.Elements(null, "2405.07960", "0704.0001", "hep-th/9901001")
        from organization in Gen.Frequency((3, Gen.Constant<string?>(null)), (1, Field.Where(f => f.Trim().Length > 0).Select(f => (string?)f)))
        from day in Maybe(Gen.Choose(0, 80_000))
        from submittedDay in Maybe(Gen.Choose(0, 80_000))
        from seenDay in Maybe(Gen.Choose(0, 80_000))
        from upvotes in Maybe(Gen.Choose(0, 5000))
        from comments in Maybe(Gen.Choose(0, 1000))
        from stars in Maybe(Gen.Choose(0, 500_000))
        from summary in Gen.Frequency((3, Gen.Constant<string?>(null)), (1, Field.Select(f => (string?)f)))
        from keywords in Field.Where(f => f.Trim().Length > 0).ListOf()
        from tags in Gen.Elements("diffusion", "3d-generation", "2024", "true", "null", "1e3", "no", "a").ListOf()
        from links in Gen.Zip(Gen.Elements("code", "paper", "project page", "2"), Url).ListOf()
        from sources in Gen.Elements("000_e26a98970d65545d.txt", "001.txt", "my paper.md", "2024").ListOf()
        from body in Literal
        from extra in Gen.Zip(Key, ExtraValue).ListOf()
        select new Paper
        {
            Title = title,
            Slug = customSlug ?? Slug.FromTitle(title, arxiv),
            Arxiv = arxiv,
            Authors = [.. names],
            AuthorCount = names.Length > 0 ? names.Length : authors,
            Organization = organization,
            Published = day.HasValue ? new DateOnly(1900, 1, 1).AddDays(day.Value) : null,
            Submitted = submittedDay.HasValue ? new DateOnly(1900, 1, 1).AddDays(submittedDay.Value) : null,
            FirstSeen = seenDay.HasValue ? new DateOnly(1900, 1, 1).AddDays(seenDay.Value) : null,
            Upvotes = upvotes,
            Comments = comments,
            GithubStars = stars,
            Summary = summary,
            Keywords = [.. keywords],
            Tags = [.. tags],
            Links = links.GroupBy(link => link.Item1)
                .ToImmutableSortedDictionary(same => same.Key, same => same.First().Item2, StringComparer.Ordinal),
            Sources = [.. sources],
            Body = AbstractMarkdown.FromLiteral(body),
            Extra = extra.GroupBy(pair => pair.Item1)
                .ToImmutableSortedDictionary<IGrouping<string, (string, object?)>, string, object?>(same => same.Key, same => same.First().Item2, StringComparer.Ordinal),
        };
}

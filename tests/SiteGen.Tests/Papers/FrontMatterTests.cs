using System.Collections.Immutable;
using SiteGen.Diagnostics;
using SiteGen.Papers;

namespace SiteGen.Tests.Papers;

public sealed class FrontMatterTests
{
    private const string Path = "input/papers/p.md";

    private static Paper Vecset => new()
    {
        Title = "Unleashing Vecset Diffusion Model for Fast Shape Generation",
        Slug = "unleashing-vecset-diffusion-model-for-fast-shape-generation",
        AuthorCount = 13,
        Published = new DateOnly(2025, 3, 20),
        Comments = 4,
        Tags = ["diffusion", "3d-generation"],
        Links = ImmutableSortedDictionary<string, string>.Empty.Add("code", "https://github.com/Tencent/FlashVDM"),
        Sources = ["000_e26a98970d65545d.txt"],
        Body = "3D shape generation has greatly flourished.",
    };

    [Fact]
    public void WritesThePageFormatOfTheDesign()
    {
        Assert.Equal(
            """
            ---
            title: "Unleashing Vecset Diffusion Model for Fast Shape Generation"
            slug: unleashing-vecset-diffusion-model-for-fast-shape-generation
            author_count: 13
            published: 2025-03-20
            comments: 4
            tags: [diffusion, 3d-generation]
            links:
              code: https://github.com/Tencent/FlashVDM
            sources: [000_e26a98970d65545d.txt]
            ---
            3D shape generation has greatly flourished.

            """.ReplaceLineEndings("\n"),
            FrontMatter.Write(Vecset));
    }

    [Fact]
    public void LeavesOutFieldsWithNoValue()
    {
        var page = FrontMatter.Write(new Paper { Title = "A", Slug = "a" });

        Assert.Equal("---\ntitle: \"A\"\nslug: a\n---\n", page);
    }

    [Fact]
    public void WritesExtraKeysSortedAfterTheKnownOnes() // and quotes "y", a boolean to YAML 1.1
    {
        var paper = Vecset with
        {
            Extra = ImmutableSortedDictionary<string, object?>.Empty
                .Add("zeta", "last")
                .Add("alpha", ImmutableArray.Create<object?>("x", "y"))
                .Add("venue", ImmutableSortedDictionary<string, object?>.Empty.Add("name", "CVPR").Add("year", "2025")),
        };

        var page = FrontMatter.Write(paper);

        Assert.EndsWith(
            "sources: [000_e26a98970d65545d.txt]\nalpha: [x, 'y']\nvenue:\n  name: CVPR\n  year: '2025'\nzeta: last\n---\n3D shape generation has greatly flourished.\n",
            page);
    }

    [Theory]
    [InlineData("He said \"hi\": a \\ study", "\"He said \\\"hi\\\": a \\\\ study\"")]
    [InlineData("# Not a comment", "\"# Not a comment\"")]
    [InlineData("- leading dash", "\"- leading dash\"")]
    [InlineData("<script>alert(1)</script>", "\"<script>alert(1)</script>\"")]
    [InlineData("Déjà vu: ünïcode", "\"Déjà vu: ünïcode\"")]
    [InlineData("two\nlines", "\"two\\nlines\"")]
    public void WritesTheTitleDoubleQuotedAndEscaped(string title, string written)
    {
        var page = FrontMatter.Write(new Paper { Title = title, Slug = "t" });

        Assert.StartsWith($"---\ntitle: {written}\n", page);
        Assert.Equal(title, FrontMatter.Parse(Path, page).Title);
    }

    [Fact]
    public void KeepsALongTitleOnOneLine()
    {
        var title = string.Join(' ', Enumerable.Repeat("word", 60));

        var page = FrontMatter.Write(new Paper { Title = title, Slug = "t" });

        Assert.Contains($"title: \"{title}\"\n", page);
    }

    [Theory]
    [InlineData("2024", "'2024'")]
    [InlineData("true", "'true'")]
    [InlineData("No", "'No'")]
    [InlineData("null", "'null'")]
    [InlineData("~", "'~'")]
    [InlineData("1.5", "'1.5'")]
    [InlineData("0x1F", "'0x1F'")]
    [InlineData("2025-03-20", "'2025-03-20'")]
    [InlineData("12:30", "'12:30'")]
    [InlineData("a, b", "'a, b'")]
    [InlineData("[x]", "'[x]'")]
    [InlineData("3d-generation", "3d-generation")]
    [InlineData("diffusion", "diffusion")]
    public void QuotesAListItemOnlyWhenYamlWouldReadItAsSomethingElse(string source, string written)
    {
        var page = FrontMatter.Write(new Paper { Title = "T", Slug = "t", Sources = [source] });

        Assert.Contains($"\nsources: [{written}]\n", page);
        Assert.Equal(new[] { source }, FrontMatter.Parse(Path, page).Sources);
    }

    [Fact]
    public void RefusesToWriteAPaperItCouldNotRead()
    {
        Assert.Throws<ArgumentException>(() => FrontMatter.Write(new Paper { Title = " ", Slug = "t" }));
        Assert.Throws<ArgumentException>(() => FrontMatter.Write(new Paper { Title = "T", Slug = "Not A Slug" }));
        Assert.Throws<ArgumentException>(() => FrontMatter.Write(new Paper
        {
            Title = "T",
            Slug = "t",
            Extra = ImmutableSortedDictionary<string, object?>.Empty.Add("title", "again"),
        }));
    }

    [Fact]
    public void ReadsWhatItWrites()
    {
        Assert.Equal(Vecset, FrontMatter.Parse(Path, FrontMatter.Write(Vecset)));
    }

    [Fact]
    public void ReadsAHandWrittenPage()
    {
        var paper = FrontMatter.Parse(Path, """
            ---
            # a comment
            title: A Study of Things
            author_count: "3"
            published: '2024-12-31'
            tags:
              - one
              - two
            links:
              code: https://github.com/a/b
              paper: https://arxiv.org/abs/1
            ---

            The *abstract*.
            """);

        Assert.Equal("A Study of Things", paper.Title);
        Assert.Equal("a-study-of-things", paper.Slug);
        Assert.Equal(3, paper.AuthorCount);
        Assert.Equal(new DateOnly(2024, 12, 31), paper.Published);
        Assert.Null(paper.Comments);
        Assert.Equal(new[] { "one", "two" }, paper.Tags);
        Assert.Equal("https://github.com/a/b", paper.CodeUrl);
        Assert.Equal("https://arxiv.org/abs/1", paper.Links["paper"]);
        Assert.Empty(paper.Sources);
        Assert.Equal("The *abstract*.", paper.Body);
    }

    [Fact]
    public void KeepsUnknownKeysAsTextListsAndMappings()
    {
        var paper = FrontMatter.Parse(Path, """
            ---
            title: T
            venue: CVPR
            draft: true
            note: ~
            editors: [Ada, Alan]
            award:
              name: Best Paper
              year: 2025
            ---
            """);

        Assert.Equal("CVPR", paper.Extra["venue"]);
        Assert.Equal("true", paper.Extra["draft"]);
        Assert.Null(paper.Extra["note"]);
        Assert.Equal(new object?[] { "Ada", "Alan" }, Assert.IsType<ImmutableArray<object?>>(paper.Extra["editors"]));
        var award = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(paper.Extra["award"]);
        Assert.Equal("Best Paper", award["name"]);
        Assert.Equal("2025", award["year"]);
        Assert.Equal(paper, FrontMatter.Parse(Path, FrontMatter.Write(paper)));
    }

    [Fact]
    public void ReadsAByteOrderMarkAndWindowsLineEndings()
    {
        var text = "\uFEFF---\r\ntitle: \"T\"\r\nslug: t\r\ntags: [a, b]\r\n---\r\nLine one\r\nline two\r\n";

        var paper = FrontMatter.Parse(Path, text);

        Assert.Equal(new Paper { Title = "T", Slug = "t", Tags = ["a", "b"], Body = "Line one\nline two" }, paper);
    }

    [Fact]
    public void ReportsPositionsInTheFileWhenItHasWindowsLineEndings()
    {
        var error = Assert.Throws<ContentException>(() => FrontMatter.Parse(Path, "\uFEFF---\r\ntitle: T\r\ncomments: lots\r\n---\r\n"));

        Assert.StartsWith($"{Path}:3:11: error: ", error.Message);
    }

    [Fact]
    public void AcceptsAnEmptyBodyAndAMissingFinalNewline()
    {
        Assert.Equal("", FrontMatter.Parse(Path, "---\ntitle: T\n---").Body);
        Assert.Equal("x", FrontMatter.Parse(Path, "---\ntitle: T\n---\nx").Body);
    }

    [Fact]
    public void ATrailingSpaceAfterADelimiterIsForgiven()
    {
        Assert.Equal("T", FrontMatter.Parse(Path, "--- \ntitle: T\n---\t\nx").Title);
    }

    // Each mistake: the exact place, and a message that says how to fix it.
    [Theory]
    [InlineData("title: T\n---\n", 1, 1, "must start with a `---` line", "put `---`")]
    [InlineData("Just some text.", 1, 1, "must start with a `---` line", "put `---`")]
    [InlineData("---\ntitle: T\nbody", 1, 1, "never ends", "did you forget the closing `---`?")]
    [InlineData("---\ntitle: T\nslug: t\n--\nbody", 1, 1, "never ends", "did you forget the closing `---`?")]
    [InlineData("---\nslug: a\n---\n", 1, 1, "has no `title`", "add a line such as `title: \"")]
    [InlineData("---\n---\n", 1, 1, "has no `title`", "add a line such as `title: \"")]
    [InlineData("---\ntitle: \"\"\n---\n", 2, 8, "`title` is empty", "write e.g. `title: \"")]
    [InlineData("---\ntitle: [A, B]\n---\n", 2, 8, "`title` must be a single value", "write e.g. `title: \"")]
    [InlineData("---\ntitle: T\nauthor_count: many\n---\n", 3, 15, "`author_count` must be a whole number of at least 1, not `many`", "write e.g. `author_count: 3`")]
    [InlineData("---\ntitle: T\nauthor_count: -2\n---\n", 3, 15, "`author_count` must be a whole number of at least 1, not `-2`", "write e.g. `author_count: 3`")]
    [InlineData("---\ntitle: T\nauthor_count: 0\n---\n", 3, 15, "at least 1, not `0`", "write e.g. `author_count: 3`")]
    [InlineData("---\ntitle: T\ncomments: -1\n---\n", 3, 11, "`comments` must be a whole number of at least 0", "write e.g. `comments: 3`")]
    [InlineData("---\ntitle: T\ncomments: 99999999999\n---\n", 3, 11, "`comments` must be a whole number", "write e.g. `comments: 3`")]
    [InlineData("---\ntitle: T\npublished: 2025-13-01\n---\n", 3, 12, "`published` must be a date written year-month-day, not `2025-13-01`", "write e.g. `published: 2025-03-20`")]
    [InlineData("---\ntitle: T\npublished: March 20, 2025\n---\n", 3, 12, "`published` must be a date", "write e.g. `published: 2025-03-20`")]
    [InlineData("---\ntitle: T\nslug: Not A Slug\n---\n", 3, 7, "`Not A Slug` is not a valid slug", "remove the `slug` line to derive it from the title")]
    [InlineData("---\ntitle: T\nslug: ../../etc\n---\n", 3, 7, "is not a valid slug", "lowercase ASCII letters, digits and hyphens")]
    [InlineData("---\ntitle: T\ntags: [ok, ../../etc]\n---\n", 3, 12, "`../../etc` is not a valid tag", "such as `etc`")]
    [InlineData("---\ntitle: T\ntags: [Deep Learning]\n---\n", 3, 8, "`Deep Learning` is not a valid tag", "such as `deep-learning`")]
    [InlineData("---\ntitle: T\ntags: diffusion\n---\n", 3, 7, "`tags` must be a list", "write e.g. `tags: [diffusion, 3d-generation]`")]
    [InlineData("---\ntitle: T\nauthors: 5\n---\n", 3, 10, "`authors` must be a list", "for a number of authors write `author_count: 5`")]
    [InlineData("---\ntitle: T\nauthors: Ada Lovelace\n---\n", 3, 10, "`authors` must be a list", "write e.g. `authors: [Ada Lovelace, Alan Turing]`")]
    [InlineData("---\ntitle: T\ntags: [a, ~]\n---\n", 3, 11, "`tags` is empty", "write e.g. `tags: [")]
    [InlineData("---\ntitle: T\nlinks: https://x.org\n---\n", 3, 8, "`links` must be a mapping of names to URLs", "  code: https://github.com/owner/repo")]
    [InlineData("---\ntitle: T\nTitle: U\n---\n", 3, 1, "unknown key `Title`", "did you mean `title`?")]
    [InlineData("---\ntitle: T\nauthor-count: 3\n---\n", 3, 1, "unknown key `author-count`", "did you mean `author_count`?")]
    [InlineData("---\ntitle: T\ntitle: U\n---\n", 3, 1, "invalid YAML, duplicate key title", "remove or rename one of them")]
    [InlineData("---\ntitle: Topic: Subtitle\n---\n", 2, 13, "invalid YAML", "must be quoted, e.g. `title: \"Topic: Subtitle\"`")]
    [InlineData("---\ntitle: \"T\n---\n", 2, 8, "invalid YAML", "close the quote")]
    [InlineData("---\ntitle: \"a \\q\"\n---\n", 2, 8, "invalid YAML", "write a backslash as `\\\\`")]
    [InlineData("---\ntitle: T\ntags: [a, b\nslug: t\n---\n", 3, 7, "invalid YAML", "close every `[` with `]`")]
    [InlineData("---\ntitle: T\ntags: [a, b\n---\n", 4, 1, "invalid YAML", "close every `[` with `]`")]
    [InlineData("---\ntitle: T\nlinks:\n\tcode: x\n---\n", 4, 1, "invalid YAML", "indent with spaces, not tabs")]
    [InlineData("---\ntitle: &t T\nslug: *t\n---\n", 3, 7, "aliases such as `*t` are not supported", "write the value out in full")]
    [InlineData("---\n- title\n- T\n---\n", 2, 1, "must be `key: value` lines", "write e.g. `title: \"")]
    public void ReportsAMistakeWhereItIsAndHowToFixIt(string text, int line, int column, string what, string fix)
    {
        var error = Assert.Throws<ContentException>(() => FrontMatter.Parse(Path, text));

        Assert.Equal(new Diagnostic(Path, line, column, Severity.Error, error.Diagnostic.Message), error.Diagnostic);
        Assert.StartsWith($"{Path}:{line}:{column}: error: ", error.Message);
        Assert.Contains(what, error.Diagnostic.Message);
        Assert.Contains("; ", error.Diagnostic.Message);
        Assert.Contains(fix, error.Diagnostic.Message[error.Diagnostic.Message.IndexOf("; ", StringComparison.Ordinal)..]);
        Assert.DoesNotContain('\n', error.Diagnostic.Message);
    }

    [Fact]
    public void RefusesDeepNestingInsteadOfOverflowingTheStack()
    {
        var text = "---\ntitle: T\nx: " + new string('[', 10_000) + new string(']', 10_000) + "\n---\n";

        var error = Assert.Throws<ContentException>(() => FrontMatter.Parse(Path, text));

        Assert.Contains("nests more than", error.Message);
    }
}

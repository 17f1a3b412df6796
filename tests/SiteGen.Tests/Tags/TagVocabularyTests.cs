using SiteGen.Diagnostics;
using SiteGen.Tags;

namespace SiteGen.Tests.Tags;

public sealed class TagVocabularyTests
{
    private const string Path = "input/tags.yml";

    private static TagVocabulary Load(string text) => TagVocabulary.Load(Path, text);

    private static Diagnostic Error(string text) => Assert.Throws<ContentException>(() => Load(text)).Diagnostic;

    [Fact]
    public void LoadsTagsInFileOrderWithNameDescriptionAndPhrases()
    {
        var vocabulary = Load("""
            # a comment
            reinforcement-learning:
              name: Reinforcement learning
              description: Agents that learn from rewards.
              match: [reinforcement learning, q-learning]
            3d-generation:
              name: "3D generation"
              match:
                - 3d shape
                - point cloud
            """);

        Assert.Equal(["reinforcement-learning", "3d-generation"], vocabulary.Definitions.Select(tag => tag.Slug));
        Assert.Equal(
            new TagDefinition("reinforcement-learning", "Reinforcement learning", "Agents that learn from rewards.", ["reinforcement learning", "q-learning"]),
            vocabulary.Definitions[0]);
        Assert.Equal(new TagDefinition("3d-generation", "3D generation", "", ["3d shape", "point cloud"]), vocabulary.Definitions[1]);
        Assert.Equal(2, vocabulary.Count);
    }

    [Fact]
    public void LooksTagsUpBySlug()
    {
        var vocabulary = Load("""
            a:
              name: A
              match: [a]
            b:
              name: B
              match: [b]
            """);

        Assert.True(vocabulary.TryGet("b", out var b));
        Assert.Equal("B", b.Name);
        Assert.Equal("A", vocabulary["a"].Name);
        Assert.True(vocabulary.Contains("a"));
        Assert.False(vocabulary.Contains("c"));
        Assert.False(vocabulary.TryGet("A", out _));
        Assert.Throws<KeyNotFoundException>(() => vocabulary["c"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    public void AnEmptyFileIsAnEmptyVocabulary(string text)
    {
        Assert.Empty(Load(text).Definitions);
    }

    [Fact]
    public void AnEmptyOrNullDescriptionIsEmpty()
    {
        var vocabulary = Load("""
            a:
              name: A
              description:
              match: [a]
            b:
              name: B
              description: ~
              match: [b]
            """);

        Assert.All(vocabulary.Definitions, tag => Assert.Equal("", tag.Description));
    }

    [Fact]
    public void AMissingNameIsReportedAtTheTag()
    {
        var error = Error("""
            federated-learning:
              match: [federated]
            """);

        Assert.Equal((Path, 1, 1, Severity.Error), (error.Path, error.Line, error.Column, error.Severity));
        Assert.Contains("tag 'federated-learning' has no name; add 'name: ...'", error.Message);
    }

    [Fact]
    public void AnEmptyNameIsReportedAtTheName()
    {
        var error = Error("""
            a:
              name: ""
              match: [a]
            """);

        Assert.Equal((2, 3), (error.Line, error.Column));
        Assert.Contains("empty name", error.Message);
    }

    [Theory]
    [InlineData("Federated_Learning", "federated-learning")]
    [InlineData("Federated Learning", "federated-learning")]
    [InlineData("-federated", "federated")]
    [InlineData("fédéré", "federe")]
    public void AKeyThatIsNotASlugIsReportedWithTheSlugToUse(string key, string suggestion)
    {
        var error = Error($"""
            ok:
              name: OK
              match: [ok]
            "{key}":
              name: F
              match: [federated]
            """);

        Assert.Equal((4, 1), (error.Line, error.Column));
        Assert.Equal($"'{key}' is not a tag slug; use lowercase ascii letters, digits and hyphens, such as '{suggestion}'", error.Message);
    }

    [Fact]
    public void AnEmptyMatchListIsReportedAtTheList()
    {
        var error = Error("""
            a:
              name: A
              match: []
            """);

        Assert.Equal((3, 10), (error.Line, error.Column));
        Assert.Contains("tag 'a' has an empty match list; add at least one phrase", error.Message);
    }

    [Fact]
    public void AMissingMatchListIsReportedAtTheTag()
    {
        var error = Error("""
            a:
              name: A
              match: [a]
            b:
              name: B
              description: no phrases
            """);

        Assert.Equal((4, 1), (error.Line, error.Column));
        Assert.Contains("tag 'b' has no match list", error.Message);
    }

    [Fact]
    public void ADuplicateTagIsReportedAtItsSecondDefinition()
    {
        var error = Error("""
            a:
              name: A
              match: [a]
            a:
              name: Again
              match: [again]
            """);

        Assert.Equal((4, 1), (error.Line, error.Column));
        Assert.Equal("tag 'a' is defined twice (first on line 1); merge the two entries or rename one", error.Message);
    }

    [Fact]
    public void AnUnknownKeyIsReportedWithTheKnownOnes()
    {
        var error = Error("""
            a:
              name: A
              mach: [a]
            """);

        Assert.Equal((3, 3), (error.Line, error.Column));
        Assert.Equal("tag 'a' has an unknown key 'mach'; use 'name', 'description' and 'match'", error.Message);
    }

    [Fact]
    public void AKeyGivenTwiceInATagIsReported()
    {
        var error = Error("""
            a:
              name: A
              name: B
              match: [a]
            """);

        Assert.Equal((3, 3), (error.Line, error.Column));
        Assert.Contains("'name' appears twice in tag 'a'", error.Message);
    }

    [Fact]
    public void AMatchThatIsNotAListIsReported()
    {
        var error = Error("""
            a:
              name: A
              match: federated
            """);

        Assert.Equal((3, 10), (error.Line, error.Column));
        Assert.Contains("must be a list of phrases; write 'match: [a]'", error.Message);
    }

    [Fact]
    public void APhraseWithoutWordsIsReported()
    {
        var error = Error("""
            a:
              name: A
              match: [federated, "--"]
            """);

        Assert.Equal((3, 22), (error.Line, error.Column));
        Assert.Contains("phrase '--' of tag 'a' has no letters or digits", error.Message);
    }

    [Fact]
    public void ANestedPhraseIsReported()
    {
        var error = Error("""
            a:
              name: A
              match: [[a, b]]
            """);

        Assert.Equal((3, 11), (error.Line, error.Column));
        Assert.Contains("each phrase of tag 'a' must be text", error.Message);
    }

    [Fact]
    public void ANameThatIsAListIsReported()
    {
        var error = Error("""
            a:
              name: [A, B]
              match: [a]
            """);

        Assert.Equal((2, 9), (error.Line, error.Column));
        Assert.Contains("'name' of tag 'a' must be text", error.Message);
    }

    [Fact]
    public void ATagWithoutEntryIsReported()
    {
        var error = Error("""
            a: Alpha
            """);

        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.Contains("tag 'a' needs its name and match indented under it", error.Message);
    }

    [Fact]
    public void AListAtTheTopIsReported()
    {
        var error = Error("""
            - a
            - b
            """);

        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.Contains("expected tags here", error.Message);
    }

    [Fact]
    public void ANonTextKeyIsReported()
    {
        var error = Error("""
            ? [a, b]
            : x
            """);

        Assert.Equal((1, 3), (error.Line, error.Column));
        Assert.Contains("expected a tag slug", error.Message);
    }

    [Fact]
    public void AliasesAreRefused()
    {
        var error = Error("""
            a:
              name: &n A
              match: [a]
            b:
              name: *n
              match: [b]
            """);

        Assert.Equal((5, 9), (error.Line, error.Column));
        Assert.Contains("aliases such as '*n' are not supported", error.Message);
    }

    [Fact]
    public void ASecondDocumentIsRefused()
    {
        var error = Error("""
            a:
              name: A
              match: [a]
            ---
            b:
              name: B
              match: [b]
            """);

        Assert.Equal((4, 1), (error.Line, error.Column));
        Assert.Contains("second YAML document", error.Message);
    }

    [Theory]
    [InlineData("a:\n  name: 'A\n  match: [a]\n", 2, 9)]
    [InlineData("a: b: c\n", 1, 5)]
    [InlineData("a:\n  name: A\n  match: [a, b\n", 4, 1)]
    public void BrokenYamlIsReportedWhereTheParserStopped(string text, int line, int column)
    {
        var error = Error(text);

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.StartsWith("this is not valid YAML: ", error.Message);
        Assert.EndsWith("; check the indentation, quotes and brackets here and on the line above", error.Message);
    }

    [Fact]
    public void AnErrorPrintsAsOneLineWithPathPositionWhatAndFix()
    {
        var error = Assert.Throws<ContentException>(() => Load("a:\n  match: [a]\n"));

        Assert.Equal("input/tags.yml:1:1: error: tag 'a' has no name; add 'name: ...' under it with the name readers see", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void TheConstructorRefusesDuplicatesAndBadSlugs()
    {
        var tag = new TagDefinition("a", "A", "", ["a"]);

        Assert.Throws<ArgumentException>(() => new TagVocabulary([tag, tag with { Name = "Again" }]));
        Assert.Throws<ArgumentException>(() => new TagVocabulary([tag with { Slug = "Not A Slug" }]));
        Assert.Empty(TagVocabulary.Empty.Definitions);
    }

    [Fact]
    public void DefinitionsCompareByValue()
    {
        TagDefinition a = new("a", "A", "d", ["x", "y"]);
        TagDefinition b = new("a", "A", "d", ["x", "y"]);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Match = ["x"] });
        Assert.False(a.Equals(null));
    }
}

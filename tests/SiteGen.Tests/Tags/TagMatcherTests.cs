using System.Collections.Immutable;
using SiteGen.Tags;

namespace SiteGen.Tests.Tags;

public sealed class TagMatcherTests
{
    private static TagMatcher Matcher(params (string Slug, string[] Phrases)[] tags) =>
        new(new TagVocabulary(tags.Select(tag => new TagDefinition(tag.Slug, tag.Slug, "", [.. tag.Phrases]))));

    /// <summary>ImmutableArray equality is by reference; tags compare as sequences.</summary>
    private static void AssertTags(string[] expected, ImmutableArray<string> actual) =>
        Assert.Equal(expected, actual.AsEnumerable());

    private static readonly TagMatcher Research = Matcher(
        ("reinforcement-learning", ["reinforcement learning", "q-learning"]),
        ("neural-architecture-search", ["neural architecture search", "nas"]),
        ("fine-tuning", ["fine-tuning", "finetuning"]),
        ("graph-neural-networks", ["graph neural network", "graph neural networks", "gnn", "graph convolution"]),
        ("3d", ["3d shape", "3d shapes"]),
        ("language-models", ["large language model", "large language models", "llm"]),
        ("web", ["node.js"]));

    [Theory]
    [InlineData("Reinforcement Learning for scheduling")]
    [InlineData("REINFORCEMENT LEARNING")]
    [InlineData("deep reinforcement learning.")]
    [InlineData("(reinforcement learning)")]
    [InlineData("an end-to-end Reinforcement-Learning approach")]
    [InlineData("reinforcement\nlearning, with  two spaces")]
    public void MatchesAPhraseAsWholeWordsIgnoringCase(string text)
    {
        AssertTags(["reinforcement-learning"], Research.Match("", text));
    }

    [Theory]
    [InlineData("Differentiable NAS")]
    [InlineData("search (NAS).")]
    [InlineData("NAS-bench")]
    public void MatchesAnAcronymAsAWholeWord(string text)
    {
        AssertTags(["neural-architecture-search"], Research.Match(text, ""));
    }

    [Theory]
    [InlineData("a dynasty of models")]
    [InlineData("compared with WeakNAS")]
    [InlineData("NASA images")]
    [InlineData("Hunyuan3D-2 shapes")]
    [InlineData("LLMs")]
    [InlineData("reinforcementlearning")]
    public void NeverMatchesPartOfAWord(string text)
    {
        Assert.Empty(Research.Match(text, text));
    }

    [Theory]
    [InlineData("Parameter-efficient fine-tuning")]
    [InlineData("FINE-TUNING")]
    [InlineData("fine tuning")]
    [InlineData("fine\u2013tuning")]
    [InlineData("fine - tuning")]
    public void AHyphenReadsAsASpace(string text)
    {
        AssertTags(["fine-tuning"], Research.Match(text, ""));
    }

    [Fact]
    public void APhraseWrittenWithASpaceMatchesHyphenatedText()
    {
        var matcher = Matcher(("moe", ["mixture of experts"]));

        AssertTags(["moe"], matcher.Match("Mixture-of-Experts models", ""));
        Assert.Empty(matcher.Match("a mixture of many experts", ""));
    }

    [Fact]
    public void AHyphenatedPhraseDoesNotMatchTheJoinedSpelling()
    {
        var matcher = Matcher(("fine-tuning", ["fine-tuning"]));

        Assert.Empty(matcher.Match("Finetuning LLMs", "finetuned"));
    }

    [Theory]
    [InlineData("Towards Deeper Graph Neural Networks", true)]
    [InlineData("a graph neural network (GNN)", true)]
    [InlineData("graph convolutions and graph convolution", true)]
    [InlineData("graph networks that are neural", false)]
    [InlineData("neural graph networks", false)]
    [InlineData("the graph. Neural networks", false)]
    [InlineData("a graph, neural network", false)]
    [InlineData("ends with graph neural", false)]
    [InlineData("graph", false)]
    public void AMultiWordPhraseNeedsItsWordsInOrderWithNoSentenceBreak(string text, bool matches)
    {
        Assert.Equal(matches, Research.Match("", text).Contains("graph-neural-networks"));
    }

    [Fact]
    public void APhraseWithPunctuationNeedsTheSameBreak()
    {
        AssertTags(["web"], Research.Match("Node.js tooling", ""));
        Assert.Empty(Research.Match("node js tooling", ""));
    }

    [Fact]
    public void APhraseNeverRunsFromTheTitleIntoTheText()
    {
        Assert.Empty(Research.Match("Scaling Reinforcement", "Learning with less data"));
    }

    [Fact]
    public void MatchesInTheTitleOrTheText()
    {
        AssertTags(["neural-architecture-search"], Research.Match("Differentiable NAS", "We study search."));
        AssertTags(["neural-architecture-search"], Research.Match("A study", "Differentiable NAS"));
    }

    [Fact]
    public void ReturnsEachTagOnceInVocabularyOrder()
    {
        var tags = Research.Match(
            "Large Language Models meet NAS",
            "An LLM picks a graph neural network; GNN search by reinforcement learning and Q-learning, with NAS.");

        AssertTags(["reinforcement-learning", "neural-architecture-search", "graph-neural-networks", "language-models"], tags);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("   ", "...")]
    [InlineData("On learning", "Nothing here is a phrase of the vocabulary.")]
    public void MatchesNothingWhenNoPhraseOccurs(string title, string text)
    {
        Assert.Empty(Research.Match(title, text));
    }

    [Fact]
    public void AnEmptyVocabularyMatchesNothing()
    {
        Assert.Empty(new TagMatcher(TagVocabulary.Empty).Match("Reinforcement learning", "NAS"));
    }

    [Theory]
    [InlineData("3D shape generation", true)]
    [InlineData("native 3D shapes", true)]
    [InlineData("3-D shape", false)]
    [InlineData("Hunyuan3D shape", false)]
    public void DigitsArePartOfWords(string text, bool matches)
    {
        Assert.Equal(matches, Research.Match(text, "").Contains("3d"));
    }

    [Fact]
    public void MatchesLettersBeyondAsciiIgnoringCase()
    {
        var matcher = Matcher(
            ("frechet", ["fréchet mean"]),
            ("math", ["𝒜 space"]),
            ("greek", ["λόγος"]));

        AssertTags(["frechet"], matcher.Match("", "the FRÉCHET MEAN of labels"));
        AssertTags(["frechet"], matcher.Match("", "the fre\u0301chet mean".Normalize(System.Text.NormalizationForm.FormC)));
        AssertTags(["math"], matcher.Match("", "an 𝒜-space"));
        AssertTags(["greek"], matcher.Match("ΛΌΓΟΣ", ""));
        Assert.Empty(matcher.Match("", "fréchetmean λόγοςx"));
    }

    [Fact]
    public void DecomposedAccentsStayInsideTheirWord()
    {
        var matcher = Matcher(("cafe", ["cafe"]));

        Assert.Empty(matcher.Match("", "cafe\u0301s"));
        AssertTags(["cafe"], matcher.Match("", "cafe\u0301 cafe"));
    }

    [Fact]
    public void LoneSurrogatesAndSymbolsSeparateWords()
    {
        var matcher = Matcher(("rl", ["reinforcement learning"]));

        AssertTags(["rl"], matcher.Match("", "reinforcement\uD800learning"));
        AssertTags(["rl"], matcher.Match("", "🤖reinforcement🤖learning🤖"));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("x a")]
    [InlineData("a b c d e f g h i j k l m n o p q r s t u v w x y z a")]
    public void HandlesTextsThatAreAllShortWords(string text)
    {
        var matcher = Matcher(("a", ["a"]), ("z", ["y z a"]));

        Assert.Contains("a", matcher.Match("", text));
    }

    [Fact]
    public void HandlesMoreTagsThanFitOnTheStack()
    {
        var tags = Enumerable.Range(0, 300).Select(i => ($"tag-{i}", new[] { $"word{i}" })).ToArray();
        var matcher = Matcher(tags);

        AssertTags(["tag-3", "tag-299"], matcher.Match("word299", "word3 and word299 again"));
        Assert.Equal(300, matcher.Match("", string.Join(' ', Enumerable.Range(0, 300).Select(i => $"word{i}"))).Length);
    }

    [Fact]
    public void StopsLookingOnceEveryTagMatched()
    {
        var matcher = Matcher(("a", ["alpha"]), ("b", ["beta"]));

        AssertTags(["a", "b"], matcher.Match("alpha beta", "alpha beta gamma"));
    }

    [Fact]
    public void ApplyKeepsTheOwnTagsFirstThenAddsMatchedOnes()
    {
        var tags = Research.Apply(["my-topic", "neural-architecture-search"], "NAS with LLMs", "A large language model searches with reinforcement learning.");

        AssertTags(["my-topic", "neural-architecture-search", "reinforcement-learning", "language-models"], tags);
    }

    [Fact]
    public void ApplyListsEachTagOnce()
    {
        var tags = Research.Apply(["web", "web", "nas-own"], "Node.js", "node.js");

        AssertTags(["web", "nas-own"], tags);
    }

    [Fact]
    public void ApplyWithoutOwnTagsIsMatch()
    {
        AssertTags(["neural-architecture-search"], Research.Apply([], "NAS", ""));
        AssertTags(["neural-architecture-search"], Research.Apply(default, "NAS", ""));
        AssertTags(["own"], Research.Apply(["own"], "", ""));
    }

    [Fact]
    public void RefusesNullInput()
    {
        Assert.Throws<ArgumentNullException>(() => new TagMatcher(null!));
        Assert.Throws<ArgumentNullException>(() => Research.Match(null!, ""));
        Assert.Throws<ArgumentNullException>(() => Research.Match("", null!));
    }

    [Fact]
    public void OneMatcherServesManyThreadsAtOnce()
    {
        var texts = Enumerable.Range(0, 2000)
            .Select(i => (i % 4) switch
            {
                0 => "Deep reinforcement learning with graph convolutions",
                1 => "Differentiable NAS for 3D shapes " + new string('x', i),
                2 => "Nothing to see",
                _ => string.Join(' ', Enumerable.Repeat("a large language model", i % 50)),
            })
            .ToArray();
        var expected = texts.Select(text => Research.Match("", text)).ToArray();
        var actual = new ImmutableArray<string>[texts.Length];

        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = Research.Match("", texts[i]));

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(expected[i].AsEnumerable(), actual[i].AsEnumerable());
        }
    }

    [Fact]
    public void IgnoresAPhraseWithoutWords()
    {
        // tags.yml refuses such phrases; a vocabulary built in code can still hold one.
        var matcher = Matcher(("a", ["--", "alpha"]));

        AssertTags(["a"], matcher.Match("", "-- alpha"));
        Assert.Empty(matcher.Match("", "--"));
    }

    [Fact]
    public void ExposesItsVocabulary()
    {
        var vocabulary = new TagVocabulary([new TagDefinition("a", "A", "", ["a"])]);

        Assert.Same(vocabulary, new TagMatcher(vocabulary).Vocabulary);
    }

    [Theory]
    [InlineData("Fine-Tuning LLMs (e.g. GPT-4)", new[] { "fine", "tuning", "llms", "e", "g", "gpt", "4" })]
    [InlineData("  --  ", new string[0])]
    [InlineData("Fréchet's λ", new[] { "fréchet", "s", "λ" })]
    [InlineData("E²-LLM, Ⅻ and \u0663", new[] { "e²", "llm", "ⅻ", "and", "\u0663" })]
    public void WordsAreLowercaseRunsOfLettersAndDigits(string text, string[] words)
    {
        Assert.Equal(words, Words.Split(text));
    }
}

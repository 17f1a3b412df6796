using System.Collections.Immutable;
using SiteGen.Listings;
using SiteGen.Papers;
using SiteGen.Tags;
using Xunit.Abstractions;

namespace SiteGen.Tests.Tags;

/// <summary>
/// The real vocabulary (<c>input/tags.yml</c>) on the real seed listings (<c>input/listings/*.txt</c>): it must
/// describe this collection well. A paper is counted once however many listings show it, as on the site.
/// </summary>
public sealed class TagCoverageTests(ITestOutputHelper output)
{
    private static readonly Lazy<TagVocabulary> Vocabulary = new(() =>
        TagVocabulary.Load("input/tags.yml", File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "input", TagVocabulary.FileName))));

    private static readonly Lazy<TagMatcher> Matcher = new(() => new TagMatcher(Vocabulary.Value));

    private static readonly Lazy<ImmutableArray<ListingEntry>> SeedPapers = new(ReadSeedPapers);

    private static ImmutableArray<ListingEntry> ReadSeedPapers()
    {
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var papers = ImmutableArray.CreateBuilder<ListingEntry>();
        foreach (var file in Directory.GetFiles(TestPaths.Listings, "*.txt").Order(StringComparer.Ordinal))
        {
            foreach (var entry in ListingParser.Parse(Path.GetFileName(file), File.ReadAllText(file)).Entries)
            {
                if (slugs.Add(Slug.FromTitle(entry.Title)))
                {
                    papers.Add(entry);
                }
            }
        }
        return papers.ToImmutable();
    }

    private static ImmutableArray<string> TagsOf(ListingEntry paper) => Matcher.Value.Match(paper.Title, paper.Abstract);

    private static ListingEntry Titled(string title) =>
        SeedPapers.Value.SingleOrDefault(paper => paper.Title == title)
        ?? throw new InvalidOperationException($"No seed paper titled '{title}'.");

    [Fact]
    public void TheVocabularyLoadsWithTwentyToFortyDescribedTags()
    {
        var vocabulary = Vocabulary.Value;

        Assert.InRange(vocabulary.Count, 20, 40);
        Assert.All(vocabulary.Definitions, tag =>
        {
            Assert.False(string.IsNullOrWhiteSpace(tag.Description), $"{tag.Slug} has no description");
            Assert.Equal(tag.Match.Length, tag.Match.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        });
    }

    [Fact]
    public void TheSeedsHoldEnoughPapersToJudgeTheVocabulary()
    {
        Assert.True(SeedPapers.Value.Length >= 100, $"only {SeedPapers.Value.Length} seed papers");
    }

    [Fact]
    public void AtLeast95PercentOfTheSeedPapersGetATag()
    {
        var papers = SeedPapers.Value;
        var untagged = papers.Where(paper => TagsOf(paper).IsEmpty).Select(paper => paper.Title).ToList();
        var share = 1.0 - (double)untagged.Count / papers.Length;

        output.WriteLine($"{papers.Length - untagged.Count} of {papers.Length} seed papers tagged ({share:P1}); untagged: {string.Join(" | ", untagged)}");
        Assert.True(share >= 0.95, $"only {share:P1} of the seed papers get a tag; untagged: {string.Join(" | ", untagged)}");
    }

    [Fact]
    public void NoTagCoversMoreThanHalfOfTheSeedPapers()
    {
        var papers = SeedPapers.Value;
        var counts = Vocabulary.Value.Definitions.ToDictionary(tag => tag.Slug, _ => 0);
        foreach (var paper in papers)
        {
            foreach (var tag in TagsOf(paper))
            {
                counts[tag]++;
            }
        }

        foreach (var (slug, count) in counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{count,4} {(double)count / papers.Length,6:P1}  {slug}");
        }
        Assert.All(counts, pair => Assert.True(pair.Value * 2 <= papers.Length, $"{pair.Key} tags {pair.Value} of {papers.Length} papers"));
    }

    [Fact]
    public void EveryTagIsUsedBySomeSeedPaper()
    {
        var used = SeedPapers.Value.SelectMany(paper => TagsOf(paper)).ToHashSet(StringComparer.Ordinal);

        Assert.All(Vocabulary.Value.Definitions, tag => Assert.True(used.Contains(tag.Slug), $"no seed paper gets {tag.Slug}"));
    }

    [Fact]
    public void EverySeedPaperHasAtMostSixTags()
    {
        // More would mean phrases that fire on passing mentions.
        Assert.All(SeedPapers.Value, paper => Assert.True(TagsOf(paper).Length <= 6, $"{paper.Title}: {string.Join(", ", TagsOf(paper))}"));
    }

    [Theory]
    [InlineData("Distributed Pruning Towards Tiny Neural Networks in Federated Learning",
        "federated-learning pruning", "language-models reinforcement-learning")]
    [InlineData("Unleashing Vecset Diffusion Model for Fast Shape Generation",
        "3d-generation diffusion-models", "language-models computer-vision")]
    [InlineData("Game-Theoretic and Reinforcement Learning-Based Cluster Head Selection for Energy-Efficient Wireless Sensor Network",
        "reinforcement-learning networking", "language-models transformers graph-neural-networks natural-language-processing")]
    [InlineData("FederatedScope-LLM: A Comprehensive Package for Fine-tuning Large Language Models in Federated Learning",
        "federated-learning language-models parameter-efficient-fine-tuning", "computer-vision")]
    [InlineData("The Lottery Ticket Hypothesis: Finding Sparse, Trainable Neural Networks",
        "lottery-ticket-hypothesis pruning", "neural-architecture-search")]
    [InlineData("Rethinking Architecture Selection in Differentiable NAS",
        "neural-architecture-search", "pruning")]
    [InlineData("Hydra: Multi-head Low-rank Adaptation for Parameter Efficient Fine-tuning",
        "parameter-efficient-fine-tuning", "mixture-of-experts")]
    [InlineData("Harder Tasks Need More Experts: Dynamic Routing in MoE Models",
        "mixture-of-experts", "parameter-efficient-fine-tuning")]
    [InlineData("What learning algorithm is in-context learning? Investigations with linear models",
        "in-context-learning transformers", "computer-vision")]
    [InlineData("Towards Deeper Graph Neural Networks",
        "graph-neural-networks", "computer-vision language-models")]
    [InlineData("A Comprehensive Survey of Continual Learning: Theory, Method and Application",
        "continual-learning", "reinforcement-learning")]
    [InlineData("Offline Experience Replay for Continual Offline Reinforcement Learning",
        "continual-learning reinforcement-learning", "language-models")]
    [InlineData("Sequence to Sequence Learning with Neural Networks",
        "sequence-models natural-language-processing", "computer-vision")]
    [InlineData("Unsupervised Dense Information Retrieval with Contrastive Learning",
        "search-and-recommendation label-efficient-learning", "language-models")]
    [InlineData("Large Language Model Adaptation for Networking",
        "language-models networking", "computer-vision")]
    [InlineData("Paging with Succinct Predictions",
        "combinatorial-optimization", "language-models")]
    [InlineData("Dynamic-DINO: Fine-Grained Mixture of Experts Tuning for Real-time Open-Vocabulary Object Detection",
        "mixture-of-experts computer-vision multimodal", "natural-language-processing")]
    [InlineData("Activation Space Selectable Kolmogorov-Arnold Networks",
        "computer-vision", "natural-language-processing language-models")]
    public void ASeedPaperGetsTheTagsOfItsTopic(string title, string expected, string unexpected)
    {
        var tags = TagsOf(Titled(title));

        Assert.All(expected.Split(' '), tag => Assert.Contains(tag, tags));
        Assert.All(unexpected.Split(' '), tag => Assert.DoesNotContain(tag, tags));
        Assert.All(expected.Split(' ').Concat(unexpected.Split(' ')), tag => Assert.True(Vocabulary.Value.Contains(tag), $"no tag {tag}"));
    }
}

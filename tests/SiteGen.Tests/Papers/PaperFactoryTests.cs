using System.Collections.Immutable;
using SiteGen.Listings;
using SiteGen.Papers;

namespace SiteGen.Tests.Papers;

public sealed class PaperFactoryTests
{
    private static ListingEntry Entry(string title, string @abstract) => new()
    {
        Title = title,
        Abstract = @abstract,
        AuthorCount = 5,
        Published = new DateOnly(2024, 12, 31),
        Comments = 2,
        Path = Path.Combine("input", "listings", "000_e26a98970d65545d.txt"),
        Line = 12,
    };

    [Fact]
    public void APaperWasFirstSeenWhenItsCaptureWasMade()
    {
        var captured = PaperFactory.FromListingEntry(Entry("A paper", "An abstract.") with { Published = null, CapturedOn = new DateOnly(2026, 1, 12) });

        Assert.Equal((null, new DateOnly(2026, 1, 12), new DateOnly(2026, 1, 12)), (captured.Published, captured.FirstSeen, captured.OrderDate));
        Assert.Equal(new DateOnly(2024, 12, 31), PaperFactory.FromListingEntry(Entry("A paper", "An abstract.") with { CapturedOn = new DateOnly(2026, 1, 12) }).OrderDate);
        Assert.Null(PaperFactory.FromListingEntry(Entry("A paper", "An abstract.") with { Published = null }).OrderDate);
    }

    [Fact]
    public void MakesAPaperOfAListingCard()
    {
        var paper = PaperFactory.FromListingEntry(Entry(
            "SAM-Aware Graph Prompt Reasoning Network for Cross-Domain Few-Shot Segmentation",
            "We propose a *SAM-aware* network. Code: https://github.com/CVL-hub/GPRN."));

        Assert.Equal(new Paper
        {
            Title = "SAM-Aware Graph Prompt Reasoning Network for Cross-Domain Few-Shot Segmentation",
            Slug = "sam-aware-graph-prompt-reasoning-network-for-cross-domain-few-shot-segmentation",
            AuthorCount = 5,
            Published = new DateOnly(2024, 12, 31),
            Comments = 2,
            Links = ImmutableSortedDictionary<string, string>.Empty.Add("code", "https://github.com/CVL-hub/GPRN"),
            Sources = ["000_e26a98970d65545d.txt"],
            Body = @"We propose a \*SAM-aware\* network. Code: <https://github.com/CVL-hub/GPRN>.",
        }, paper);
    }

    [Fact]
    public void AListingCardWithoutGitHubUrlHasNoCodeLink()
    {
        var paper = PaperFactory.FromListingEntry(Entry("T", "See https://arxiv.org/abs/1 for more.") with { AuthorCount = null, Published = null, Comments = null });

        Assert.Empty(paper.Links);
        Assert.Null(paper.AuthorCount);
        Assert.Null(paper.Published);
        Assert.Null(paper.Comments);
    }

    [Fact]
    public void AHandWrittenPageGetsTheFirstGitHubUrlOfItsBody()
    {
        var page = new Paper { Title = "T", Slug = "t", Body = "See [the code](https://github.com/a/b) and <https://github.com/c/d>." };

        Assert.Equal("https://github.com/a/b", PaperFactory.WithCodeLinkFromBody(page).CodeUrl);
    }

    [Fact]
    public void AHandWrittenCodeLinkWins()
    {
        var page = new Paper
        {
            Title = "T",
            Slug = "t",
            Links = ImmutableSortedDictionary<string, string>.Empty.Add("code", "https://gitlab.com/a/b"),
            Body = "Mirror: https://github.com/a/b",
        };

        Assert.Same(page, PaperFactory.WithCodeLinkFromBody(page));
    }

    [Fact]
    public void APageWithNoGitHubUrlIsReturnedAsItIs()
    {
        var page = new Paper { Title = "T", Slug = "t", Body = "No code yet." };

        Assert.Same(page, PaperFactory.WithCodeLinkFromBody(page));
    }

    [Fact]
    public void TheCodeLinkOfAListingAndOfItsPageAgree()
    {
        var paper = PaperFactory.FromListingEntry(Entry("T", "Code: https://github.com/pagand/e2etransfuser/tree/cvpr-w to facilitate (https://github.com/x/y)."));

        Assert.Equal(paper.CodeUrl, PaperFactory.WithCodeLinkFromBody(paper with { Links = paper.Links.Clear() }).CodeUrl);
        Assert.Equal("https://github.com/pagand/e2etransfuser/tree/cvpr-w", paper.CodeUrl);
    }
}

using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SiteGen.Listings;
using SiteGen.Papers;
using SiteGen.Site;

namespace SiteGen.Tests.Papers;

/// <remarks>xUnit compares an <see cref="ImmutableArray{T}"/> by reference, so the tests compare <c>ToArray()</c>.</remarks>
public sealed class PaperMergerTests
{
    private const string FirstSeed = "000_e26a98970d65545d.txt";
    private const string SecondSeed = "001_c65d2d98e23c96f3.txt";

    [Fact]
    public void MergesTheSamePaperFromTwoListings()
    {
        var result = PaperMerger.Merge(
        [
            Paper("Pointer Networks", "a.txt") with { AuthorCount = 3, Published = new DateOnly(2015, 6, 9), Body = "Abstract." },
            Paper("Pointer Networks", "b.txt") with { Body = "Abstract." },
        ]);

        var paper = Assert.Single(result.Papers);
        Assert.Equal("pointer-networks", paper.Slug);
        Assert.Equal(3, paper.AuthorCount);
        Assert.Equal(new DateOnly(2015, 6, 9), paper.Published);
        Assert.Equal(["a.txt", "b.txt"], paper.Sources.ToArray());
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void TreatsTitlesThatDifferInCaseAccentsOrSpacesAsOnePaper()
    {
        var result = PaperMerger.Merge([Paper("Pointer Networks", "a.txt"), Paper("pointer  networks", "b.txt"), Paper("Pointer Nétworks ", "c.txt")]);

        var paper = Assert.Single(result.Papers);
        Assert.Equal("Pointer Networks", paper.Title); // the first title
        Assert.Equal(["a.txt", "b.txt", "c.txt"], paper.Sources.ToArray());
    }

    [Fact]
    public void TitlesThatDifferInPunctuationAreTwoPapers() =>
        Assert.Equal(2, PaperMerger.Merge([Paper("Pointer Networks", "a.txt"), Paper("Pointer networks!", "b.txt")]).Papers.Length);

    [Fact]
    public void KeepsTheOrderOfFirstAppearance()
    {
        var result = PaperMerger.Merge([Paper("B", "1.txt"), Paper("A", "1.txt"), Paper("C", "2.txt"), Paper("A", "2.txt"), Paper("B", "3.txt")]);

        Assert.Equal(["B", "A", "C"], result.Papers.Select(paper => paper.Title));
    }

    [Fact]
    public void TakesAValueOnlyALaterListingKnows()
    {
        var result = PaperMerger.Merge(
        [
            Paper("Paper", "a.txt"),
            Paper("Paper", "b.txt") with { AuthorCount = 5, Published = new DateOnly(2024, 12, 31), Comments = 2 },
        ]);

        var paper = Assert.Single(result.Papers);
        Assert.Equal(5, paper.AuthorCount);
        Assert.Equal(new DateOnly(2024, 12, 31), paper.Published);
        Assert.Equal(2, paper.Comments);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void WarnsWhenTwoListingsDisagreeOnTheAuthorCount()
    {
        var result = PaperMerger.Merge(
        [
            Paper("Paper", "a.txt") with { AuthorCount = 5 },
            Paper("Paper", "b.txt") with { AuthorCount = 6 },
        ]);

        Assert.Equal(5, Assert.Single(result.Papers).AuthorCount);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("b.txt", warning.Path);
        Assert.Contains("b.txt shows 6 authors but a.txt shows 5; kept 5 from a.txt", warning.Message, StringComparison.Ordinal);
        Assert.Contains("input/papers/paper.md", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WarnsWhenTwoListingsDisagreeOnTheDateNamingTheSourceOfTheKeptOne()
    {
        var result = PaperMerger.Merge(
        [
            Paper("Paper", "a.txt"),
            Paper("Paper", "b.txt") with { Published = new DateOnly(2024, 3, 20) },
            Paper("Paper", "c.txt") with { Published = new DateOnly(2025, 3, 20) },
        ]);

        Assert.Equal(new DateOnly(2024, 3, 20), Assert.Single(result.Papers).Published);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("c.txt", warning.Path);
        Assert.Contains("c.txt dates it 2025-03-20 but b.txt dates it 2024-03-20; kept 2024-03-20 from b.txt", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TakesTheCountsOfTheMostRecentCaptureThatShowsThem()
    {
        var result = PaperMerger.Merge(
        [
            Paper("Paper", "a.txt") with { Comments = 2, Upvotes = 10 },
            Paper("Paper", "b.json") with { Comments = 7, Upvotes = 30, Capture = new(new DateOnly(2025, 6, 10), false) },
            Paper("Paper", "c.txt"),
            Paper("Paper", "d.json") with { Comments = 9, Upvotes = 50, GithubStars = 12, Capture = new(new DateOnly(2025, 6, 1), false) },
        ]);

        var paper = Assert.Single(result.Papers);
        // b is the newest (d's larger counts are older); only d shows stars
        Assert.Equal((7, 30, 12), (paper.Comments, paper.Upvotes, paper.GithubStars));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void APaperWasFirstSeenOnTheEarliestDayAnyOfItsCapturesSays()
    {
        var listings = PaperMerger.Merge(
        [
            Paper("Paper", "a.txt") with { FirstSeen = new DateOnly(2025, 6, 10) },
            Paper("Paper", "b.txt"),
            Paper("Paper", "c.txt") with { FirstSeen = new DateOnly(2025, 6, 1) },
            Paper("Paper", "d.txt") with { FirstSeen = new DateOnly(2025, 6, 20) },
        ]).Papers;
        Assert.Equal(new DateOnly(2025, 6, 1), Assert.Single(listings).FirstSeen);

        // A hand-written page for it, which no capture dates, keeps the day its captures say.
        var page = Paper("Paper", "paper.md") with { Published = new DateOnly(2024, 1, 2) };
        var withPage = PaperMerger.MergeCopies(new PaperGroup([.. listings], [page])).Paper;
        Assert.Equal((new DateOnly(2025, 6, 1), new DateOnly(2024, 1, 2)), (withPage.FirstSeen, withPage.Published));
    }

    [Fact]
    public void WithoutCaptureDatesTheLaterCopyIsTheMoreRecent() =>
        Assert.Equal(4, Assert.Single(PaperMerger.Merge(
            [Paper("Paper", "a.txt") with { Comments = 7 }, Paper("Paper", "b.txt") with { Comments = 4 }]).Papers).Comments);

    [Fact]
    public void NamesWinOverACountAndAFullDateOverOneWhoseYearWasAssumed()
    {
        var result = PaperMerger.Merge(
        [
            // The API's copy first: what wins is the richer value, not the last copy.
            Paper("Paper", "api.json") with { Authors = ["A", "B", "C"], AuthorCount = 3, Published = new DateOnly(2025, 3, 20), Arxiv = "2503.12345" },
            Paper("Paper", "copy.txt") with { AuthorCount = 3, Published = new DateOnly(2026, 3, 20), Capture = new(null, YearInferred: true) },
        ]);

        var paper = Assert.Single(result.Papers);
        Assert.Equal(["A", "B", "C"], paper.Authors.ToArray());
        Assert.Equal(new DateOnly(2025, 3, 20), paper.Published);
        Assert.Equal("2503.12345", paper.Arxiv);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void TheSameArxivIdIsOnePaperWhateverItsTitleAndTwoIdsAreTwoPapers()
    {
        var result = PaperMerger.Merge(
        [
            Paper("Attention Is All You Need", "a.json") with { Arxiv = "1706.03762" },
            Paper("Attention is all you need (v7)", "b.md") with { Arxiv = "1706.03762" },
            Paper("Attention Is All You Need", "c.txt"),
            Paper("Attention Is All You Need", "d.json") with { Arxiv = "2999.00001" },
        ]);

        Assert.Equal(2, result.Papers.Length);
        Assert.Equal(["a.json", "b.md", "c.txt"], result.Papers[0].Sources.ToArray());
        Assert.Equal(["d.json"], result.Papers[1].Sources.ToArray());
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 1)]
    [InlineData(2, 3)]
    public void ACopyThatJoinsTwoPapersMakesThemOneWithEveryCopy(int firstCopies, int secondCopies)
    {
        // The last copy has the first paper's title and the second paper's arXiv id: the two were one paper all along.
        var first = Enumerable.Range(1, firstCopies).Select(i => Paper("Pointer Networks", $"a{i}.txt"));
        var second = Enumerable.Range(1, secondCopies).Select(i => Paper("Pointer Nets", $"b{i}.json") with { Arxiv = "1506.03134" });
        var result = PaperMerger.Merge([.. first, .. second, Paper("Pointer Networks", "c.json") with { Arxiv = "1506.03134" }]);

        var paper = Assert.Single(result.Papers);
        Assert.Equal([.. first.Concat(second).Select(p => p.Sources[0]), "c.json"], paper.Sources.ToArray());
    }

    [Fact]
    public void UnitesTagsInOrderOfFirstAppearance()
    {
        var result = PaperMerger.Merge(
        [
            Paper("Paper", "a.txt") with { Tags = ["pruning", "nas"] },
            Paper("Paper", "b.txt") with { Tags = ["continual-learning", "pruning", "moe"] },
        ]);

        Assert.Equal(["pruning", "nas", "continual-learning", "moe"], Assert.Single(result.Papers).Tags.ToArray());
    }

    [Fact]
    public void UnitesLinksKeepingTheFirstUrlOfAName()
    {
        var result = PaperMerger.Merge(
        [
            Paper("Paper", "a.txt") with { Links = Links(("code", "https://github.com/a/first")) },
            Paper("Paper", "b.txt") with { Links = Links(("code", "https://github.com/b/second"), ("project", "https://example.org")) },
        ]);

        Assert.Equal(
            [new("code", "https://github.com/a/first"), new KeyValuePair<string, string>("project", "https://example.org")],
            Assert.Single(result.Papers).Links);
    }

    [Fact]
    public void KeepsEverySourceOnceInOrder()
    {
        var result = PaperMerger.Merge(
        [
            Paper("Paper", "b.txt"),
            Paper("Paper", "a.txt") with { Sources = ["a.txt", "b.txt"] },
            Paper("Paper", "c.txt"),
        ]);

        Assert.Equal(["b.txt", "a.txt", "c.txt"], Assert.Single(result.Papers).Sources.ToArray());
    }

    [Fact]
    public void KeepsTheLongerBody()
    {
        var result = PaperMerger.Merge(
        [
            Paper("Paper", "a.txt") with { Body = "Cut short..." },
            Paper("Paper", "b.txt") with { Body = "The whole abstract, as the page shows it." },
            Paper("Paper", "c.txt") with { Body = "Short." },
        ]);

        Assert.Equal("The whole abstract, as the page shows it.", Assert.Single(result.Papers).Body);
    }

    [Fact]
    public void KeepsUnknownFrontMatterKeysFromEveryListing()
    {
        var result = PaperMerger.Merge(
        [
            Paper("Paper", "a.txt") with { Extra = Extra(("venue", "ICLR")) },
            Paper("Paper", "b.txt") with { Extra = Extra(("venue", "NeurIPS"), ("stars", 120)) },
        ]);

        var extra = Assert.Single(result.Papers).Extra;
        Assert.Equal("ICLR", extra["venue"]);
        Assert.Equal(120, extra["stars"]);
    }

    [Fact]
    public void LetsAHandWrittenPageOverrideEveryFieldItSets()
    {
        var listing = Paper("Pointer Networks", "000.txt") with
        {
            AuthorCount = 3,
            Published = new DateOnly(2015, 6, 9),
            Comments = 1,
            Tags = ["sequence-models"],
            Links = Links(("code", "https://github.com/listing/code")),
            Body = "The listing's abstract.",
            Extra = Extra(("venue", "arXiv"), ("stars", 10)),
        };
        var page = Paper("Pointer Networks", "pointer-networks.md") with
        {
            Slug = "pointer-nets",
            AuthorCount = 4,
            Published = new DateOnly(2015, 6, 10),
            Comments = 0,
            Tags = ["attention"],
            Links = Links(("paper", "https://arxiv.org/abs/1506.03134")),
            Body = "A better abstract.",
            Extra = Extra(("venue", "NeurIPS")),
        };

        var result = PaperMerger.Merge([listing], [page]);

        var paper = Assert.Single(result.Papers);
        Assert.Equal("pointer-nets", paper.Slug);
        Assert.Equal(4, paper.AuthorCount);
        Assert.Equal(new DateOnly(2015, 6, 10), paper.Published);
        Assert.Equal(0, paper.Comments); // set to 0 is set: it overrides the larger listing count
        Assert.Equal(["attention"], paper.Tags.ToArray());
        Assert.Equal(["paper"], paper.Links.Keys);
        Assert.Equal("A better abstract.", paper.Body);
        Assert.Equal("NeurIPS", paper.Extra["venue"]);
        Assert.Equal(10, paper.Extra["stars"]); // a key the page does not set stays
        Assert.Equal(["000.txt", "pointer-networks.md"], paper.Sources.ToArray());
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void KeepsTheListingValuesAHandWrittenPageLeavesUnset()
    {
        var listing = Paper("Pointer Networks", "000.txt") with
        {
            AuthorCount = 3,
            Published = new DateOnly(2015, 6, 9),
            Comments = 1,
            Tags = ["sequence-models"],
            Links = Links(("code", "https://github.com/listing/code")),
            Body = "The listing's abstract.",
        };
        var page = Paper("Pointer Networks", "pointer-networks.md") with { Tags = ["attention"] };

        var paper = Assert.Single(PaperMerger.Merge([listing], [page]).Papers);

        Assert.Equal(
            listing with { Tags = ["attention"], Sources = ["000.txt", "pointer-networks.md"] },
            paper);
    }

    [Fact]
    public void KeepsTheSourcesOfEveryListingAndOfTheHandWrittenPage()
    {
        var result = PaperMerger.Merge(
            [Paper("Paper", "000.txt"), Paper("Paper", "001.txt")],
            [Paper("Paper", "paper.md") with { Sources = ["paper.md", "000.txt"] }]);

        Assert.Equal(["000.txt", "001.txt", "paper.md"], Assert.Single(result.Papers).Sources.ToArray());
    }

    [Fact]
    public void AddsAHandWrittenPaperThatNoListingShowsAfterTheListingPapers()
    {
        var result = PaperMerger.Merge(
            [Paper("Listed", "000.txt"), Paper("Also listed", "000.txt")],
            [Paper("Only by hand", "only-by-hand.md"), Paper("Listed", "listed.md")]);

        Assert.Equal(["Listed", "Also listed", "Only by hand"], result.Papers.Select(paper => paper.Title));
        Assert.Equal(["only-by-hand.md"], result.Papers[2].Sources.ToArray());
    }

    [Fact]
    public void WarnsAboutTwoHandWrittenPagesForOnePaper()
    {
        var result = PaperMerger.Merge(
            [],
            [Paper("Paper", "paper.md") with { AuthorCount = 2 }, Paper("Paper", "paper-copy.md") with { AuthorCount = 3 }]);

        Assert.Equal(3, Assert.Single(result.Papers).AuthorCount);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("paper-copy.md", warning.Path);
        Assert.Contains("paper-copy.md and paper.md are both pages for paper \"Paper\"", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MergesTheTwoRealSeedsIntoOneHundredThirtyEightPapers()
    {
        var papers = new[] { FirstSeed, SecondSeed }.SelectMany(ReadSeedPapers).ToList();
        Assert.Equal(63 + 81, papers.Count);

        var result = PaperMerger.Merge(papers);

        // Six titles are in both seeds (comm -12 on the two sorted title lists): 63 + 81 - 6 = 138.
        Assert.Equal(138, result.Papers.Length);
        Assert.Equal(6, result.Papers.Count(paper => paper.Sources.Length == 2));
        Assert.Empty(result.Warnings); // the second seed shows no metadata, so nothing can disagree
        var tame = Assert.Single(result.Papers, paper => paper.Title == "TAME: Task Agnostic Continual Learning using Multiple Experts");
        Assert.Equal(4, tame.AuthorCount);
        Assert.Equal(new DateOnly(2022, 10, 7), tame.Published);
        Assert.Equal([FirstSeed, SecondSeed], tame.Sources.ToArray());
        Assert.Equal(result.Papers.Length, result.Papers.Select(paper => paper.Slug).Distinct().Count());
        Assert.Equal(papers[0].Title, result.Papers[0].Title);
    }

    [Property(MaxTest = 200)]
    public bool KeepsEveryPaperAndEverySourceOnce(byte[] titleIndexes)
    {
        string[] titles = ["Pointer Networks", "pointer networks", "TAME", "Symbolic Discovery of Optimization Algorithms", "Deep Model Assembling"];
        var papers = (titleIndexes ?? []).Select((index, position) => Paper(titles[index % titles.Length], $"{position % 3}.txt")).ToList();

        var result = PaperMerger.Merge(papers);

        var identities = papers.Select(PaperMerger.Identity).Distinct().ToList();
        return result.Papers.Select(PaperMerger.Identity).SequenceEqual(identities)
            && result.Papers.All(merged =>
                merged.Sources.SequenceEqual(papers.Where(paper => PaperMerger.Identity(paper) == PaperMerger.Identity(merged)).SelectMany(paper => paper.Sources).Distinct()));
    }

    /// <summary>
    /// A paper of one copy (most of a site's) is not merged but taken as it is (<see cref="PaperMerger.Alone"/>): it must be
    /// the paper a merge makes of it, field for field as the store writes it, whatever its lists repeat or leave unset.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property APaperOfOneCopyIsThePaperAMergeMakesOfIt() =>
        Prop.ForAll(Arb.From(
            from paper in PaperGenerators.Paper
            from capture in Gen.Elements<CaptureNote?>(null, new CaptureNote(new DateOnly(2025, 3, 13), true), new CaptureNote(null, false))
            from firstSeen in Gen.Elements<DateOnly?>(null, new DateOnly(2025, 3, 13))
            from unset in Gen.Elements(0, 1, 2, 3, 4)
            select unset switch
            {
                1 => paper with { Capture = capture, FirstSeen = firstSeen, Authors = default },
                2 => paper with { Capture = capture, FirstSeen = firstSeen, Tags = default, Sources = default },
                3 => paper with { Capture = capture, FirstSeen = firstSeen, Keywords = default },
                _ => paper with { Capture = capture, FirstSeen = firstSeen },
            }), copy =>
        {
            var merged = PaperMerger.MergeCopies(new PaperGroup([copy], [])).Paper;
            var alone = PaperMerger.Alone(copy);
            var asPage = PaperMerger.MergeGroup(new PaperGroup([], [copy])).Paper;
            return merged.Equals(alone) && merged.Equals(asPage) && alone.Capture is null
                && DocumentCodecs.FingerprintOf(merged) == DocumentCodecs.FingerprintOf(alone)
                && (alone.Sources.SequenceEqual(merged.Sources) && alone.Tags.SequenceEqual(merged.Tags) && alone.Keywords.SequenceEqual(merged.Keywords));
        });

    [Fact]
    public void APaperOfOneCopyWithNothingToChangeIsTheVeryCopy()
    {
        var copy = Paper("Pointer Networks", "a.txt") with { Tags = ["rl", "nlp"], Keywords = ["pointer"] };
        var repeated = copy with { Tags = ["rl", "nlp", "rl"], Capture = new CaptureNote(null, false) };

        Assert.Same(copy, PaperMerger.MergeGroup(new PaperGroup([copy], [])).Paper);
        var merged = PaperMerger.MergeGroup(new PaperGroup([repeated], [])).Paper;
        Assert.Equal(["rl", "nlp"], merged.Tags.ToArray());
        Assert.Null(merged.Capture);
    }

    private static Paper Paper(string title, string source) => new()
    {
        Title = title,
        Slug = Slug.FromTitle(title),
        Sources = [source],
    };

    private static IEnumerable<Paper> ReadSeedPapers(string name)
    {
        var result = ListingParser.Parse(name, File.ReadAllText(Path.Combine(TestPaths.Listings, name)));
        return result.Entries.Select(entry => new Paper
        {
            Title = entry.Title,
            Slug = Slug.FromTitle(entry.Title),
            AuthorCount = entry.AuthorCount,
            Published = entry.Published,
            Comments = entry.Comments,
            Sources = [Path.GetFileName(entry.Path)],
            Body = entry.Abstract,
        });
    }

    private static ImmutableSortedDictionary<string, string> Links(params (string Name, string Url)[] links) =>
        links.ToImmutableSortedDictionary(link => link.Name, link => link.Url, StringComparer.Ordinal);

    private static ImmutableSortedDictionary<string, object?> Extra(params (string Key, object? Value)[] pairs) =>
        pairs.ToImmutableSortedDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
}

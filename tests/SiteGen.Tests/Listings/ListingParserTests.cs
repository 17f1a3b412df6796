using FsCheck.Xunit;
using SiteGen.Diagnostics;
using SiteGen.Listings;
using SiteGen.Papers;

namespace SiteGen.Tests.Listings;

public sealed class ListingParserTests
{
    private const string FirstSeed = "000_e26a98970d65545d.txt";
    private const string SecondSeed = "001_c65d2d98e23c96f3.txt";

    private static readonly string[] Header =
    [
        "new", "", "Get trending papers in your email inbox!", "", "Subscribe", "", "Daily Papers", "",
        "byAK and the research community", "", "Nov 3", "",
    ];

    // ---- The real seeds -------------------------------------------------------------------------------------

    // Counted without the parser: after the header (which ends with the page date, line 11 in this seed), every
    // paragraph is a title, an abstract or a metadata block, and only metadata blocks start with "  • ":
    //   awk 'NR>12 && $0!="" && prev=="" {n++} {prev=$0} END{print n}'  -> 188 paragraphs
    //   grep -c '^  • '                                                 ->  62 metadata blocks
    //   (188 - 62) / 2 = 63 titles; `sort | uniq -d` on the titles finds no repeated card.
    [Fact]
    public void ReadsAllSixtyThreePapersOfTheFirstSeed()
    {
        var result = ParseSeed(FirstSeed);

        Assert.Equal(63, result.Entries.Length);
        Assert.Equal("Enabling Flexible Multi-LLM Integration for Scalable Knowledge Aggregation", result.Entries[0].Title);
        Assert.Equal("Pointer Networks", result.Entries[^1].Title);
    }

    // Counted without the parser: this seed has no metadata at all and a header without "Daily Papers" (page date
    // on line 9), so after it the paragraphs alternate title, abstract:
    //   awk 'NR>10 && $0!="" && prev=="" {n++} {prev=$0} END{print n}'  -> 162 paragraphs, 81 titles.
    [Fact]
    public void ReadsAllEightyOnePapersOfTheSecondSeed()
    {
        var result = ParseSeed(SecondSeed);

        Assert.Equal(81, result.Entries.Length);
        Assert.Equal("Learning to Relax: Setting Solver Parameters Across a Sequence of Linear System Instances", result.Entries[0].Title);
        Assert.Equal("Geometry-Aware Adaptation for Pretrained Models", result.Entries[^1].Title);
        Assert.All(result.Entries, entry =>
        {
            Assert.Null(entry.AuthorCount);
            Assert.Null(entry.Published);
            Assert.Null(entry.Comments);
        });
    }

    [Fact]
    public void ReadsTheVecsetPaperFieldByField()
    {
        var entry = Single(ParseSeed(FirstSeed), "Unleashing Vecset Diffusion Model for Fast Shape Generation");

        Assert.Equal(13, entry.AuthorCount);
        Assert.Equal(new DateOnly(2025, 3, 20), entry.Published); // "Mar 20 4": no year; the latest year shown is 2024
        Assert.True(entry.YearWasInferred);
        Assert.Equal(4, entry.Comments);
        Assert.Null(entry.Organization);
        Assert.Equal(33, entry.Line);
        Assert.EndsWith(FirstSeed, entry.Path, StringComparison.Ordinal);
        Assert.StartsWith("3D shape generation has greatly flourished", entry.Abstract, StringComparison.Ordinal);
        Assert.EndsWith("Code and models are available at https://github.com/Tencent/FlashVDM.", entry.Abstract, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsTheSamAwarePaperFieldByField()
    {
        var entry = Single(ParseSeed(FirstSeed), "SAM-Aware Graph Prompt Reasoning Network for Cross-Domain Few-Shot Segmentation");

        Assert.Equal(5, entry.AuthorCount);
        Assert.Equal(new DateOnly(2024, 12, 31), entry.Published);
        Assert.False(entry.YearWasInferred);
        Assert.Null(entry.Comments);
        Assert.Equal(17, entry.Line);
        Assert.EndsWith("Code: https://github.com/CVL-hub/GPRN.", entry.Abstract, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsACommentCountAfterAFullDateInTheFirstSeed()
    {
        var entry = Single(ParseSeed(FirstSeed), "Symbolic Discovery of Optimization Algorithms"); // "Feb 13, 2023 1"

        Assert.Equal(12, entry.AuthorCount);
        Assert.Equal(new DateOnly(2023, 2, 13), entry.Published);
        Assert.False(entry.YearWasInferred);
        Assert.Equal(1, entry.Comments);
    }

    [Fact]
    public void ReadsTheLastCardOfAFileWithoutAFinalNewline()
    {
        var text = ReadSeed(FirstSeed);
        Assert.False(text.EndsWith('\n')); // the seed ends with "Jun 9, 2015"

        var last = ParseSeed(FirstSeed).Entries[^1];

        Assert.Equal("Pointer Networks", last.Title);
        Assert.Equal(3, last.AuthorCount);
        Assert.Equal(new DateOnly(2015, 6, 9), last.Published);
    }

    [Fact]
    public void TakesNoPaperDateFromThePageHeader()
    {
        var first = ParseSeed(FirstSeed);
        var second = ParseSeed(SecondSeed);

        // The first paper of the first seed shows no metadata; "Nov 3" above it is the page's date.
        Assert.Null(first.Entries[0].Published);
        Assert.DoesNotContain(first.Entries, entry => entry.Published is { Month: 11, Day: 3 });
        // The second seed's page date is "Mar 13" and none of its papers shows a date.
        Assert.All(second.Entries, entry => Assert.Null(entry.Published));
    }

    [Fact]
    public void EveryPaperOfAPageIsListedOnThePagesOwnDate()
    {
        // The first seed is captured in 2025 (its capture year in the default site's statiq.json), so "Nov 3" is
        // 2025-11-03; the second seed's "Mar 13" has no year, and no date in it shows one, so it is no day.
        var first = ListingParser.Parse(FirstSeed, ReadSeed(FirstSeed), captureYear: 2025);
        Assert.All(first.Entries, entry => Assert.Equal(new DateOnly(2025, 11, 3), entry.ListedOn));
        Assert.All(ParseSeed(SecondSeed).Entries, entry => Assert.Null(entry.ListedOn));

        // A page date with its year needs no capture year; a page without one lists nothing on a day.
        var dated = Parse([.. Header[..^2], "Jan 12, 2026", "", "A paper", "", "Its abstract."]);
        Assert.Equal(new DateOnly(2026, 1, 12), Assert.Single(dated.Entries).ListedOn);
        Assert.Null(Assert.Single(Parse("A paper", "", "Its abstract.", "", "• 3 authors", "·", "Jan 5, 2026").Entries).ListedOn);
    }

    // grep -c '^  • [0-9]* authors$' -> 62; the first card is the only one without metadata.
    [Fact]
    public void GivesEveryCardButTheFirstAnAuthorCountInTheFirstSeed()
    {
        var entries = ParseSeed(FirstSeed).Entries;

        Assert.Null(entries[0].AuthorCount);
        Assert.All(entries.Skip(1), entry => Assert.NotNull(entry.AuthorCount));
        Assert.Equal(1, entries.Single(entry => entry.Title.StartsWith("Random Search as a Baseline", StringComparison.Ordinal)).AuthorCount);
    }

    // grep -cE '^[A-Z][a-z]{2} [0-9]+( [0-9]+)?$' -> 13 year-less date lines, one of them the page date "Nov 3";
    // grep -cE '^[A-Z][a-z]{2} [0-9]+, [0-9]{4}( [0-9]+)?$' -> 50 dates with a year.
    [Fact]
    public void InfersTheYearOfTheTwelveYearlessDatesInTheFirstSeed()
    {
        var entries = ParseSeed(FirstSeed).Entries;

        var inferred = entries.Where(entry => entry.YearWasInferred).ToList();
        Assert.Equal(12, inferred.Count);
        Assert.All(inferred, entry => Assert.Equal(2025, entry.Published?.Year));
        Assert.Equal(50, entries.Count(entry => entry.Published is not null && !entry.YearWasInferred));
    }

    // Date lines that end in a count (grep -E '^[A-Z][a-z]{2} [0-9]+(, [0-9]{4})? [0-9]+$'): 9 of them, 18 comments.
    [Fact]
    public void ReadsTheCommentCountsOfTheFirstSeed()
    {
        var withComments = ParseSeed(FirstSeed).Entries.Where(entry => entry.Comments is not null).ToList();

        Assert.Equal(9, withComments.Count);
        Assert.Equal(18, withComments.Sum(entry => entry.Comments));
    }

    [Fact]
    public void WarnsOnlyOnceAboutTheInferredYearInTheFirstSeed()
    {
        var warning = Assert.Single(ParseSeed(FirstSeed).Warnings);

        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(39, warning.Line); // "Mar 20 4", the first year-less date after the page's own
        Assert.Contains("assumed 2025", warning.Message, StringComparison.Ordinal);
        Assert.Contains("\"ListingCaptureYears\": { \"000_e26a98970d65545d.txt\": 2025 }", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivesNoWarningsForTheSecondSeed()
    {
        Assert.Empty(ParseSeed(SecondSeed).Warnings);
    }

    [Fact]
    public void UsesTheCaptureYearFromTheSettingsWithoutAWarning()
    {
        var result = ListingParser.Parse(FirstSeed, ReadSeed(FirstSeed), captureYear: 2024);

        Assert.Empty(result.Warnings);
        var entry = Single(result, "Unleashing Vecset Diffusion Model for Fast Shape Generation");
        Assert.Equal(new DateOnly(2024, 3, 20), entry.Published);
        Assert.True(entry.YearWasInferred);
        Assert.Equal(new DateOnly(2024, 12, 31), Single(result, "SAM-Aware Graph Prompt Reasoning Network for Cross-Domain Few-Shot Segmentation").Published);
    }

    [Fact]
    public void NeverMistakesAnAbstractForATitleInTheSeeds()
    {
        // In both seeds every title is under 140 characters and every abstract over 1,300.
        foreach (var seed in new[] { FirstSeed, SecondSeed })
        {
            Assert.All(ParseSeed(seed).Entries, entry =>
            {
                Assert.InRange(entry.Title.Length, 1, 140);
                Assert.InRange(entry.Abstract.Length, 1300, int.MaxValue);
            });
        }
    }

    [Fact]
    public void ReadsTheSeedsTheSameWithWindowsLineEndings()
    {
        foreach (var seed in new[] { FirstSeed, SecondSeed })
        {
            var unix = ListingParser.Parse(seed, ReadSeed(seed));
            var windows = ListingParser.Parse(seed, ReadSeed(seed).Replace("\n", "\r\n", StringComparison.Ordinal));

            // ImmutableArray compares by reference: compare the elements.
            Assert.Equal(unix.Entries.ToArray(), windows.Entries.ToArray());
            Assert.Equal(unix.Warnings.ToArray(), windows.Warnings.ToArray());
            Assert.NotEmpty(unix.Entries);
        }
    }

    // ---- Header, dates, years -------------------------------------------------------------------------------

    [Fact]
    public void SkipsAPageHeaderWithoutDailyPapers()
    {
        var result = Parse(
            "new", "", "Get trending papers in your email inbox!", "", "Subscribe", "",
            "byAK and the research community", "", "Mar 13", "",
            "A Title", "", "An abstract.");

        var entry = Assert.Single(result.Entries);
        Assert.Equal("A Title", entry.Title);
        Assert.Equal(11, entry.Line);
        Assert.Null(entry.Published);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void ReadsOneAuthorWrittenAsOneAuthors()
    {
        var result = Parse("Solo", "", "Abstract.", "", "  • 1 authors", "·", "Mar 13, 2024", "", "Duo", "", "Abstract.", "", "  • 1 author", "·", "Mar 14, 2024");

        Assert.Equal([1, 1], result.Entries.Select(entry => entry.AuthorCount ?? 0));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void ReadsACommentCountAfterADateWithAYear()
    {
        var entry = Assert.Single(Parse("Paper", "", "Abstract.", "", "  • 6 authors", "·", "Nov 7, 2022 2").Entries);

        Assert.Equal(new DateOnly(2022, 11, 7), entry.Published);
        Assert.Equal(2, entry.Comments);
        Assert.False(entry.YearWasInferred);
    }

    [Fact]
    public void ReadsADateWithoutAYearInTheCaptureYear()
    {
        var result = ListingParser.Parse("test.txt", Lines("Paper", "", "Abstract.", "", "  • 13 authors", "·", "Mar 20 4"), captureYear: 2023);

        var entry = Assert.Single(result.Entries);
        Assert.Equal(new DateOnly(2023, 3, 20), entry.Published);
        Assert.True(entry.YearWasInferred);
        Assert.Equal(4, entry.Comments);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void InfersAMissingYearAsOneMoreThanTheLatestYearShownWithOneWarning()
    {
        var result = ListingParser.Parse("input/listings/saved.txt", Lines(
            "Old", "", "Abstract.", "", "  • 2 authors", "·", "Dec 31, 2019",
            "", "Recent", "", "Abstract.", "", "  • 2 authors", "·", "Aug 18",
            "", "Older", "", "Abstract.", "", "  • 2 authors", "·", "Jan 2, 2021",
            "", "Also recent", "", "Abstract.", "", "  • 2 authors", "·", "Feb 1 3"));

        Assert.Equal(
            [new DateOnly(2019, 12, 31), new DateOnly(2022, 8, 18), new DateOnly(2021, 1, 2), new DateOnly(2022, 2, 1)],
            result.Entries.Select(entry => entry.Published ?? default));
        Assert.Equal([false, true, false, true], result.Entries.Select(entry => entry.YearWasInferred));
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(15, warning.Line);
        Assert.StartsWith("input/listings/saved.txt:15: warning: 2 date(s) in this listing show no year", warning.ToString(), StringComparison.Ordinal);
        Assert.Contains("assumed 2022, one more than the latest year the listing shows (2021)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("\"ListingCaptureYears\": { \"saved.txt\": 2022 }", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LeavesYearlessDatesEmptyWhenTheListingShowsNoYear()
    {
        var result = Parse("Paper", "", "Abstract.", "", "  • 3 authors", "·", "May 24", "", "Other", "", "Abstract.", "", "  • 3 authors", "·", "May 25");

        Assert.All(result.Entries, entry =>
        {
            Assert.Null(entry.Published);
            Assert.False(entry.YearWasInferred);
        });
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(7, warning.Line);
        Assert.Contains("year is unknown", warning.Message, StringComparison.Ordinal);
        Assert.Contains("\"ListingCaptureYears\": { \"test.txt\": <year> }", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WarnsAboutADayThatDoesNotExist()
    {
        var result = Parse("Paper", "", "Abstract.", "", "  • 3 authors", "·", "Feb 30, 2024");

        var entry = Assert.Single(result.Entries);
        Assert.Null(entry.Published);
        Assert.Equal(3, entry.AuthorCount);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(7, warning.Line);
        Assert.Contains("Feb 30, 2024 is not a day of 2024", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WarnsAboutFebruaryTheTwentyNinthInANonLeapCaptureYear()
    {
        var result = ListingParser.Parse("test.txt", Lines("Paper", "", "Abstract.", "", "  • 3 authors", "·", "Feb 29"), captureYear: 2025);

        Assert.Null(Assert.Single(result.Entries).Published);
        Assert.Contains("Feb 29 is not a day of 2025", Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeepsTitlesThatStartWithAMonthName()
    {
        var result = Parse("May 2 Models Agree", "", "Abstract one.", "", "March 2024 Benchmarks", "", "Abstract two.", "", "Dec 31, 2024 Review", "", "Abstract three.");

        Assert.Equal(["May 2 Models Agree", "March 2024 Benchmarks", "Dec 31, 2024 Review"], result.Entries.Select(entry => entry.Title));
        Assert.All(result.Entries, entry => Assert.Null(entry.Published));
        Assert.Empty(result.Warnings);
    }

    // ---- Other shapes of the page ---------------------------------------------------------------------------

    [Fact]
    public void ReadsAListingWithoutMetadataAsTitleAbstractPairs()
    {
        var result = Parse([.. Header, "First", "", "First abstract.", "", "Second", "", "Second abstract.", "", "Third", "", "Third abstract."]);

        Assert.Equal(["First", "Second", "Third"], result.Entries.Select(entry => entry.Title));
        Assert.Equal(["First abstract.", "Second abstract.", "Third abstract."], result.Entries.Select(entry => entry.Abstract));
        Assert.Equal([13, 17, 21], result.Entries.Select(entry => entry.Line));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void SkipsADashOrANumberOfUpvotesBeforeTheTitle()
    {
        var result = Parse(
            "-", "First", "", "First abstract.", "", "  • 2 authors", "·", "Jan 5, 2024", "",
            "42", "", "Second", "", "Second abstract.", "", "1.2k", "Third", "", "Third abstract.");

        Assert.Equal(["First", "Second", "Third"], result.Entries.Select(entry => entry.Title));
        Assert.Equal(2, result.Entries[0].AuthorCount);
        Assert.Equal("Second abstract.", result.Entries[1].Abstract);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void SkipsUpvoteAndSubmittedByLines()
    {
        var result = Parse(
            "Submitted by akhaliq", "Upvote", "17", "First", "", "First abstract.", "",
            "Submitted by someone else", "", "Upvote", "", "3", "", "Second", "", "Second abstract.");

        Assert.Equal(["First", "Second"], result.Entries.Select(entry => entry.Title));
        Assert.Equal(["First abstract.", "Second abstract."], result.Entries.Select(entry => entry.Abstract));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void SkipsTheSubmitterNameBelowALoneSubmittedBy()
    {
        var result = Parse("Submitted by", "akhaliq", "Upvote", "5", "Title", "", "Abstract.");

        var entry = Assert.Single(result.Entries);
        Assert.Equal("Title", entry.Title);
        Assert.Equal("Abstract.", entry.Abstract);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void SkipsGitHubStars()
    {
        var result = Parse("Title", "GitHub 3.29k", "Abstract.", "", "GitHub 120", "", "  • 4 authors", "·", "Oct 14, 2024");

        var entry = Assert.Single(result.Entries);
        Assert.Equal("Title", entry.Title);
        Assert.Equal("Abstract.", entry.Abstract);
        Assert.Equal(4, entry.AuthorCount);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void KeepsATitleThatStartsWithGitHub()
    {
        var entry = Assert.Single(Parse("GitHub Copilot in the Classroom", "", "Abstract.").Entries);

        Assert.Equal("GitHub Copilot in the Classroom", entry.Title);
    }

    [Fact]
    public void ReadsAnOrganizationInsteadOfAnAuthorCount()
    {
        var result = Parse("Title", "", "Abstract.", "", "  • Google DeepMind", "·", "Oct 4, 2024 7");

        var entry = Assert.Single(result.Entries);
        Assert.Null(entry.AuthorCount);
        Assert.Equal("Google DeepMind", entry.Organization);
        Assert.Equal(new DateOnly(2024, 10, 4), entry.Published);
        Assert.Equal(7, entry.Comments);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void ReadsAnOrganizationWithoutABulletAboveTheDot()
    {
        var result = Parse("Title", "", "Abstract.", "", "Tencent Hunyuan", "·", "Mar 20, 2025", "", "Next", "", "Next abstract.");

        Assert.Equal(["Title", "Next"], result.Entries.Select(entry => entry.Title));
        Assert.Equal("Tencent Hunyuan", result.Entries[0].Organization);
        Assert.Equal(new DateOnly(2025, 3, 20), result.Entries[0].Published);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void ReadsPublishedOnAfterTheAbstract()
    {
        var result = Parse("Title", "", "Abstract.", "", "  • 3 authors", "·", "Published on Oct 4, 2026", "", "Next", "", "Next abstract.");

        Assert.Equal(new DateOnly(2026, 10, 4), result.Entries[0].Published);
        Assert.Equal(2, result.Entries.Length);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void ReadsPublishedOnAboveALongAbstract()
    {
        var summary = LongAbstract("Paper pages show the date above the abstract.");

        var result = Parse("Title", "", "Published on Oct 4, 2026", "", summary, "", "Next", "", "Next abstract.");

        Assert.Equal(["Title", "Next"], result.Entries.Select(entry => entry.Title));
        Assert.Equal(summary, result.Entries[0].Abstract);
        Assert.Equal(new DateOnly(2026, 10, 4), result.Entries[0].Published);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void JoinsATitleWrappedOverTwoLines()
    {
        var result = Parse("Unleashing Vecset Diffusion Model", "for Fast Shape Generation", "", "Abstract.", "", "  • 13 authors", "·", "Mar 20, 2025 4");

        var entry = Assert.Single(result.Entries);
        Assert.Equal("Unleashing Vecset Diffusion Model for Fast Shape Generation", entry.Title);
        Assert.Equal("Abstract.", entry.Abstract);
        Assert.Equal(1, entry.Line);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void JoinsATitleWrappedOverTwoParagraphsWhenALongAbstractFollows()
    {
        var summary = LongAbstract("3D shape generation has greatly flourished.");

        var result = Parse("Unleashing Vecset Diffusion Model", "", "for Fast Shape Generation", "", summary, "", "Next", "", "Next abstract.");

        Assert.Equal(["Unleashing Vecset Diffusion Model for Fast Shape Generation", "Next"], result.Entries.Select(entry => entry.Title));
        Assert.Equal(summary, result.Entries[0].Abstract);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void TakesAShortLineRightBelowATitleAsTheAbstractWhenTheTitleWouldGrowTooLong()
    {
        var title = new string('T', 250);

        var entry = Assert.Single(Parse(title, "A short abstract of sixty characters or so, on the next line.").Entries);

        Assert.Equal(title, entry.Title);
        Assert.Equal("A short abstract of sixty characters or so, on the next line.", entry.Abstract);
    }

    [Fact]
    public void JoinsAnAbstractWrappedOverSeveralLines()
    {
        var entry = Assert.Single(Parse("Title", "", "First line of the abstract,", "second line,", "third line.").Entries);

        Assert.Equal("First line of the abstract, second line, third line.", entry.Abstract);
    }

    [Fact]
    public void KeepsALongSecondParagraphAsPartOfTheAbstract()
    {
        var first = LongAbstract("First paragraph.");
        var second = LongAbstract("Second paragraph.");

        var result = Parse("Title", "", first, "", second, "", "  • 2 authors", "·", "Jan 1, 2024");

        var entry = Assert.Single(result.Entries);
        Assert.Equal(first + "\n\n" + second, entry.Abstract);
        Assert.Equal(2, entry.AuthorCount);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void ReadsARepeatedCardAsOneEntry()
    {
        string[] card = ["Pointer Networks", "", "We introduce a new neural architecture.", "", "  • 3 authors", "·", "Jun 9, 2015", ""];

        var result = Parse([.. card, "Other", "", "Other abstract.", "", .. card]);

        Assert.Equal(["Pointer Networks", "Other"], result.Entries.Select(entry => entry.Title));
        Assert.Equal(1, result.Entries[0].Line);
        Assert.Equal(3, result.Entries[0].AuthorCount);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void FillsGapsFromARepeatedCard()
    {
        var result = Parse(
            "Pointer Networks", "", "Short.", "",
            "Other", "", "Other abstract.", "",
            "Pointer networks", "", "A longer abstract.", "", "  • 3 authors", "·", "Jun 9 2");

        var entry = result.Entries[0];
        Assert.Equal(2, result.Entries.Length);
        Assert.Equal("Pointer Networks", entry.Title);
        Assert.Equal("A longer abstract.", entry.Abstract);
        Assert.Equal(3, entry.AuthorCount);
        Assert.Equal(2, entry.Comments);
        Assert.Null(entry.Published); // year-less, and no year anywhere: a warning says so
        Assert.Contains("year is unknown", Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WarnsWhenARepeatedCardDisagrees()
    {
        var result = Parse(
            "Pointer Networks", "", "Abstract.", "", "  • 3 authors", "·", "Jun 9, 2015", "",
            "Pointer Networks", "", "Abstract.", "", "  • 4 authors", "·", "Jun 10, 2015");

        var entry = Assert.Single(result.Entries);
        Assert.Equal(3, entry.AuthorCount);
        Assert.Equal(new DateOnly(2015, 6, 9), entry.Published);
        Assert.Equal(2, result.Warnings.Length);
        Assert.All(result.Warnings, warning => Assert.Equal(9, warning.Line));
        Assert.Contains("with 4 authors instead of 3; kept 3", result.Warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("with date 2015-06-10 instead of 2015-06-09", result.Warnings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SkipsASecondPageHeaderAndItsDate()
    {
        var result = Parse([.. Header, "First", "", "First abstract.", "", .. Header, "Second", "", "Second abstract."]);

        Assert.Equal(["First", "Second"], result.Entries.Select(entry => entry.Title));
        Assert.All(result.Entries, entry => Assert.Null(entry.Published));
        Assert.Empty(result.Warnings);
    }

    // ---- What cannot be read --------------------------------------------------------------------------------

    [Fact]
    public void WarnsAboutMetadataWithoutATitle()
    {
        var result = Parse("-", "", "  • 5 authors", "·", "Dec 31, 2024", "", "Title", "", "Abstract.");

        Assert.Equal("Title", Assert.Single(result.Entries).Title);
        Assert.Equal(
            ["test.txt:3: warning: \"• 5 authors\" looks like a paper's authors or date, but no paper title comes before it; ignored it; check that the title above it is not missing",
             "test.txt:5: warning: \"Dec 31, 2024\" looks like a paper's authors or date, but no paper title comes before it; ignored it; check that the title above it is not missing"],
            result.Warnings.Where(warning => warning.Line != 4).Select(warning => warning.ToString()));
        Assert.Equal(3, result.Warnings.Length); // the "·" on line 4 too
    }

    [Fact]
    public void WarnsAboutAPaperWithoutAnAbstract()
    {
        var result = Parse("Title", "", "  • 5 authors", "·", "Dec 31, 2024", "", "Next", "", "Next abstract.");

        Assert.Equal(["Title", "Next"], result.Entries.Select(entry => entry.Title));
        Assert.Equal("", result.Entries[0].Abstract);
        Assert.Equal(5, result.Entries[0].AuthorCount);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(1, warning.Line);
        Assert.Contains("has no abstract", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WarnsAboutAParagraphTooLongForATitle()
    {
        var stray = LongAbstract("An abstract whose title is missing.");

        var result = Parse("Title", "", "Abstract.", "", "  • 5 authors", "·", "Dec 31, 2024", "", stray, "", "Next", "", "Next abstract.");

        Assert.Equal(["Title", "Next"], result.Entries.Select(entry => entry.Title));
        Assert.Equal("Next abstract.", result.Entries[1].Abstract);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(9, warning.Line);
        Assert.Contains("stands where a paper title should be", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WarnsAboutASecondDateOrAuthorCountOnOneCard()
    {
        var result = Parse("Title", "", "Abstract.", "", "  • 5 authors", "  • 6 authors", "·", "Dec 31, 2024", "Jan 1, 2025");

        var entry = Assert.Single(result.Entries);
        Assert.Equal(5, entry.AuthorCount);
        Assert.Equal(new DateOnly(2024, 12, 31), entry.Published);
        Assert.Equal([6, 9], result.Warnings.Select(warning => warning.Line));
    }

    [Fact]
    public void ReadsNothingFromAnEmptyListing()
    {
        Assert.Equal((0, 0), Count(ListingParser.Parse("empty.txt", "")));
        Assert.Equal((0, 0), Count(ListingParser.Parse("blank.txt", "\n\n  \r\n")));
        Assert.Equal((0, 0), Count(ListingParser.Parse("header.txt", Lines(Header))));
    }

    [Fact]
    public void ReadsWindowsAndOldMacLineEndingsAndAByteOrderMark()
    {
        var expected = Parse("Title", "", "Abstract.", "", "  • 2 authors", "·", "Mar 9, 2018 1").Entries.ToArray();

        var windows = ListingParser.Parse("test.txt", "\uFEFFTitle\r\n\r\nAbstract.\r\n\r\n  • 2 authors\r\n·\r\nMar 9, 2018 1\r\n");
        var mac = ListingParser.Parse("test.txt", "Title\r\rAbstract.\r\r  • 2 authors\r·\rMar 9, 2018 1");

        Assert.Equal(expected, windows.Entries.ToArray());
        Assert.Equal(expected, mac.Entries.ToArray());
        Assert.Equal(new DateOnly(2018, 3, 9), expected[0].Published);
    }

    [Fact]
    public void SortsWarningsByLine()
    {
        // The year warning is made last, at the end of the listing, but points at line 7.
        var result = Parse("Title", "", "Abstract.", "", "  • 5 authors", "·", "Mar 20", "", "  • 4 authors", "", "Next", "", "  • 1 authors");

        Assert.Equal([7, 9, 11], result.Warnings.Select(warning => warning.Line).Take(3));
        Assert.Equal(result.Warnings.OrderBy(warning => warning.Line).Select(warning => warning.Line), result.Warnings.Select(warning => warning.Line));
    }

    [Property(MaxTest = 300)]
    public bool NeverThrowsOnAnyText(string? text)
    {
        var result = ListingParser.Parse("any.txt", text ?? "");
        return result.Entries.All(entry => entry.Title.Length is > 0 and <= ListingParser.MaxTitleLength);
    }

    /// <summary>Listing-shaped nonsense: any sequence of real lines, in any order, reads without an exception.</summary>
    [Property(MaxTest = 500)]
    public bool ReadsAnyMixOfListingLinesIntoSaneEntries(int[] picks)
    {
        string[] pool =
        [
            "", "", "", "new", "Subscribe", "Nov 3", "Title of a paper", "Another Title", "Short abstract.",
            LongAbstract("Long."), "  • 5 authors", "  • 1 authors", "  • Some Lab", "·", "Dec 31, 2024", "Mar 20 4",
            "Feb 29", "Feb 30, 2023", "Published on Oct 4, 2026", "-", "42", "Upvote", "Submitted by", "Submitted by AK",
            "GitHub 3.29k", "Tencent", "May 2 Models", "\u2022", "0 authors",
        ];
        var lines = (picks ?? []).Select(pick => pool[(int)((uint)pick % (uint)pool.Length)]).ToArray();

        var result = ListingParser.Parse("mix.txt", Lines(lines));

        return result.Entries.All(entry => entry.Title.Length is > 0 and <= ListingParser.MaxTitleLength && entry.Line >= 1 && entry.Line <= lines.Length)
            && result.Entries.Select(entry => Slug.FromTitle(entry.Title)).Distinct().Count() == result.Entries.Length
            && result.Warnings.All(warning => warning.Line >= 1 && warning.Line <= lines.Length && warning.Severity == Severity.Warning);
    }

    [Fact]
    public void ReadsTwentyThousandCardsInOnePass()
    {
        var text = new System.Text.StringBuilder();
        text.AppendJoin('\n', Header).Append('\n');
        for (var i = 0; i < 20_000; i++)
        {
            text.Append("Paper number ").Append(i).Append("\n\n").Append(LongAbstract("Abstract.")).Append("\n\n  • 3 authors\n·\nMar 20 4\n\n");
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = ListingParser.Parse("big.txt", text.ToString(), captureYear: 2025);
        watch.Stop();

        Assert.Equal(20_000, result.Entries.Length);
        Assert.Empty(result.Warnings);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    // ---- Helpers --------------------------------------------------------------------------------------------

    private static string ReadSeed(string name) => File.ReadAllText(Path.Combine(TestPaths.Listings, name));

    private static ListingParseResult ParseSeed(string name) =>
        ListingParser.Parse(Path.Combine("input", "listings", name), ReadSeed(name));

    private static ListingParseResult Parse(params string[] lines) => ListingParser.Parse("test.txt", Lines(lines));

    private static string Lines(params string[] lines) => string.Join('\n', lines);

    private static ListingEntry Single(ListingParseResult result, string title) =>
        Assert.Single(result.Entries, entry => entry.Title == title);

    private static (int Entries, int Warnings) Count(ListingParseResult result) => (result.Entries.Length, result.Warnings.Length);

    /// <summary>An abstract longer than any title, so the parser cannot take it for one.</summary>
    private static string LongAbstract(string start) =>
        start + string.Concat(Enumerable.Repeat(" This sentence makes the abstract as long as real ones are.", 8));
}

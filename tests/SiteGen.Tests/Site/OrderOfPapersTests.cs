using System.Text.Json;
using System.Text.RegularExpressions;
using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>
/// The site's order, newest first: a paper without a date of its own comes among the papers of the day its daily list
/// shows, so a day's papers stay together at the top whether their cards show a date or not.
/// </summary>
public sealed partial class OrderOfPapersTests
{
    private const string Seed = "000_e26a98970d65545d.txt";

    [Fact]
    public async Task APaperWithoutADateComesWithThePapersOfTheDayItsListShows()
    {
        using var site = new TempFolder().WithEmptySite($$"""{ "SiteTitle": "Test papers", "Host": "papers.example.org", "ListingCaptureYears": { "{{Seed}}": 2025 } }""");
        // The seed's header and first two cards (lines 1-23): "Nov 3" (of 2025) is the list's day; the first card shows
        // no date, the second "Dec 31, 2024".
        site.Write($"input/listings/{Seed}", string.Join('\n', File.ReadLines(Path.Combine(TestPaths.Listings, Seed)).Take(23)) + "\n");
        site.WritePaper("january", "A paper of January", published: "2025-01-05");
        site.Write("input/papers/no-date.md", "---\ntitle: \"A paper with no date\"\n---\nAn abstract.\n");

        await SiteBuilder.BuildAsync(new BuildRequest(site.Path, Strict: true));

        const string Listed = "Enabling Flexible Multi-LLM Integration for Scalable Knowledge Aggregation";
        using var papers = JsonDocument.Parse(File.ReadAllText(site["output/papers.json"]));
        Assert.Equal(
            [Listed, "A paper of January", "SAM-Aware Graph Prompt Reasoning Network for Cross-Domain Few-Shot Segmentation", "A paper with no date"],
            papers.RootElement.EnumerateArray().Select(p => p.GetProperty("title").GetString()));
        Assert.Equal(JsonValueKind.Null, papers.RootElement[0].GetProperty("published").ValueKind); // still shown without a date
        Assert.Equal([Listed, "A paper of January", "SAM-Aware Graph Prompt Reasoning Network for Cross-Domain Few-Shot Segmentation", "A paper with no date"],
            CardTitles(site["output/index.html"]));
        // Among the papers without a date (one year page), the one its list dates first, then the one nothing dates.
        Assert.Equal([Listed, "A paper with no date"], CardTitles(site["output/years/undated/index.html"]));
        // In the feeds too it is the newest, updated on the day its list shows, with no date of publication made up.
        var feed = System.Xml.Linq.XDocument.Load(site["output/feed.xml"]);
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        var first = feed.Root!.Elements(atom + "entry").First();
        Assert.Equal((Listed, "2025-11-03T00:00:00Z", null), (first.Element(atom + "title")?.Value, first.Element(atom + "updated")?.Value, first.Element(atom + "published")?.Value));
        // The day is the paper's page's, so that a page written from it (`sitegen import`) keeps its place.
        Assert.Contains("\nfirst_seen: 2025-11-03\n", File.ReadAllText(site["output/papers/enabling-flexible-multi-llm-integration-for-scalable-knowledge-aggregation.md"]));
    }

    [Fact]
    public async Task APaperPlacedByItsFirstDayIsOfThatDayForTheRelatedPapersOfThePapersDatedThen()
    {
        using var site = new TempFolder().WithEmptySite();
        // Of one day, 2025-11-03: the first by its first_seen, the second by its date; "A" comes before "B" in the order.
        site.Write("input/papers/a.md", "---\ntitle: A paper listed that day\nfirst_seen: 2025-11-03\ntags: [shared-topic]\n---\nOne.\n");
        site.Write("input/papers/b.md", "---\ntitle: B paper of that day\npublished: 2025-11-03\ntags: [shared-topic]\n---\nTwo.\n");

        await SiteBuilder.BuildAsync(new BuildRequest(site.Path, Strict: true));

        // A paper's related papers are of its day or older: the paper before it in the order is of its day, not newer.
        Assert.Equal(["a-paper-listed-that-day"], SiteLinks.Parse(File.ReadAllText(site["output/papers/b-paper-of-that-day/index.html"]))
            .QuerySelectorAll("main .related a").Select(a => a.GetAttribute("href")!.Split('/')[^2]));
    }

    private static List<string> CardTitles(string page) =>
        [.. CardTitle().Matches(File.ReadAllText(page)).Select(match => System.Net.WebUtility.HtmlDecode(match.Groups[1].Value))];

    [GeneratedRegex("""class="card__title"><a href="[^"]*">([^<]*)</a>""")]
    private static partial Regex CardTitle();
}

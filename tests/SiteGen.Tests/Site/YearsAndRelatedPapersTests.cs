using System.Text.Json;
using SiteGen.Papers;

namespace SiteGen.Tests.Site;

/// <summary>The default site's year archive, related papers and newer/older links, checked against papers.json.</summary>
public sealed class YearsAndRelatedPapersTests(DefaultSiteFixture site) : IClassFixture<DefaultSiteFixture>
{
    [Fact]
    public void EveryYearHasAPageListingExactlyItsPapersAndTheIndexCountsThemNewestFirst()
    {
        var years = site.Papers
            .GroupBy(p => p.GetProperty("published") is { ValueKind: JsonValueKind.String } d ? d.GetString()![..4] : "undated")
            .ToDictionary(g => g.Key, g => g.Select(p => p.GetProperty("slug").GetString()!).ToList());
        var index = SiteLinks.Parse(site.Read("years/index.html")).QuerySelectorAll("main li");

        Assert.Equal(years.Keys.Where(k => k != "undated").OrderDescending(StringComparer.Ordinal).Append("undated"),
            index.Select(li => li.QuerySelector("a")!.GetAttribute("href")!.Split('/')[^2]));
        foreach (var item in index)
        {
            var key = item.QuerySelector("a")!.GetAttribute("href")!.Split('/')[^2];
            var papers = years[key];
            Assert.Equal(papers.Count == 1 ? "1 paper" : $"{papers.Count} papers", item.QuerySelector(".term__count")!.TextContent);
            Assert.Equal(papers, ListedInOrder($"years/{key}/"));
        }
        Assert.True(site.Exists("years/undated/page/1/index.html"), "the default site has more than 50 undated papers");
    }

    [Fact]
    public void APaperDateLinksToItsYearPage()
    {
        var page = SiteLinks.Parse(site.Read("papers/unleashing-vecset-diffusion-model-for-fast-shape-generation/index.html"));

        Assert.Equal("../../years/2025/index.html", page.QuerySelector("main .meta time")!.ParentElement!.GetAttribute("href"));
    }

    [Fact]
    public void EveryPaperLinksItsNeighboursInTheSiteOrder()
    {
        var slugs = site.Papers.Select(p => p.GetProperty("slug").GetString()!).ToArray();
        for (var i = 0; i < slugs.Length; i++)
        {
            var links = SiteLinks.Parse(site.Read($"papers/{slugs[i]}/index.html")).QuerySelectorAll("nav.paper-nav a");
            string[] expected = [.. new[] { i > 0 ? slugs[i - 1] : null, i + 1 < slugs.Length ? slugs[i + 1] : null }.OfType<string>()];
            Assert.Equal(expected.Select(s => $"../../papers/{s}/index.html"), links.Select(a => a.GetAttribute("href")));
        }
    }

    [Fact]
    public void RelatedPapersShareATagAndAPaperWithoutTagsHasNone()
    {
        var tags = site.Papers.ToDictionary(p => p.GetProperty("slug").GetString()!,
            p => p.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToHashSet());
        var withRelated = 0;
        foreach (var (slug, own) in tags)
        {
            var related = SiteLinks.Parse(site.Read($"papers/{slug}/index.html")).QuerySelectorAll("main .related a")
                .Select(a => a.GetAttribute("href")!.Split('/')[^2]).ToList();
            Assert.InRange(related.Count, 0, 5);
            Assert.DoesNotContain(slug, related);
            Assert.All(related, other => Assert.True(tags[other].Overlaps(own), $"{slug} -> {other} share no tag"));
            var shared = related.Select(other => tags[other].Count(own.Contains)).ToList();
            Assert.Equal(shared.OrderDescending(), shared);
            withRelated += related.Count > 0 ? 1 : 0;
            if (own.Count == 0)
            {
                Assert.Empty(related);
            }
        }
        Assert.True(withRelated > tags.Count / 2, $"only {withRelated} of {tags.Count} papers have related papers");
    }

    [Fact]
    public void NoRelatedPaperIsNewerThanThePaper()
    {
        // Where the site's order puts each paper, from its page as the build serves it: its date, or for a paper without
        // one the day a capture first showed it (first_seen); a paper with neither is older than every other.
        var placed = site.Papers.Select(p => p.GetProperty("slug").GetString()!).ToDictionary(slug => slug,
            slug => FrontMatter.Parse($"papers/{slug}.md", site.Read($"papers/{slug}.md")).OrderDate ?? DateOnly.MinValue);
        Assert.Contains(site.Papers, p => p.GetProperty("published").ValueKind != JsonValueKind.String
            && placed[p.GetProperty("slug").GetString()!] != DateOnly.MinValue); // an undated paper placed by its listing's day
        var checkedPairs = 0;
        foreach (var (slug, day) in placed)
        {
            foreach (var other in SiteLinks.Parse(site.Read($"papers/{slug}/index.html")).QuerySelectorAll("main .related a")
                .Select(a => a.GetAttribute("href")!.Split('/')[^2]))
            {
                Assert.True(placed[other] <= day, $"{slug} ({day}) -> {other} ({placed[other]})");
                checkedPairs++;
            }
        }
        Assert.True(checkedPairs > 100, $"only {checkedPairs} related links");
    }

    private List<string> ListedInOrder(string folder) =>
        [.. site.ListPages(folder).SelectMany(page => SiteLinks.Parse(site.Read(page)).QuerySelectorAll("main h2.card__title a").Select(a => a.GetAttribute("href")!.Split('/')[^2]))];
}

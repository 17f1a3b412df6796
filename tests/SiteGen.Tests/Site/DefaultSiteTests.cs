using System.Text.Json;
using SiteGen.Listings;
using SiteGen.Papers;
using SiteGen.Tags;

namespace SiteGen.Tests.Site;

/// <summary>
/// End to end: the repository's default site (both seed listings, tags.yml, about.md, the theme), built
/// strictly into a temp folder, checked page by page against the listings.
/// </summary>
public sealed class DefaultSiteTests(DefaultSiteFixture site) : IClassFixture<DefaultSiteFixture>
{
    private static string ListingsFolder => Path.Combine(TestPaths.RepositoryRoot, "input", "listings");

    [Fact]
    public void BuildsWithoutWarnings() => Assert.Empty(site.Summary.Warnings);

    [Fact]
    public void WritesOnePageAndOneMarkdownFilePerDistinctPaperOfTheListings()
    {
        var expected = new SortedSet<string>(StringComparer.Ordinal);
        var cards = 0;
        foreach (var file in Directory.EnumerateFiles(ListingsFolder, "*.txt"))
        {
            var entries = ListingParser.Parse(file, File.ReadAllText(file), 2025).Entries;
            cards += entries.Length;
            expected.UnionWith(entries.Select(e => Slug.FromTitle(e.Title)));
        }
        var pages = Directory.EnumerateDirectories(Path.Combine(site.Output, "papers"))
            .Where(d => File.Exists(Path.Combine(d, "index.html")))
            .Select(Path.GetFileName)
            .ToHashSet();

        Assert.True(cards > expected.Count, "the seeds share papers; merging should leave fewer pages than cards");
        Assert.Equal(expected, new SortedSet<string>(pages!, StringComparer.Ordinal));
        Assert.All(expected, slug => Assert.True(site.Exists($"papers/{slug}.md"), $"papers/{slug}.md"));
        Assert.Equal(expected.Count, site.Papers.Length);
        Assert.Equal(expected.Count, site.Summary.Papers);
    }

    [Fact]
    public void APaperPageShowsItsListingFields()
    {
        var page = SiteLinks.Parse(site.Read("papers/unleashing-vecset-diffusion-model-for-fast-shape-generation/index.html"));
        var main = page.QuerySelector("main")!.TextContent;

        Assert.Equal("Unleashing Vecset Diffusion Model for Fast Shape Generation", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("13 authors", main);
        Assert.Equal("2025-03-20", page.QuerySelector("main time")!.GetAttribute("datetime"));
        Assert.Contains("000_e26a98970d65545d.txt", main);
        Assert.Contains(page.QuerySelectorAll("main a[href]"), a => a.GetAttribute("href") == "https://github.com/Tencent/FlashVDM");
        Assert.Contains(page.QuerySelectorAll("main a[href]"), a => a.GetAttribute("href") == "../../papers/unleashing-vecset-diffusion-model-for-fast-shape-generation.md");
        Assert.Contains("3D shape generation has greatly flourished", main);
    }

    [Fact]
    public void PapersJsonKeepsTheListingFieldsOfEveryPaper()
    {
        var vecset = site.Papers.Single(p => p.GetProperty("slug").GetString() == "unleashing-vecset-diffusion-model-for-fast-shape-generation");
        Assert.Equal(13, vecset.GetProperty("author_count").GetInt32());
        Assert.Equal("2025-03-20", vecset.GetProperty("published").GetString());
        Assert.Equal(4, vecset.GetProperty("comments").GetInt32());

        // Only in the second listing, which shows no metadata at all.
        var relax = site.Papers.Single(p => p.GetProperty("title").GetString() == "Learning to Relax: Setting Solver Parameters Across a Sequence of Linear System Instances");
        Assert.Equal(JsonValueKind.Null, relax.GetProperty("author_count").ValueKind);
        Assert.Equal(JsonValueKind.Null, relax.GetProperty("published").ValueKind);
        Assert.Equal(["001_c65d2d98e23c96f3.txt"], relax.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));

        // In both listings: one paper, both sources, the first listing's metadata.
        var pointer = site.Papers.Single(p => p.GetProperty("slug").GetString() == "pointer-networks");
        Assert.Equal(3, pointer.GetProperty("author_count").GetInt32());
        Assert.Equal("2015-06-09", pointer.GetProperty("published").GetString());
        Assert.Equal(["000_e26a98970d65545d.txt", "001_c65d2d98e23c96f3.txt"], pointer.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public void EveryAuthorCountBucketHasAPageListingExactlyItsPapers()
    {
        var buckets = site.Papers.GroupBy(p => p.GetProperty("author_count") is { ValueKind: JsonValueKind.Number } n ? n.GetInt32().ToString() : "unknown");
        var index = SiteLinks.Parse(site.Read("authors/index.html"));
        foreach (var bucket in buckets)
        {
            var listed = ListedPapers($"authors/{bucket.Key}/");
            Assert.Equal(bucket.Select(p => p.GetProperty("slug").GetString()!).ToHashSet(), listed);
            Assert.Contains(index.QuerySelectorAll("svg a"), a => a.GetAttribute("href") == $"../authors/{bucket.Key}/index.html");
        }
        Assert.Contains(buckets, b => b.Key == "unknown");
        Assert.Contains(buckets, b => b.Key == "5");
    }

    [Fact]
    public void AListsCountIsOnItsFrontPageOnlySoItsNumberedPagesStayAsTheyAre()
    {
        var unknown = site.Papers.Count(p => p.GetProperty("author_count").ValueKind != JsonValueKind.Number);
        var front = SiteLinks.Parse(site.Read("authors/unknown/index.html"));
        var numbered = SiteLinks.Parse(site.Read("authors/unknown/page/1/index.html"));

        Assert.Equal($"{unknown} papers.", front.QuerySelector("main .lede")!.TextContent);
        Assert.Null(numbered.QuerySelector("main .lede"));
        Assert.DoesNotContain($"{unknown} papers", numbered.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryTagHasAPageAndTheIndexCountsItsPapers()
    {
        var vocabulary = TagVocabulary.Load("input/tags.yml", File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "input", "tags.yml")));
        var index = SiteLinks.Parse(site.Read("tags/index.html")).QuerySelector("main")!;
        foreach (var tag in vocabulary.Definitions)
        {
            var expected = site.Papers
                .Where(p => p.GetProperty("tags").EnumerateArray().Any(t => t.GetString() == tag.Slug))
                .Select(p => p.GetProperty("slug").GetString()!)
                .ToHashSet();
            Assert.Equal(expected, ListedPapers($"tags/{tag.Slug}/"));
            var link = index.QuerySelectorAll("a[href]").Single(a => a.GetAttribute("href") == $"../tags/{tag.Slug}/index.html"
                                                                     || a.GetAttribute("href") == $"{tag.Slug}/index.html");
            Assert.Contains(expected.Count.ToString(), link.ParentElement!.TextContent);
        }
    }

    [Fact]
    public void TheHomePagesListEveryPaperNewestFirstInPagesOfFifty()
    {
        var listed = new List<string>();
        var pages = 0;
        foreach (var url in site.ListPages(""))
        {
            pages++;
            var page = SiteLinks.Parse(site.Read(url));
            var onPage = page.QuerySelectorAll("main h2 a[href], main h3 a[href]").Select(a => a.GetAttribute("href")!).ToList();
            Assert.InRange(onPage.Count, 1, 50);
            listed.AddRange(onPage.Select(h => h.Split("papers/")[1].Split('/')[0]));
        }
        Assert.Equal((site.Papers.Length + 49) / 50, pages);
        Assert.Equal(site.Papers.Select(p => p.GetProperty("slug").GetString()), listed);
        var dates = site.Papers.Select(p => p.GetProperty("published").GetString()).Where(d => d is not null).ToList();
        Assert.Equal(dates.OrderByDescending(d => d, StringComparer.Ordinal), dates);
    }

    [Fact]
    public void EveryInternalLinkOfEveryPageResolvesToAFile()
    {
        var broken = new List<string>();
        var checkedLinks = 0;
        foreach (var file in Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories))
        {
            foreach (var url in SiteLinks.References(SiteLinks.Parse(File.ReadAllText(file))).Where(u => !SiteLinks.IsExternal(u)))
            {
                var target = SiteLinks.Target(site.Output, file, url);
                checkedLinks++;
                if (target is not null && !File.Exists(target))
                {
                    broken.Add($"{Path.GetRelativePath(site.Output, file)} -> {url}");
                }
            }
        }
        Assert.Empty(broken);
        Assert.True(checkedLinks > 1000, $"only {checkedLinks} links were checked");
    }

    [Fact]
    public void EveryPageIsSemanticAndLoadsNothingFromElsewhere()
    {
        foreach (var file in Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories))
        {
            var page = SiteLinks.Parse(File.ReadAllText(file));
            var name = Path.GetRelativePath(site.Output, file);
            Assert.False(string.IsNullOrEmpty(page.DocumentElement.GetAttribute("lang")), $"{name} has no lang");
            Assert.True(page.QuerySelectorAll("h1").Length == 1, $"{name} must have one h1");
            Assert.NotNull(page.QuerySelector("main"));
            Assert.NotNull(page.QuerySelector("header"));
            Assert.NotNull(page.QuerySelector("footer"));
            var fetched = page.QuerySelectorAll("link[href], script[src], img[src], source[src], iframe[src]")
                .Where(e => e.LocalName != "link" || e.GetAttribute("rel") is "stylesheet" or "icon" or "preload")
                .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!);
            Assert.DoesNotContain(fetched, SiteLinks.IsExternal);
            var levels = page.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName[1] - '0').ToList();
            for (var i = 1; i < levels.Count; i++)
            {
                Assert.True(levels[i] <= levels[i - 1] + 1, $"{name}: heading h{levels[i]} follows h{levels[i - 1]}");
            }
        }
    }

    [Fact]
    public void TheAboutAndNotFoundPagesExist()
    {
        Assert.Equal("About this collection", SiteLinks.Parse(site.Read("about/index.html")).QuerySelector("h1")!.TextContent.Trim());
        Assert.True(site.Exists("404.html"));
        Assert.True(site.Exists("assets/site.css"));
    }

    private HashSet<string> ListedPapers(string folder)
    {
        Assert.True(site.Exists($"{folder}index.html"), $"{folder}index.html is missing");
        return [.. site.ListPages(folder).SelectMany(page => SiteLinks.PaperLinks(SiteLinks.Parse(site.Read(page))))];
    }
}

using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace SiteGen.Tests.Site;

/// <summary>
/// The default site built with a Host under <c>/repo/</c>: its feeds parse as Atom and JSON Feed, the sitemap lists
/// every page, and every absolute URL the site gives (feeds, sitemap, robots.txt, canonical, og:url, JSON-LD) is
/// <c>https://papers.example.org/repo/...</c>.
/// </summary>
public sealed partial class HostedSiteTests(HostedSiteFixture site) : IClassFixture<HostedSiteFixture>
{
    private const string Base = HostedSiteFixture.BaseUrl;
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public void BuildsStrictlyWithoutWarningsOrNotes()
    {
        Assert.Empty(site.Summary.Warnings);
        Assert.Empty(site.Summary.Notes);
    }

    [Fact]
    public void TheAtomFeedHasTheRequiredElementsAndTheNewestPapersFirst()
    {
        var feed = LoadAtom("feed.xml");
        var papers = PapersNewestFirst();

        Assert.Equal(Base + "feed.xml", feed.Id);
        Assert.Equal("Papers", feed.Title.Text);
        Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri.AbsoluteUri == Base + "feed.xml");
        Assert.Contains(feed.Links, l => l.RelationshipType == "alternate" && l.Uri.AbsoluteUri == Base);
        Assert.NotEmpty(feed.Authors);
        var items = feed.Items.ToArray();
        Assert.Equal(20, items.Length); // FeedSize's default; the site has more papers
        Assert.Equal(papers.Take(20).Select(p => Base + p.Url), items.Select(i => i.Id));
        Assert.All(items, item =>
        {
            Assert.False(string.IsNullOrWhiteSpace(item.Title.Text));
            Assert.Contains(item.Links, l => l.RelationshipType == "alternate" && l.Uri.AbsoluteUri == item.Id);
            Assert.NotEqual(default, item.LastUpdatedTime);
        });
        Assert.Equal(items.Max(i => i.LastUpdatedTime), feed.LastUpdatedTime);
        var vecset = items.Single(i => i.Id.EndsWith("/unleashing-vecset-diffusion-model-for-fast-shape-generation/", StringComparison.Ordinal));
        Assert.Equal(new DateTimeOffset(2025, 3, 20, 0, 0, 0, TimeSpan.Zero), vecset.LastUpdatedTime);
    }

    [Fact]
    public void TheJsonFeedIsJsonFeedOneOneWithTheSamePapersAsTheAtomFeed()
    {
        using var json = JsonDocument.Parse(site.Read("feed.json"));
        var root = json.RootElement;
        var atomIds = LoadAtom("feed.xml").Items.Select(i => i.Id).ToArray();

        Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
        Assert.Equal("Papers", root.GetProperty("title").GetString());
        Assert.Equal(Base, root.GetProperty("home_page_url").GetString());
        Assert.Equal(Base + "feed.json", root.GetProperty("feed_url").GetString());
        var items = root.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(atomIds, items.Select(i => i.GetProperty("id").GetString()));
        Assert.All(items, item =>
        {
            Assert.Equal(item.GetProperty("id").GetString(), item.GetProperty("url").GetString());
            Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("content_html").GetString()));
            if (item.TryGetProperty("date_published", out var date))
            {
                Assert.Matches(@"^\d{4}-\d\d-\d\dT00:00:00Z$", date.GetString());
            }
        });
    }

    [Fact]
    public void EveryTagPageHasItsOwnAtomFeedOfItsPapersAndLinksToIt()
    {
        var tagPages = Directory.EnumerateDirectories(Path.Combine(site.Output, "tags")).Select(Path.GetFileName).ToArray();
        Assert.NotEmpty(tagPages);
        foreach (var tag in tagPages)
        {
            var feed = LoadAtom($"tags/{tag}/feed.xml");
            Assert.Equal($"{Base}tags/{tag}/feed.xml", feed.Id);
            var page = SiteLinks.Parse(site.Read($"tags/{tag}/index.html"));
            var listed = SiteLinks.PaperLinks(page).Select(slug => $"{Base}papers/{slug}/").ToHashSet();
            Assert.All(feed.Items, item => Assert.Contains(item.Id, listed));
            Assert.Contains(page.QuerySelectorAll("link[rel=alternate]"),
                l => l.GetAttribute("type") == "application/atom+xml" && l.GetAttribute("href") == $"../../tags/{tag}/feed.xml");
        }
    }

    [Fact]
    public void EveryPageAnnouncesTheSiteFeeds()
    {
        Assert.All(site.HtmlPages().Where(p => p != "404.html"), path =>
        {
            var alternates = SiteLinks.Parse(site.Read(path)).QuerySelectorAll("link[rel=alternate]");
            Assert.Contains(alternates, l => l.GetAttribute("type") == "application/atom+xml" && l.GetAttribute("href")!.EndsWith("feed.xml", StringComparison.Ordinal)
                && !l.GetAttribute("href")!.Contains("tags/", StringComparison.Ordinal));
            Assert.Contains(alternates, l => l.GetAttribute("type") == "application/feed+json");
        });
    }

    [Fact]
    public void TheSitemapListsEveryPageOnceWithThePapersDates()
    {
        var sitemap = XDocument.Parse(site.Read("sitemap.xml"));
        var urls = sitemap.Root!.Elements(Sitemap + "url").ToArray();
        var expected = site.HtmlPages().Where(p => p.EndsWith("index.html", StringComparison.Ordinal))
            .Select(p => Base + p[..^"index.html".Length]).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal("urlset", sitemap.Root.Name.LocalName);
        Assert.Equal(expected, urls.Select(u => u.Element(Sitemap + "loc")!.Value));
        var vecset = urls.Single(u => u.Element(Sitemap + "loc")!.Value == Base + "papers/unleashing-vecset-diffusion-model-for-fast-shape-generation/");
        Assert.Equal("2025-03-20", vecset.Element(Sitemap + "lastmod")!.Value);
    }

    [Fact]
    public void RobotsTxtPointsAtTheSitemap() =>
        Assert.Contains($"\nSitemap: {Base}sitemap.xml\n", site.Read("robots.txt"));

    [Fact]
    public void EveryAbsoluteUrlOfTheSiteIsUnderTheHostAndLinkRoot()
    {
        var urls = new List<string>();
        foreach (var feed in Directory.EnumerateFiles(site.Output, "feed.xml", SearchOption.AllDirectories))
        {
            var atom = XDocument.Load(feed);
            XNamespace a = "http://www.w3.org/2005/Atom";
            urls.AddRange(atom.Descendants(a + "id").Select(e => e.Value));
            urls.AddRange(atom.Descendants(a + "link").Where(l => (string?)l.Attribute("rel") != "related").Select(l => (string)l.Attribute("href")!));
        }
        using (var json = JsonDocument.Parse(site.Read("feed.json")))
        {
            urls.Add(json.RootElement.GetProperty("home_page_url").GetString()!);
            urls.Add(json.RootElement.GetProperty("feed_url").GetString()!);
            foreach (var item in json.RootElement.GetProperty("items").EnumerateArray())
            {
                urls.Add(item.GetProperty("id").GetString()!);
                urls.Add(item.GetProperty("url").GetString()!);
            }
        }
        urls.AddRange(XDocument.Parse(site.Read("sitemap.xml")).Descendants(Sitemap + "loc").Select(e => e.Value));
        urls.AddRange(RobotsSitemapLine().Matches(site.Read("robots.txt")).Select(m => m.Groups[1].Value));
        var canonical = 0;
        foreach (var path in site.HtmlPages())
        {
            var page = SiteLinks.Parse(site.Read(path));
            var own = page.QuerySelectorAll("link[rel=canonical]").Select(l => l.GetAttribute("href")!)
                .Concat(page.QuerySelectorAll("meta[property='og:url']").Select(m => m.GetAttribute("content")!))
                .ToArray();
            canonical += own.Length;
            urls.AddRange(own);
            foreach (var script in page.QuerySelectorAll("script[type='application/ld+json']"))
            {
                using var ld = JsonDocument.Parse(script.TextContent);
                if (ld.RootElement.TryGetProperty("url", out var url))
                {
                    urls.Add(url.GetString()!);
                }
                urls.Add(ld.RootElement.GetProperty("isPartOf").GetProperty("url").GetString()!);
            }
        }

        Assert.True(canonical >= 2 * (site.HtmlPages().Count() - 1), "every page but 404.html has a canonical URL and an og:url");
        Assert.True(urls.Count > 1000, $"only {urls.Count} URLs found; the test is not reading what it should");
        Assert.All(urls, url => Assert.StartsWith(Base, url, StringComparison.Ordinal));
    }

    [Fact]
    public void The404PageHasNoCanonicalUrl() =>
        Assert.Empty(SiteLinks.Parse(site.Read("404.html")).QuerySelectorAll("link[rel=canonical], meta[property='og:url']"));

    private SyndicationFeed LoadAtom(string relative)
    {
        using var reader = XmlReader.Create(Path.Combine(site.Output, relative));
        var feed = SyndicationFeed.Load(reader);
        Assert.True(site.Exists(relative));
        return feed;
    }

    private (string Url, string? Published)[] PapersNewestFirst()
    {
        using var json = JsonDocument.Parse(site.Read("papers.json"));
        return [.. json.RootElement.EnumerateArray().Select(p => (p.GetProperty("url").GetString()!, p.GetProperty("published").GetString()))];
    }

    [GeneratedRegex(@"^Sitemap: (\S+)$", RegexOptions.Multiline)]
    private static partial Regex RobotsSitemapLine();
}

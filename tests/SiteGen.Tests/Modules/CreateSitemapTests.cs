using System.Collections.Immutable;
using System.Xml.Linq;
using SiteGen.Engine;
using SiteGen.Modules;
using SiteGen.Rendering;
using SiteGen.Settings;
using SiteGen.Site;
using SiteGen.Tags;
using SiteGen.Tests.Site;

namespace SiteGen.Tests.Modules;

/// <summary>A sitemap holds at most 50,000 URLs: past that, sitemap.xml becomes an index of numbered sitemaps.</summary>
public sealed class CreateSitemapTests
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task MorePagesThanOneSitemapHoldsMakeAnIndexOfSitemapsThatTogetherListEveryPage()
    {
        var files = await Run(pageCount: 5, maxUrlsPerFile: 2);

        var index = XDocument.Parse(files["sitemap.xml"]);
        Assert.Equal("sitemapindex", index.Root!.Name.LocalName);
        Assert.Equal(["https://h.org/sitemap-1.xml", "https://h.org/sitemap-2.xml", "https://h.org/sitemap-3.xml"],
            index.Descendants(Sitemap + "loc").Select(l => l.Value));
        var listed = new[] { "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml" }
            .SelectMany(f => XDocument.Parse(files[f]).Descendants(Sitemap + "loc").Select(l => l.Value));
        Assert.Equal(["https://h.org/", "https://h.org/p/1/", "https://h.org/p/2/", "https://h.org/p/3/", "https://h.org/p/4/"], listed);
        Assert.Contains("Sitemap: https://h.org/sitemap.xml", files["robots.txt"]);
    }

    [Fact]
    public async Task UpToTheLimitItIsOneSitemapWithoutTheFilesThatAreNotPages()
    {
        var files = await Run(pageCount: 2, maxUrlsPerFile: 2);

        Assert.Equal(["robots.txt", "sitemap.xml"], files.Keys.Order(StringComparer.Ordinal));
        var sitemap = XDocument.Parse(files["sitemap.xml"]);
        Assert.Equal("urlset", sitemap.Root!.Name.LocalName);
        Assert.Equal(["https://h.org/", "https://h.org/p/1/"], sitemap.Descendants(Sitemap + "loc").Select(l => l.Value));
    }

    [Fact]
    public async Task PagesAreListedByTheirUrlsAFoldersPageBeforeThePagesInIt()
    {
        // By their files, p/a/index.html would sort before p/index.html ('a' before 'i').
        var files = await Run(new MakePages(0, "p/a/index.html", "p/index.html", "p-q/index.html", "index.html"), maxUrlsPerFile: 10);

        Assert.Equal(["https://h.org/", "https://h.org/p-q/", "https://h.org/p/", "https://h.org/p/a/"],
            XDocument.Parse(files["sitemap.xml"]).Descendants(Sitemap + "loc").Select(l => l.Value));
    }

    /// <summary>A pipeline of pages (the home page, p/1/... and a 404 page and a data file that are not pages) and the sitemap's.</summary>
    private static Task<Dictionary<string, string>> Run(int pageCount, int maxUrlsPerFile) => Run(new MakePages(pageCount), maxUrlsPerFile);

    private static async Task<Dictionary<string, string>> Run(MakePages makePages, int maxUrlsPerFile)
    {
        using var folder = new TempFolder();
        var settings = new SiteSettings { Host = "h.org" };
        var services = new SiteServices(folder.Path, settings, new OutputFolder(folder["output"]), TagVocabulary.Empty,
            new TagMatcher(TagVocabulary.Empty), TemplateRenderer.Load(folder.Path, [Path.Combine(TestPaths.RepositoryRoot, "theme")]),
            MarkdownRenderer.Default);
        var pages = new Pipeline("Pages") { Process = [makePages] };
        var sitemap = new Pipeline("Sitemap")
        {
            Dependencies = ["Pages"],
            Output = [new CreateSitemap("Pages") { MaxUrlsPerFile = maxUrlsPerFile }],
        };
        var result = await new SiteGen.Engine.Engine([pages, sitemap], [services]).ExecuteAsync();
        return result["Sitemap"].Documents.ToDictionary(d => d.Destination!, d => System.Text.Encoding.UTF8.GetString(BytesOf(d)));
    }

    /// <summary>A file's bytes as the module gives them: made at once (robots.txt), or streamed into the file (the sitemaps).</summary>
    private static byte[] BytesOf(Document file)
    {
        if (file.Get<Func<byte[]>>(Keys.Produce) is { } produce)
        {
            return produce();
        }
        using var stream = new MemoryStream();
        file.GetRequired<Action<Stream>>(Keys.Stream)(stream);
        return stream.ToArray();
    }

    /// <summary><paramref name="count"/> pages numbered from the home page, then <paramref name="more"/>.</summary>
    private sealed class MakePages(int count, params string[] more) : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context) =>
            Task.FromResult<ImmutableArray<Document>>([
                .. Enumerable.Range(0, count).Select(i => i == 0 ? "index.html" : $"p/{i}/index.html").Concat(more)
                    .Select(destination => Document.Create(destination: destination).With(Keys.Layout, "page")),
                Document.Create(destination: "404.html").With(Keys.Layout, "404"),
                Document.Create(destination: "papers.json"),
            ]);
    }
}

using SiteGen.Search;
using SiteGen.Site;
using SiteGen.Tests.Site;

namespace SiteGen.Tests.Search;

/// <summary>The default site's search-index.js and search box, and the setting that turns both off.</summary>
public sealed class SearchSiteTests(DefaultSiteFixture site) : IClassFixture<DefaultSiteFixture>
{
    private const string Vecset = "unleashing-vecset-diffusion-model-for-fast-shape-generation";

    [Fact]
    public void AWordFoundOnlyInAnAbstractFindsThatPaper()
    {
        // "3D shape generation has greatly flourished through ...": the abstract, not the title or a tag.
        var index = SearchIndexScript.Parse(site.Read(Urls.SearchIndex));
        Assert.Contains((Vecset, SearchFields.Abstract), index.PapersWith("flourished"));
        Assert.Contains(index.PapersWith("vecset"), p => p.Slug == Vecset && p.Fields.HasFlag(SearchFields.Title));
    }

    [Fact]
    public void IndexesEveryPaperOnce()
    {
        var docs = SearchIndexScript.Parse(site.Read(Urls.SearchIndex)).Root.GetProperty("docs");
        Assert.Equal(site.Papers.Select(p => p.GetProperty("slug").GetString()), docs.EnumerateArray().Select(d => d[1].GetString()));
    }

    [Theory]
    [InlineData("index.html", "")]
    [InlineData("papers/" + Vecset + "/index.html", "../../")]
    [InlineData("tags/index.html", "../")]
    public void EveryPageHasTheSearchBoxWithLinksFromItsOwnDepth(string page, string root)
    {
        var html = SiteLinks.Parse(site.Read(page));
        var box = html.QuerySelector("#search")!;
        Assert.True(box.HasAttribute("hidden"), "hidden until the script shows it: no box without scripts");
        Assert.Equal(root, box.GetAttribute("data-root"));
        Assert.Equal(root + Urls.SearchIndex, box.GetAttribute("data-index"));
        Assert.Equal("combobox", html.QuerySelector("#search-input")!.GetAttribute("role"));
        Assert.Equal("search-results", html.QuerySelector("#search-input")!.GetAttribute("aria-controls"));
        Assert.Equal("listbox", html.QuerySelector("#search-results")!.GetAttribute("role"));
        Assert.NotNull(html.QuerySelector("label[for=search-input]"));
        Assert.Contains(html.QuerySelectorAll("script[src]"), s => s.GetAttribute("src") == root + "assets/search.js");
    }

    [Fact]
    public void TheSearchScriptIsAnAssetOfTheSite() => Assert.True(site.Exists("assets/search.js"));

    [Fact]
    public async Task GenerateSearchIndexFalseWritesNoIndexAndNoBox()
    {
        using var folder = new TempFolder().WithDefaultSite();
        await SiteBuilder.BuildAsync(new BuildRequest(folder.Path, folder["output"], Strict: true,
            Settings: [new("GenerateSearchIndex", "false")]));

        Assert.False(File.Exists(folder["output/" + Urls.SearchIndex]));
        Assert.True(File.Exists(folder["output/index.html"]));
        foreach (var page in new[] { "index.html", $"papers/{Vecset}/index.html", "404.html" })
        {
            var html = SiteLinks.Parse(File.ReadAllText(folder["output/" + page]));
            Assert.Null(html.QuerySelector("#search-input"));
            Assert.DoesNotContain(html.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.EndsWith("search.js", StringComparison.Ordinal));
        }
    }
}

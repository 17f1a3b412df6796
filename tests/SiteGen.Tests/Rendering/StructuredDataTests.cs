using System.Text.Json;
using SiteGen.Rendering;
using SiteGen.Rendering.Views;

namespace SiteGen.Tests.Rendering;

public sealed class StructuredDataTests
{
    private const string Hostile = "Breaking </script><script>alert(1)</script> & <!-- out";

    [Fact]
    public void ATitleThatClosesTheScriptElementStaysInsideTheJson()
    {
        var json = StructuredData.For(PaperPage(Hostile, "https://papers.example.org/"))!;

        Assert.DoesNotContain("<", json);
        Assert.DoesNotContain(">", json);
        Assert.Contains(@"\u003C/script\u003E", json, StringComparison.OrdinalIgnoreCase);
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal(Hostile, parsed.RootElement.GetProperty("headline").GetString());
    }

    [Fact]
    public void APaperIsAScholarlyArticleWithItsDateTagsAndUrl()
    {
        using var parsed = JsonDocument.Parse(StructuredData.For(PaperPage("Diffusion für alle", "https://papers.example.org/repo/"))!);
        var root = parsed.RootElement;

        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        Assert.Equal("ScholarlyArticle", root.GetProperty("@type").GetString());
        Assert.Equal("Diffusion für alle", root.GetProperty("headline").GetString());
        Assert.Equal("2025-03-20", root.GetProperty("datePublished").GetString());
        Assert.Equal(["Diffusion models"], root.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("https://papers.example.org/repo/papers/x/", root.GetProperty("url").GetString());
        Assert.Equal("An excerpt.", root.GetProperty("description").GetString());
    }

    [Fact]
    public void WithoutAHostThereIsNoUrlRatherThanARelativeOne()
    {
        using var parsed = JsonDocument.Parse(StructuredData.For(PaperPage("A paper", baseUrl: null))!);

        Assert.False(parsed.RootElement.TryGetProperty("url", out _));
        Assert.False(parsed.RootElement.GetProperty("isPartOf").TryGetProperty("url", out _));
    }

    [Theory]
    [InlineData("home", "CollectionPage")]
    [InlineData("tag", "CollectionPage")]
    [InlineData("authors", "CollectionPage")]
    [InlineData("page", null)]
    [InlineData("404", null)]
    public void ListsOfPapersAreCollectionPages(string kind, string? type)
    {
        var model = new PageModel(new SiteView("Papers", "All of them", ""), new PageView("Some list", kind, "tags/x/index.html", "Its papers."));
        var json = StructuredData.For(model);

        if (type is null)
        {
            Assert.Null(json);
            return;
        }
        using var parsed = JsonDocument.Parse(json!);
        Assert.Equal(type, parsed.RootElement.GetProperty("@type").GetString());
        Assert.Equal("Some list", parsed.RootElement.GetProperty("name").GetString());
    }

    private static PageModel PaperPage(string title, string? baseUrl)
    {
        var paper = new PaperView(title, "x", "papers/x/index.html", "papers/x.md", 2, "2 authors", "authors/2/index.html",
            "2025-03-20", "Mar 20, 2025", null, [new TagLinkView("diffusion-models", "Diffusion models", "tags/diffusion-models/index.html")],
            null, "<p>An excerpt.</p>", "An excerpt.", []);
        return new PageModel(new SiteView("Papers", "All of them", "../../") { BaseUrl = baseUrl },
            new PageView(title, "paper", paper.Url, paper.Excerpt)) { Paper = paper };
    }
}

using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Fluid;
using SiteGen.Rendering;

namespace SiteGen.Tests.Rendering;

/// <summary>The shipped theme: every template parses, and every kind of page is sound HTML that links within the site.</summary>
public sealed class ThemeTemplateTests
{
    private static readonly HtmlParser Html = new();

    public static TheoryData<string> ThemeFiles() => [.. ThemeFileNames()];

    /// <summary>Every Liquid file under theme/layouts and theme/partials, as the renderer names them.</summary>
    private static IEnumerable<string> ThemeFileNames() =>
        ThemeFile.TemplateFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(ThemeSamples.ThemeRoot, folder), "*.liquid", SearchOption.AllDirectories))
            .Select(file => Path.GetRelativePath(ThemeSamples.ThemeRoot, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static TheoryData<int> PageKinds() => [.. Enumerable.Range(0, ThemeSamples.AllPages().Count)];

    [Theory]
    [MemberData(nameof(ThemeFiles))]
    public void EveryThemeTemplateParses(string name)
    {
        var source = File.ReadAllText(Path.Combine(ThemeSamples.ThemeRoot, name));

        Assert.True(new FluidParser().TryParse(source, out _, out var error), $"theme/{name}: {error}");
    }

    [Fact]
    public void TheThemeLoadsEveryTemplateItShips()
    {
        Assert.Equal(ThemeFileNames(), ThemeSamples.Theme.TemplateNames);
        Assert.Contains("layouts/base.liquid", ThemeSamples.Theme.TemplateNames);
        foreach (var layout in new[] { "home", "tag", "author", "paper", "tags", "authors", "page", "404", "years", "year" })
        {
            Assert.Contains($"layouts/{layout}.liquid", ThemeSamples.Theme.TemplateNames);
        }
    }

    [Theory]
    [MemberData(nameof(PageKinds))]
    public void EveryPageHasOneH1AndHeadingsInOrder(int kind)
    {
        var document = Render(kind);

        Assert.Single(document.QuerySelectorAll("h1"));
        var previous = 0;
        foreach (var heading in document.QuerySelectorAll("h1, h2, h3, h4, h5, h6"))
        {
            var level = heading.LocalName[1] - '0';
            Assert.True(level <= previous + 1, $"<{heading.LocalName}> '{heading.TextContent.Trim()}' follows an h{previous}");
            previous = level;
        }
    }

    [Theory]
    [MemberData(nameof(PageKinds))]
    public void EveryPageHasLandmarksASkipLinkAndALanguage(int kind)
    {
        var document = Render(kind);

        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        Assert.Single(document.QuerySelectorAll("body > header"));
        Assert.Single(document.QuerySelectorAll("main"));
        Assert.Single(document.QuerySelectorAll("body > footer"));
        Assert.NotNull(document.QuerySelector("nav[aria-label]"));
        var skip = document.QuerySelector("a.skip-link")!;
        Assert.Equal("#main", skip.GetAttribute("href"));
        Assert.Equal("main", document.GetElementById("main")?.LocalName);
    }

    [Theory]
    [MemberData(nameof(PageKinds))]
    public void EveryInternalLinkStartsAtTheSiteRoot(int kind)
    {
        var (layout, model) = ThemeSamples.AllPages()[kind];
        var document = Html.ParseDocument(ThemeSamples.Theme.Render(layout, model));

        foreach (var element in document.QuerySelectorAll("[href], [src]"))
        {
            var target = element.GetAttribute("href") ?? element.GetAttribute("src")!;
            if (target.StartsWith('#') || target == "data:," || target == model.Paper?.CodeUrl)
            {
                continue;
            }

            Assert.False(target.Contains("://", StringComparison.Ordinal) || target.StartsWith("//", StringComparison.Ordinal), $"external reference {target} in {layout}");
            Assert.StartsWith(model.Site.Root, target, StringComparison.Ordinal);
            Assert.False(target[model.Site.Root.Length..].StartsWith('/'), $"{target} is absolute");
            Assert.True(target.EndsWith(".html", StringComparison.Ordinal) || target.EndsWith(".css", StringComparison.Ordinal)
                || target.EndsWith(".md", StringComparison.Ordinal) || target.EndsWith(".json", StringComparison.Ordinal)
                || target.EndsWith(".js", StringComparison.Ordinal), $"{target} does not name a file");
        }
    }

    [Theory]
    [MemberData(nameof(PageKinds))]
    public void NoPageMakesAnExternalRequest(int kind)
    {
        var document = Render(kind);

        Assert.Empty(document.QuerySelectorAll("iframe, img, video, audio, object, embed"));
        AssertOnlyTheThemesScript(document, ThemeSamples.AllPages()[kind].Model.Site.Root);
        Assert.Equal("data:,", document.QuerySelector("link[rel=icon]")?.GetAttribute("href"));
        Assert.All(document.QuerySelectorAll("link[href]"), link => Assert.DoesNotContain("://", link.GetAttribute("href")!, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PageKinds))]
    public void AScriptInATitleIsRenderedAsText(int kind)
    {
        const string Title = "<script>alert(1)</script>";
        var (layout, model) = ThemeSamples.AllPages(Title)[kind];
        var html = ThemeSamples.Theme.Render(layout, model);
        // The JSON-LD block holds the title with every < escaped, so it matches [^<]* to its end; a < leaking into it would not.
        var withoutJsonLd = Regex.Replace(html, @"<script type=""application/ld\+json"">[^<]*</script>", "");

        AssertOnlyTheThemesScript(Html.ParseDocument(html), model.Site.Root);
        Assert.Single(withoutJsonLd.Split("<script", StringSplitOptions.None).Skip(1)); // the theme's, and no other
        if (kind is 0 or 2 or 3 or 4 or 10)
        {
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ThePaperPageShowsEverythingKnownAboutThePaper()
    {
        var paper = ThemeSamples.Paper(7, "Fast Shapes");
        var model = ThemeSamples.PaperPage(paper);
        var document = Html.ParseDocument(ThemeSamples.Theme.Render("paper", model));
        var main = document.QuerySelector("main")!;

        Assert.Equal("Fast Shapes", main.QuerySelector("h1")!.TextContent);
        Assert.Equal("Fast Shapes · Sample Papers", document.Title);
        Assert.Equal("2025-03-20", main.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("Mar 20, 2025", main.QuerySelector("time")!.TextContent);
        var authors = main.QuerySelectorAll("a").Single(a => a.TextContent == "5 authors");
        Assert.Equal("../../authors/5/index.html", authors.GetAttribute("href"));
        Assert.Contains("4 comments", main.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            ["../../tags/diffusion/index.html", "../../tags/3d-generation/index.html"],
            main.QuerySelectorAll(".tags a").Select(a => a.GetAttribute("href")));
        Assert.Equal(paper.CodeUrl, main.QuerySelectorAll("a").Single(a => a.TextContent.Contains("Code", StringComparison.Ordinal)).GetAttribute("href"));
        Assert.Equal("native", main.QuerySelector(".abstract em")?.TextContent);
        Assert.Contains("000_e26a98970d65545d.txt", main.TextContent, StringComparison.Ordinal);
        Assert.Contains(main.QuerySelectorAll("a"), a => a.GetAttribute("href") == "../../papers/paper-7.md");
    }

    [Fact]
    public void APaperWithoutCodeDateOrCommentsShowsNoneOfThem()
    {
        var paper = ThemeSamples.Paper(8, codeUrl: null) with
        {
            Published = null,
            PublishedDisplay = null,
            Comments = null,
            AuthorCount = null,
            AuthorLabel = "author count unknown",
            AuthorsUrl = "authors/unknown/index.html",
            Tags = [],
        };
        var main = Html.ParseDocument(ThemeSamples.Theme.Render("paper", ThemeSamples.PaperPage(paper))).QuerySelector("main")!;

        Assert.Null(main.QuerySelector("time"));
        Assert.Null(main.QuerySelector(".tags"));
        Assert.DoesNotContain("comment", main.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(main.QuerySelectorAll("a"), a => a.TextContent.Contains("Code", StringComparison.Ordinal));
        Assert.Contains(main.QuerySelectorAll("a"), a => a.TextContent == "author count unknown" && a.GetAttribute("href") == "../../authors/unknown/index.html");
    }

    [Fact]
    public void APaperDateLinksToItsYear()
    {
        var main = Html.ParseDocument(ThemeSamples.Theme.Render("paper", ThemeSamples.PaperPage(ThemeSamples.Paper(7)))).QuerySelector("main")!;

        Assert.Equal("../../years/2025/index.html", main.QuerySelector("time")!.ParentElement!.GetAttribute("href"));
    }

    [Fact]
    public void APaperPageListsItsRelatedPapersAndLinksItsNewerAndOlderNeighbours()
    {
        var (layout, model) = ThemeSamples.AllPages("Fast Shapes")[4];
        var document = Html.ParseDocument(ThemeSamples.Theme.Render(layout, model));

        var related = document.QuerySelectorAll("main .related li");
        Assert.Equal("Related papers", document.GetElementById("related")!.TextContent);
        Assert.Equal(["../../papers/paper-5/index.html", "../../papers/paper-6/index.html"], related.Select(li => li.QuerySelector("a")!.GetAttribute("href")));
        Assert.Equal(["Related to Fast Shapes", "Undated relative"], related.Select(li => li.QuerySelector("a")!.TextContent));
        Assert.Contains("Mar 2, 2025", related[0].TextContent, StringComparison.Ordinal);
        var neighbours = document.QuerySelectorAll("main nav.paper-nav a");
        Assert.Equal(["../../papers/paper-1/index.html", "../../papers/paper-2/index.html"], neighbours.Select(a => a.GetAttribute("href")));
        Assert.Contains("Newer than Fast Shapes", neighbours[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Older paper", neighbours[1].TextContent, StringComparison.Ordinal);
        Assert.Null(document.QuerySelector("head link[rel=prev], head link[rel=next]"));
    }

    [Fact]
    public void APaperWithoutRelatedPapersOrNeighboursShowsNeitherSection()
    {
        var document = Html.ParseDocument(ThemeSamples.Theme.Render("paper", ThemeSamples.PaperPage(ThemeSamples.Paper(7))));

        Assert.Null(document.GetElementById("related"));
        Assert.Null(document.QuerySelector("nav.paper-nav"));
    }

    [Fact]
    public void TheYearsPageLinksEveryYearWithItsCount()
    {
        var items = Html.ParseDocument(ThemeSamples.Theme.Render("years", ThemeSamples.YearsPage())).QuerySelectorAll("main li");

        Assert.Equal(["../years/2025/index.html", "../years/2024/index.html", "../years/undated/index.html"], items.Select(li => li.QuerySelector("a")!.GetAttribute("href")));
        Assert.Equal(["2025", "2024", "Undated"], items.Select(li => li.QuerySelector("a")!.TextContent));
        Assert.Equal(["12 papers", "1 paper", "3 papers"], items.Select(li => li.QuerySelector(".term__count")!.TextContent));
    }

    [Fact]
    public void AListPageShowsCardsAndLinksItsNeighbours()
    {
        var document = Html.ParseDocument(ThemeSamples.Theme.Render("home", ThemeSamples.HomePage(3, numbered: 5)));
        var pagination = document.QuerySelector("nav.pagination")!;

        Assert.Equal(2, document.QuerySelectorAll("main article.card").Length);
        Assert.Equal("../../papers/paper-10/index.html", document.QuerySelector("article.card h2 a")!.GetAttribute("href"));
        Assert.Equal("../../page/4/index.html", pagination.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("../../page/2/index.html", pagination.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("3", pagination.QuerySelector("a[aria-current=page]")!.TextContent);
        Assert.Equal(["Newest", "5", "4", "3", "2", "1"], pagination.QuerySelectorAll("ol a").Select(a => a.TextContent));
        Assert.Equal("../../index.html", pagination.QuerySelector("ol a")!.GetAttribute("href"));
        Assert.Equal("../../page/4/index.html", document.QuerySelector("head link[rel=prev]")!.GetAttribute("href"));
    }

    [Fact]
    public void LongPaginationShowsTheEndsAndTheNeighbourhoodOfTheCurrentPage()
    {
        var model = ThemeSamples.HomePage(10, numbered: 20);
        var pagination = Html.ParseDocument(ThemeSamples.Theme.Render("home", model)).QuerySelector("nav.pagination")!;

        Assert.Equal(["Newest", "12", "11", "10", "9", "8", "1"], pagination.QuerySelectorAll("ol a").Select(a => a.TextContent));
        Assert.Equal(2, pagination.QuerySelectorAll("ol .pagination__gap").Length);
        Assert.Equal(["12", "8"], pagination.QuerySelectorAll("ol li.is-far a").Select(a => a.TextContent));
    }

    [Fact]
    public void TheFrontPageHasNoNewerLinkAndAOnePageListNoPagination()
    {
        var front = Html.ParseDocument(ThemeSamples.Theme.Render("home", ThemeSamples.Home("T")));
        Assert.Null(front.QuerySelector("a[rel=prev]"));
        Assert.Equal("page/3/index.html", front.QuerySelector("a[rel=next]")!.GetAttribute("href"));

        var single = Html.ParseDocument(ThemeSamples.Theme.Render("author", ThemeSamples.AuthorPage("T")));
        Assert.Null(single.QuerySelector("nav.pagination"));
    }

    [Fact]
    public void ATagsCountShowsOnItsFrontPageOnly()
    {
        var front = ThemeSamples.TagPage("T");
        var numbered = front with { Tag = front.Tag! with { Count = null } };

        Assert.Equal($"{front.Tag!.Count} papers", Html.ParseDocument(ThemeSamples.Theme.Render("tag", front)).QuerySelector(".count-line")!.TextContent);
        Assert.Null(Html.ParseDocument(ThemeSamples.Theme.Render("tag", numbered)).QuerySelector(".count-line"));
    }

    [Fact]
    public void TheTagsPageLinksEveryTagWithItsCount()
    {
        var items = Html.ParseDocument(ThemeSamples.Theme.Render("tags", ThemeSamples.TagsPage())).QuerySelectorAll("main li");

        Assert.Equal(2, items.Length);
        Assert.Equal("../tags/diffusion/index.html", items[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Diffusion", items[0].QuerySelector("a")!.TextContent);
        Assert.Contains("42 papers", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("1 paper", items[1].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("1 papers", items[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TheAuthorsChartLinksEveryBarAndSaysWhatItShows()
    {
        var model = ThemeSamples.AuthorsPage();
        var document = Html.ParseDocument(ThemeSamples.Theme.Render("authors", model));
        var svg = document.QuerySelector("main svg")!;
        var bars = svg.QuerySelectorAll("a");

        Assert.Equal("list", svg.GetAttribute("role"));
        Assert.Equal(3, svg.QuerySelectorAll("[role=listitem]").Length);
        Assert.Equal(["1 author: 3 papers", "5 authors: 12 papers", "author count unknown: 1 paper"], bars.Select(a => a.GetAttribute("aria-label")));
        Assert.Equal(["1 author: 3 papers", "5 authors: 12 papers", "author count unknown: 1 paper"], bars.Select(a => a.QuerySelector("title")!.TextContent));
        Assert.Equal(model.Buckets.Select(b => "../" + b.Url), bars.Select(a => a.GetAttribute("href")));
        var lastBar = bars[2].QuerySelector("rect.chart__fill")!;
        Assert.Equal(("116", "170.7", "40", "13.3"), (lastBar.GetAttribute("x"), lastBar.GetAttribute("y"), lastBar.GetAttribute("width"), lastBar.GetAttribute("height")));
        Assert.Equal(["3", "12", "1"], svg.QuerySelectorAll(".chart__count").Select(t => t.TextContent));
        Assert.Equal(["1", "5", "unknown"], svg.QuerySelectorAll(".chart__label").Select(t => t.TextContent));
        Assert.Equal("-16 0 196 230", svg.GetAttribute("viewBox"));
        var rows = document.QuerySelectorAll("main table tbody tr");
        Assert.Equal(["1 author", "5 authors", "author count unknown"], rows.Select(r => r.QuerySelector("th a")!.TextContent));
        Assert.Equal(["3", "12", "1"], rows.Select(r => r.QuerySelector("td")!.TextContent));
    }

    [Theory]
    [InlineData(0, "Papers", "page")]
    [InlineData(1, "Papers", "true")]
    [InlineData(2, "Tags", "true")]
    [InlineData(3, "Authors", "true")]
    [InlineData(5, "Tags", "page")]
    [InlineData(6, "Authors", "page")]
    [InlineData(9, "Years", "page")]
    [InlineData(10, "Years", "true")]
    public void TheNavigationMarksTheCurrentPageAndSection(int kind, string link, string current)
    {
        var marked = Render(kind).QuerySelectorAll("nav.site-nav a[aria-current]");

        Assert.Equal([(link, current)], marked.Select(a => (a.TextContent, a.GetAttribute("aria-current")!)));
    }

    [Fact]
    public void AUserFileInInputOverridesTheThemes()
    {
        var input = Directory.CreateTempSubdirectory("sitegen-input-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(input, "partials"));
            File.WriteAllText(Path.Combine(input, "partials", "site-footer.liquid"), "<footer>Ours, {{ site.title }}</footer>");
            var renderer = TemplateRenderer.Load(ThemeSamples.RepoRoot, [input, ThemeSamples.ThemeRoot]);

            var footer = Html.ParseDocument(renderer.Render("tags", ThemeSamples.TagsPage())).QuerySelector("body > footer")!;

            Assert.Equal("Ours, Sample Papers", footer.TextContent);
        }
        finally
        {
            Directory.Delete(input, recursive: true);
        }
    }

    [Fact]
    public void RendersTheThemeIdenticallyFromManyThreads()
    {
        var pages = ThemeSamples.AllPages();
        var expected = pages.Select(p => ThemeSamples.Theme.Render(p.Layout, p.Model)).ToArray();
        var results = new string[pages.Count * 16];

        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var (layout, model) = pages[i % pages.Count];
            results[i] = ThemeSamples.Theme.Render(layout, model);
        });

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % pages.Count], results[i]);
        }
    }

    private static IHtmlDocument Render(int kind)
    {
        var (layout, model) = ThemeSamples.AllPages()[kind];
        return Html.ParseDocument(ThemeSamples.Theme.Render(layout, model));
    }

    /// <summary>The one script is the theme's own file (the colour-scheme toggle), from the site: nothing inline, nothing fetched from elsewhere.</summary>
    private static void AssertOnlyTheThemesScript(AngleSharp.Dom.IDocument document, string root)
    {
        // JSON-LD is a data block: browsers neither run nor fetch anything for it.
        var script = Assert.Single(document.QuerySelectorAll("script:not([type='application/ld+json'])"));
        Assert.Equal(root + "assets/color-scheme.js", script.GetAttribute("src"));
        Assert.Equal("", script.TextContent);
    }
}

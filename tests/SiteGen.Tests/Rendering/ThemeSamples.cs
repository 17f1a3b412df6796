using SiteGen.Rendering;
using SiteGen.Rendering.Views;
using SiteGen.Site;

namespace SiteGen.Tests.Rendering;

/// <summary>The real theme and one sample model per page kind, for the tests that render it.</summary>
internal static class ThemeSamples
{
    public const string SiteTitle = "Sample Papers";

    /// <summary>The folder holding SiteGen.sln, found by walking up from the test binaries.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ThemeRoot => Path.Combine(RepoRoot, "theme");

    private static readonly Lazy<TemplateRenderer> LazyTheme = new(() => TemplateRenderer.Load(RepoRoot, [ThemeRoot]));

    /// <summary>The shipped theme, loaded once for all tests.</summary>
    public static TemplateRenderer Theme => LazyTheme.Value;

    /// <summary>Layout name and model of every kind of page the site renders.</summary>
    public static IReadOnlyList<(string Layout, PageModel Model)> AllPages(string paperTitle = "Unleashing Vecset Diffusion Model for Fast Shape Generation") =>
    [
        ("home", Home(paperTitle)),
        ("home", HomePage(3, numbered: 5)),
        ("tag", TagPage(paperTitle)),
        ("author", AuthorPage(paperTitle)),
        ("paper", PaperPage(Paper(0, paperTitle)) with
        {
            Related = [new($"Related to {paperTitle}", "papers/paper-5/index.html", "Mar 2, 2025"), new("Undated relative", "papers/paper-6/index.html", null)],
            Newer = new($"Newer than {paperTitle}", "papers/paper-1/index.html", "Mar 21, 2025"),
            Older = new("Older paper", "papers/paper-2/index.html", null),
        }),
        ("tags", TagsPage()),
        ("authors", AuthorsPage()),
        ("page", ContentPage()),
        ("404", NotFoundPage()),
        ("years", YearsPage()),
        ("year", YearPage(paperTitle)),
    ];

    public static SiteView Site(string url) =>
        new(SiteTitle, "Trending research papers, one page each.", RootOf(url));

    /// <summary>The relative path from a page back to the site root: "", "../", "../../".</summary>
    public static string RootOf(string url) => string.Concat(Enumerable.Repeat("../", url.Count(c => c == '/')));

    public static PaperView Paper(int i, string? title = null, string? codeUrl = "https://github.com/example/flashvdm?tab=readme&x=1")
    {
        var slug = $"paper-{i}";
        return new PaperView(
            Title: title ?? $"Paper number {i}",
            Slug: slug,
            Url: $"papers/{slug}/index.html",
            MarkdownUrl: $"papers/{slug}.md",
            AuthorCount: 5,
            AuthorLabel: "5 authors",
            AuthorsUrl: "authors/5/index.html",
            Published: "2025-03-20",
            PublishedDisplay: "Mar 20, 2025",
            Comments: 4,
            Tags: [new TagLinkView("diffusion", "Diffusion", "tags/diffusion/index.html"), new TagLinkView("3d-generation", "3D generation", "tags/3d-generation/index.html")],
            CodeUrl: codeUrl,
            AbstractMarkdown: "3D shape generation has greatly flourished through *native* 3D diffusion.",
            Excerpt: "3D shape generation has greatly flourished through native 3D diffusion.",
            Sources: ["000_e26a98970d65545d.txt"])
        {
            YearUrl = "years/2025/index.html",
        };
    }

    public static PageModel Home(string paperTitle) =>
        WithCards(new(Site("index.html"), new PageView(SiteTitle, "home", "index.html", "Newest papers first."))
        {
            Papers = [Paper(0, paperTitle), Paper(1), Paper(2)],
            Pagination = Paginator.Navigation("", null, 3),
        });

    /// <summary>List pages show their papers as cards that SiteGen renders beforehand, as a build does.</summary>
    public static PageModel WithCards(PageModel model) =>
        model with { CardsHtml = new SiteGen.Site.CardCache(Theme).For(model.Papers, model.Site) };

    /// <summary>Numbered page <paramref name="current"/> of a home list with <paramref name="numbered"/> numbered pages.</summary>
    public static PageModel HomePage(int current, int numbered)
    {
        var url = $"page/{current}/index.html";
        return WithCards(new PageModel(Site(url), new PageView($"Papers (page {current})", "home", url))
        {
            Papers = [Paper(10), Paper(11)],
            Pagination = Paginator.Navigation("", current, numbered),
        });
    }

    public static PageModel TagPage(string paperTitle)
    {
        var url = "tags/diffusion/index.html";
        return WithCards(new PageModel(Site(url), new PageView("Diffusion", "tag", url))
        {
            Tag = Tags()[0],
            Papers = [Paper(0, paperTitle), Paper(3)],
            Pagination = Paginator.Navigation("tags/diffusion/", null, 2),
        });
    }

    public static PageModel AuthorPage(string paperTitle)
    {
        var url = "authors/5/index.html";
        return WithCards(new PageModel(Site(url), new PageView("Papers with 5 authors", "author", url))
        {
            Papers = [Paper(0, paperTitle)],
        });
    }

    public static PageModel PaperPage(PaperView paper) =>
        new(Site(paper.Url), new PageView(paper.Title, "paper", paper.Url, paper.Excerpt)) { Paper = paper };

    public static IReadOnlyList<TagSummaryView> Tags() =>
    [
        new("diffusion", "Diffusion", "Denoising diffusion models.", 42, "tags/diffusion/index.html"),
        new("llm", "Large language models", "", 1, "tags/llm/index.html"),
    ];

    public static PageModel TagsPage() =>
        new(Site("tags/index.html"), new PageView("Tags", "tags", "tags/index.html")) { Tags = Tags() };

    /// <summary>The geometry SiteGen computes: bars 40 wide, 14 apart, 160 high at most, 24 above and 32 below.</summary>
    public static PageModel AuthorsPage()
    {
        var buckets = new List<AuthorBucketView>
        {
            new("1", "1", 3, "authors/1/index.html", 8, 144, 40, 40),
            new("5", "5", 12, "authors/5/index.html", 62, 24, 40, 160),
            new("unknown", "unknown", 1, "authors/unknown/index.html", 116, 170.7, 40, 13.3),
        };
        return new PageModel(Site("authors/index.html"), new PageView("Papers by author count", "authors", "authors/index.html"))
        {
            Buckets = buckets,
            Chart = new ChartView(Width: 164, Height: 216, BaselineY: 184, MaxCount: 12),
        };
    }

    public static PageModel YearsPage() =>
        new(Site("years/index.html"), new PageView("Papers by year", "years", "years/index.html"))
        {
            Years =
            [
                new("2025", "2025", 12, "years/2025/index.html"),
                new("2024", "2024", 1, "years/2024/index.html"),
                new("undated", "Undated", 3, "years/undated/index.html"),
            ],
        };

    public static PageModel YearPage(string paperTitle)
    {
        var url = "years/2025/index.html";
        return WithCards(new PageModel(Site(url), new PageView("Papers of 2025", "year", url, "2 papers, newest first."))
        {
            Papers = [Paper(0, paperTitle), Paper(4)],
        });
    }

    public static PageModel ContentPage() =>
        new(Site("about/index.html"), new PageView("About", "page", "about/index.html"))
        {
            ContentHtml = "<p>What this site is.</p><h2>How it is built</h2><p>From listings.</p>",
        };

    public static PageModel NotFoundPage() =>
        new(Site("404.html"), new PageView("Page not found", "not-found", "404.html"));

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SiteGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No SiteGen.sln above {AppContext.BaseDirectory}");
    }
}

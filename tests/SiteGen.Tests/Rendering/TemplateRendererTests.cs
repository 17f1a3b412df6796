using SiteGen.Diagnostics;
using SiteGen.Rendering;
using SiteGen.Rendering.Views;

namespace SiteGen.Tests.Rendering;

public sealed class TemplateRendererTests : IDisposable
{
    private const string MinimalBase = "<main>{{ body_html | raw }}</main>";

    private readonly string _site = Directory.CreateTempSubdirectory("sitegen-templates-").FullName;

    public void Dispose() => Directory.Delete(_site, recursive: true);

    [Fact]
    public void RendersTheLayoutInsideTheBaseLayout()
    {
        Write("theme/layouts/base.liquid", "<title>{{ page.title }}</title><main>{{ body_html | raw }}</main>");
        Write("theme/layouts/home.liquid", "<h1>{{ site.title }}</h1>");

        var html = Load().Render("home", Model("Home"));

        Assert.Equal("<title>Home</title><main><h1>Site</h1></main>", html);
    }

    [Fact]
    public void ModelMembersReachTemplatesInSnakeCase()
    {
        Write("theme/layouts/base.liquid", MinimalBase);
        Write("theme/layouts/paper.liquid", "{{ paper.author_label }}|{{ paper.markdown_url }}|{{ paper.AuthorLabel }}|{{ site.root }}");

        var html = Load().Render("paper", Model("P", root: "../../") with { Paper = ThemeSamples.Paper(1) });

        Assert.Equal("<main>5 authors|papers/paper-1.md||../../</main>", html);
    }

    [Fact]
    public void EscapesInputButWritesHtmlMembersRaw()
    {
        Write("theme/layouts/base.liquid", MinimalBase);
        Write("theme/layouts/paper.liquid", "<h1>{{ paper.title }}</h1><a title=\"{{ paper.title }}\">x</a>{{ paper.abstract_html | raw }}");
        var paper = ThemeSamples.Paper(1, "<script>alert(1)</script> \"q\" & é") with { AbstractMarkdown = "kept" };

        var html = Load().Render("paper", Model("P") with { Paper = paper });

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot; &amp; é</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<p>kept</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBodyIsWrittenAsItIsWithRawEscapedWithoutAndAStringToAnyOtherFilter()
    {
        Write("theme/layouts/base.liquid", "{{ body_html | raw }}|{{ body_html }}|{{ body_html | size }}|{{ body_html | upcase | raw }}");
        Write("theme/layouts/home.liquid", "<b>{{ site.title }}</b>");

        var html = Load().Render("home", Model("Home"));

        Assert.Equal("<b>Site</b>|&lt;b&gt;Site&lt;/b&gt;|11|<B>SITE</B>", html);
    }

    [Fact]
    public void ACardIsWrittenWithThePagesWayBackToTheRootAndEscapedWithoutRaw()
    {
        Write("theme/layouts/base.liquid", MinimalBase);
        Write("theme/layouts/home.liquid", "{% for card in cards_html %}[{{ card | raw }}]({{ card }}){{ card | size }};{% endfor %}");
        Write("theme/partials/paper-card.liquid", "<a href=\"{{ site.root }}{{ paper.url }}\">{{ paper.title }}</a>");
        var renderer = Load();
        var model = Model("Home", root: "../../") with { Papers = [ThemeSamples.Paper(1, "A & B")] };

        var html = WithCards(renderer, model);

        const string Card = "<a href=\"../../papers/paper-1/index.html\">A &amp; B</a>";
        const string Escaped = "&lt;a href=&quot;../../papers/paper-1/index.html&quot;&gt;A &amp;amp; B&lt;/a&gt;";
        Assert.Equal($"<main>[{Card}]({Escaped}){Card.Length};</main>", html);
    }

    /// <summary>A card is kept as UTF-8 all build long: any text in it comes back as the card rendered for the page itself.</summary>
    [Fact]
    public void ACardKeptAsUtf8IsWrittenAsTheCardRenderedForThePage()
    {
        Write("theme/layouts/base.liquid", MinimalBase);
        Write("theme/layouts/home.liquid", "{% for card in cards_html %}{{ card | raw }}|{{ card | size }};{% endfor %}");
        Write("theme/partials/paper-card.liquid", "<a href=\"{{ site.root }}{{ paper.url }}\">{{ paper.title }}</a> {{ site.root }}");
        var renderer = Load();
        var model = Model("Home", root: "../../") with { Papers = [ThemeSamples.Paper(1, "Café — naïve 模型 𝒳 & <b>")] };

        var html = WithCards(renderer, model);

        var card = renderer.RenderPartial(SiteGen.Site.CardCache.Partial, [new("paper", model.Papers[0]), new("site", model.Site)]);
        Assert.Contains("../../", card, StringComparison.Ordinal);
        Assert.Equal($"<main>{card}|{card.Length};</main>", html);
    }

    [Fact]
    public void AFileInAnEarlierRootOverridesTheSameFileInALaterOne()
    {
        Write("theme/layouts/base.liquid", MinimalBase);
        Write("theme/layouts/home.liquid", "theme home");
        Write("theme/partials/card.liquid", "theme card");
        Write("theme/layouts/tags.liquid", "{% render 'card' %}");
        Write("input/layouts/home.liquid", "input home");
        Write("input/partials/card.liquid", "input card");

        var renderer = TemplateRenderer.Load(_site, [Path.Combine(_site, "input"), Path.Combine(_site, "theme")]);

        Assert.Equal("<main>input home</main>", renderer.Render("home", Model("H")));
        Assert.Equal("<main>input card</main>", renderer.Render("tags", Model("T")));
    }

    [Fact]
    public void ListsEveryTemplateByItsNameInTheTheme()
    {
        Write("theme/layouts/base.liquid", MinimalBase);
        Write("theme/layouts/home.liquid", "");
        Write("theme/partials/card.liquid", "");
        Write("input/layouts/home.liquid", "");
        Write("input/partials/nested/chip.liquid", "");
        Write("theme/layouts/notes.txt", "not a template");

        var renderer = TemplateRenderer.Load(_site, [Path.Combine(_site, "input"), Path.Combine(_site, "theme")]);

        Assert.Equal(["layouts/base.liquid", "layouts/home.liquid", "partials/card.liquid", "partials/nested/chip.liquid"], renderer.TemplateNames);
    }

    [Fact]
    public void ASyntaxErrorNamesTheFileLineAndColumn()
    {
        Write("theme/layouts/base.liquid", MinimalBase);
        Write("theme/layouts/home.liquid", "<ul>\n{% for p in papers %}\n  <li>{{ p.title }}</li>\n{% endif %}\n</ul>");

        var error = Assert.Throws<ContentException>(Load);

        Assert.Equal("theme/layouts/home.liquid", error.Diagnostic.Path);
        Assert.Equal(4, error.Diagnostic.Line);
        Assert.Equal(1, error.Diagnostic.Column);
        Assert.StartsWith("theme/layouts/home.liquid:4:1: error: '{% endfor %}' was expected; ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASyntaxErrorInAPartialFailsAtLoadNotAtRender()
    {
        Write("theme/layouts/base.liquid", MinimalBase);
        Write("theme/partials/card.liquid", "{{ paper.title ");

        var error = Assert.Throws<ContentException>(Load);

        Assert.Equal("theme/partials/card.liquid", error.Diagnostic.Path);
        Assert.Equal(1, error.Diagnostic.Line);
    }

    [Fact]
    public void AMisspeltPartialFailsAtLoad()
    {
        Write("theme/layouts/base.liquid", MinimalBase);
        Write("theme/partials/paper-card.liquid", "");
        Write("theme/layouts/home.liquid", "{% for p in papers %}{% render 'paper_card', paper: p %}{% endfor %}");

        var error = Assert.Throws<ContentException>(Load);

        Assert.Equal("theme/layouts/home.liquid", error.Diagnostic.Path);
        Assert.Contains("'paper_card' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AThemeWithoutABaseLayoutIsAnError()
    {
        Write("theme/layouts/home.liquid", "");

        var error = Assert.Throws<ContentException>(Load);

        Assert.Equal("theme/layouts/base.liquid", error.Diagnostic.Path);
    }

    [Fact]
    public void AnUnknownLayoutIsAnError()
    {
        Write("theme/layouts/base.liquid", MinimalBase);

        var error = Assert.Throws<ContentException>(() => Load().Render("missing", Model("M")));

        Assert.Equal("theme/layouts/missing.liquid", error.Diagnostic.Path);
    }

    [Fact]
    public void PartialsAreParsedAtLoadAndNeverReadAgain()
    {
        Write("theme/layouts/base.liquid", MinimalBase);
        Write("theme/partials/card.liquid", "[{{ paper.title }}]");
        Write("theme/layouts/home.liquid", "{% for p in papers %}{% render 'card', paper: p %}{% endfor %}{% include 'card' %}");
        var renderer = Load();
        Directory.Delete(Path.Combine(_site, "theme"), recursive: true);

        var html = renderer.Render("home", Model("H") with { Papers = [ThemeSamples.Paper(1), ThemeSamples.Paper(2)] });

        Assert.Equal("<main>[Paper number 1][Paper number 2][]</main>", html);
    }

    [Fact]
    public void RendersTheSameFromManyThreadsAtOnce()
    {
        Write("theme/layouts/base.liquid", "<title>{{ page.title }}</title>{{ body_html | raw }}");
        Write("theme/partials/card.liquid", "<li>{{ paper.title }} {% for t in paper.tags %}{{ t.name }}{% endfor %}</li>");
        Write("theme/layouts/home.liquid", "{% assign n = 0 %}<ul>{% for p in papers %}{% assign n = n | plus: 1 %}{% render 'card', paper: p %}{% endfor %}</ul>{{ n }}");
        var renderer = Load();
        var models = Enumerable.Range(0, 64)
            .Select(i => Model($"Page {i}") with { Papers = [.. Enumerable.Range(i, 20).Select(n => ThemeSamples.Paper(n))] })
            .ToArray();
        var expected = models.Select(m => renderer.Render("home", m)).ToArray();

        var actual = new string[models.Length];
        Parallel.For(0, models.Length * 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var index = i % models.Length;
            var html = renderer.Render("home", models[index]);
            if (i >= models.Length * 7)
            {
                actual[index] = html;
            }
            else
            {
                Assert.Equal(expected[index], html);
            }
        });

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("'{% endfor %}' was expected at (2:1)\nSource:\n{% endif %}", 2, 1, "'{% endfor %}' was expected")]
    [InlineData("End of tag '}}' was expected at (12:34)\r\nSource:\n{{ x", 12, 34, "End of tag '}}' was expected")]
    [InlineData("Something odd", 0, 0, "Something odd")]
    public void ReadsThePositionFromFluidsParseError(string error, int line, int column, string what)
    {
        Assert.Equal((line, column, what), TemplateRenderer.DescribeParseError(error));
    }

    private TemplateRenderer Load() => TemplateRenderer.Load(_site, [Path.Combine(_site, "theme")]);

    private void Write(string relativePath, string content)
    {
        var path = Path.Combine(_site, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    /// <summary>The home layout rendered with the model's papers' cards, as list pages get them (<see cref="SiteGen.Site.CardCache"/>).</summary>
    private static string WithCards(TemplateRenderer renderer, PageModel model) =>
        renderer.Render("home", model with { CardsHtml = new SiteGen.Site.CardCache(renderer).For(model.Papers, model.Site) });

    private static PageModel Model(string title, string root = "") =>
        new(new SiteView("Site", "A site", root), new PageView(title, "home", "index.html"));
}

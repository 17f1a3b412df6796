using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Acornima;
using AngleSharp.Html.Parser;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SiteGen.Site;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Tests.Site;

/// <summary>
/// Any text, in every field, lands safely in every output: each is read back by a real parser (HTML5, XML, JSON, YAML,
/// JavaScript), must parse, and shows what a reader would see of the text: the text itself, less the characters no
/// output can carry (C0 and C1 controls, noncharacters, U+FEFF; a lone surrogate shows as U+FFFD, a CR as LF).
/// </summary>
public sealed partial class HostileTextTests
{
    private static readonly string[] Pieces =
    [
        .. Enumerable.Range(0, 0x20).Select(c => ((char)c).ToString()), "\u007F", "\u0080", "\u0085", "\u009F",
        "\uD800", "\uDC00", "\uDC00\uD800", "\uFFFE", "\uFFFF", "\uFDD0", "\uFEFF",
        "\u202E", "\u2066", "\u200F", "\u200D", "\u200C", "\u2028", "\u2029",
        new string('w', 300),
        "**bold**", "[x](javascript:alert(1))", "# h", "`code`", "<", ">", "&", "&amp;", "&lt;", "\\", "|a|b|", "_x_",
        "<script>alert(1)</script>", "</script>", "<!--", "-->", "<img src=x onerror=alert(1)>", "\"", "'", "]]>", "</title>",
        "\"}];alert(1);//", "${x}", "`", ": ", "- ", "#", "---", "&a", "*a", "!tag", "{", "[", "%", "@",
        "Diffusion", " ", "  ", "\t", "\n", "\r\n", "café", "深度学习", "🚀", "Schrödinger",
    ];

    private static Gen<string> Hostile =>
        Gen.Elements(Pieces).NonEmptyListOf().Select(pieces => string.Concat(pieces.Take(12)));

    private sealed record Texts(string Title, string Abstract, string Note, string SiteTitle, string TagName);

    private static Gen<Texts> AllTexts =>
        from title in Hostile
        from body in Hostile
        from note in Hostile
        from siteTitle in Hostile
        from tagName in Hostile
        select new Texts("A " + title, body, note, siteTitle, "Tag " + tagName); // a title and a tag name need a letter

    [Property(MaxTest = 40)]
    public Property EveryOutputParsesAndShowsTheTextOfEveryField() =>
        Prop.ForAll(Arb.From(AllTexts), texts => CheckAsync(texts).GetAwaiter().GetResult());

    /// <summary>The failure first seen: control characters in a listing's title and abstract crashed the Atom feed.</summary>
    [Fact]
    public async Task ControlCharactersInAListingBuildAsTheyDoInCheck()
    {
        using var site = new TempFolder().WithEmptySite("{ \"SiteTitle\": \"Papers\", \"Host\": \"papers.example.org\" }");
        site.Write("input/listings/x.txt", "Diffusion \u0001Models \u000Bfor Shapes\n\nAn abstract\u0001 with a control\u000B character.\n");

        var check = await SiteBuilder.BuildAsync(new BuildRequest(site.Path, DryRun: true));
        var built = await SiteBuilder.BuildAsync(new BuildRequest(site.Path));

        Assert.Equal((check.Papers, check.FilesProduced, check.Warnings.Length), (built.Papers, built.FilesProduced, built.Warnings.Length));
        var feed = XDocument.Parse(File.ReadAllText(site["output/feed.xml"]));
        Assert.Equal("Diffusion Models for Shapes", feed.Descendants(Atom + "entry").Single().Element(Atom + "title")!.Value);
    }

    private static async Task CheckAsync(Texts texts)
    {
        using var site = new TempFolder().WithEmptySite(JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["SiteTitle"] = texts.SiteTitle,
            ["Host"] = "papers.example.org",
        }));
        site.Write("input/tags.yml", $"hostile:\n  name: {Yaml(texts.TagName)}\n  match: [diffusion]\n");
        site.Write("input/papers/hostile.md",
            $"---\ntitle: {Yaml(texts.Title)}\npublished: 2025-03-20\nnote: {Yaml(texts.Note)}\nlinks:\n  code: {Yaml("https://example.org/" + texts.Note)}\n---\n{InFile(texts.Abstract)}\n\nAbout diffusion.\n");
        site.WritePaper("plain", "A Plain Paper About Diffusion");

        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        var output = site["output"];
        var title = Visible(texts.Title);
        var siteTitle = Visible(texts.SiteTitle);

        // papers.json: JSON, with the title and the unknown key's text as they were, less what no output keeps.
        using var papers = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "papers.json")));
        var paper = papers.RootElement.EnumerateArray().Single(p => p.GetProperty("title").GetString() != "A Plain Paper About Diffusion");
        Assert.Equal(title, paper.GetProperty("title").GetString());
        Assert.Equal(Visible(texts.Note), paper.GetProperty("note").GetString());
        var slug = paper.GetProperty("slug").GetString()!;

        // The paper's page: HTML5, its heading and title the title's visible text, no script or handler from the input.
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "papers", slug, "index.html")));
        Assert.Equal(Collapse(title), Collapse(page.QuerySelector("h1")!.TextContent));
        Assert.Contains(Collapse(title), Collapse(page.Title!));
        Assert.Equal(Collapse(siteTitle), Collapse(page.QuerySelector("header a")!.TextContent));
        AssertNoActiveContent(page);
        var jsonLd = page.QuerySelector("script[type='application/ld+json']")!.TextContent;
        using (var data = JsonDocument.Parse(jsonLd))
        {
            Assert.Equal(title, data.RootElement.GetProperty("headline").GetString());
        }
        foreach (var list in new[] { "index.html", "tags/hostile/index.html", "tags/index.html" })
        {
            var html = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, list)));
            AssertNoActiveContent(html);
            Assert.Contains(Collapse(list.StartsWith("tags", StringComparison.Ordinal) ? Visible(texts.TagName) : title), Collapse(html.Body!.TextContent));
        }

        // The YAML-fronted page: YAML, the same title.
        var markdown = File.ReadAllText(Path.Combine(output, "papers", slug + ".md"));
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(markdown.Split("\n---\n")[0].TrimStart('-', '\n')));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new Xunit.Sdk.XunitException($"papers/{slug}.md does not read as YAML ({e.Message}):\n{markdown}");
        }
        var front = (YamlMappingNode)yaml.Documents[0].RootNode;
        Assert.Equal(title, ((YamlScalarNode)front["title"]).Value);
        Assert.Equal(Visible(texts.Note), ((YamlScalarNode)front["note"]).Value);

        // The search index and the search box: JavaScript that parses; the index's data, JSON, holds the title.
        var parser = new Parser();
        parser.ParseScript(File.ReadAllText(Path.Combine(output, "assets", "search.js")));
        var script = File.ReadAllText(Path.Combine(output, "search-index.js"));
        parser.ParseScript(script);
        var json = script[(script.IndexOf("= ", StringComparison.Ordinal) + 2)..script.LastIndexOf(';')];
        using (var index = JsonDocument.Parse(json))
        {
            Assert.Contains(index.RootElement.GetProperty("docs").EnumerateArray(), d => d[0].GetString() == title && d[1].GetString() == slug);
        }

        // Feeds and the sitemap: XML and JSON that parse, with the titles.
        var atom = XDocument.Parse(File.ReadAllText(Path.Combine(output, "feed.xml")), LoadOptions.PreserveWhitespace);
        Assert.Equal(siteTitle, atom.Root!.Element(Atom + "title")!.Value);
        Assert.Contains(atom.Descendants(Atom + "entry"), e => e.Element(Atom + "title")!.Value == title);
        var tagFeed = XDocument.Parse(File.ReadAllText(Path.Combine(output, "tags", "hostile", "feed.xml")), LoadOptions.PreserveWhitespace);
        Assert.Contains(Collapse(Visible(texts.TagName)), Collapse(tagFeed.Root!.Element(Atom + "title")!.Value));
        using (var feed = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "feed.json"))))
        {
            Assert.Equal(siteTitle, feed.RootElement.GetProperty("title").GetString());
            Assert.Contains(feed.RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("title").GetString() == title);
        }
        XDocument.Parse(File.ReadAllText(Path.Combine(output, "sitemap.xml")), LoadOptions.PreserveWhitespace);
        Assert.Contains("Sitemap: https://papers.example.org/sitemap.xml", File.ReadAllText(Path.Combine(output, "robots.txt")));
    }

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>Nothing from the input runs: the only scripts are the theme's files and the JSON-LD block; no handler attribute; no javascript: link.</summary>
    private static void AssertNoActiveContent(AngleSharp.Dom.IDocument page)
    {
        Assert.All(page.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src") || s.GetAttribute("type") == "application/ld+json", s.OuterHtml));
        Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(page.QuerySelectorAll("[href]"), e => e.GetAttribute("href")!.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>What a reader can see of <paramref name="text"/>: the test's own statement of the rule, not SiteGen's code.</summary>
    private static string Visible(string text)
    {
        var seen = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                seen.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                seen.Append('\uFFFD');
            }
            else if (c == '\r')
            {
                seen.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (!((c < ' ' && c != '\t' && c != '\n') || c is >= '\u007F' and <= '\u009F' or >= '\uFDD0' and <= '\uFDEF' or '\uFEFF' or '\uFFFE' or '\uFFFF'))
            {
                seen.Append(c);
            }
        }
        return seen.ToString();
    }

    /// <summary>Text as a UTF-8 file can hold it: a lone surrogate, which no file can, is U+FFFD, as an editor would save it.</summary>
    private static string InFile(string text) => string.Concat(text.EnumerateRunes().Select(r => r.ToString()));

    /// <summary>
    /// A YAML double-quoted scalar that holds exactly <paramref name="text"/>, every odd character escaped; but a lone
    /// surrogate, which YAML cannot hold (YamlDotNet stops at it with its line and column), is written as U+FFFD.
    /// </summary>
    private static string Yaml(string text)
    {
        var yaml = new StringBuilder("\"");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                yaml.Append(c).Append(text[++i]);
                continue;
            }
            yaml.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when char.IsSurrogate(c) => "\uFFFD",
                _ when c < ' ' || c is >= '\u007F' and <= '\u009F' || c is '\uFFFE' or '\uFFFF' or '\uFEFF' or '\u2028' or '\u2029'
                    => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        return yaml.Append('"').ToString();
    }

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SiteGen.Papers;
using SiteGen.Rendering;

namespace SiteGen.Tests.Papers;

/// <summary>
/// The promise of <see cref="AbstractMarkdown.FromLiteral"/>: the rendered page shows the literal text, and
/// every URL in it is a link. Compared after whitespace normalisation (every run of whitespace is one space,
/// none at the ends), because HTML does not show whitespace any other way and FromLiteral trims lines.
/// </summary>
public sealed partial class AbstractMarkdownPropertyTests
{
    private static readonly MarkdownRenderer Renderer = MarkdownRenderer.Default;
    private static readonly HtmlParser Html = new();

    [Property(MaxTest = 1000)]
    public Property PlainTextOfTheMarkdownIsTheLiteral() =>
        Prop.ForAll(Arb.From(PaperGenerators.Literal), literal =>
        {
            var markdown = AbstractMarkdown.FromLiteral(literal);
            var text = Renderer.ToPlainText(markdown);
            return (Normalize(text) == Normalize(literal)).Label($"markdown: {markdown}\ntext: {text}");
        });

    [Property(MaxTest = 1000)]
    public Property TheRenderedHtmlShowsTheLiteralAndLinksEveryUrl() =>
        Prop.ForAll(Arb.From(PaperGenerators.Literal), literal =>
        {
            var markdown = AbstractMarkdown.FromLiteral(literal);
            var html = Renderer.ToHtml(markdown);
            var document = Html.ParseDocument(html);
            var anchors = document.QuerySelectorAll("a").ToList();
            var urls = WebUrls.Find(literal).Select(url => literal.Substring(url.Start, url.Length)).ToList();
            var everyUrlLinked = urls.All(url => anchors.Any(a => a.TextContent == url && LinksTo(a.GetAttribute("href")!, url)));
            var onlyWebLinks = anchors.All(a => a.GetAttribute("href")!.StartsWith("http", StringComparison.OrdinalIgnoreCase));
            var noMarkup = document.Body!.QuerySelectorAll("*").All(e => e.LocalName is "p" or "a");
            return (Normalize(document.Body.TextContent) == Normalize(literal) && everyUrlLinked && onlyWebLinks && noMarkup)
                .Label($"markdown: {markdown}\nhtml: {html}");
        });

    /// <summary>
    /// The href is the URL as Markdig writes it: percent-encoded, an IDN host in punycode. Whether that encoding
    /// is right is Markdig's business; ours is that the link exists, shows the URL and is http(s).
    /// </summary>
    private static bool LinksTo(string href, string url) =>
        href.StartsWith(url[..url.IndexOf("://", StringComparison.Ordinal)], StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SiteGen.Rendering;
using SiteGen.Tests.Papers;

namespace SiteGen.Tests.Rendering;

/// <summary>Any Markdown, not just what SiteGen writes: raw pieces of markup, HTML, entities and URLs.</summary>
public sealed partial class MarkdownRendererPropertyTests
{
    private static readonly MarkdownRenderer Renderer = MarkdownRenderer.Default;
    private static readonly HtmlParser Html = new();

    /// <summary>
    /// Compared without whitespace: Markdig trims an image's alt text, and which blank separates two blocks is
    /// not the point here; a character lost or added is.
    /// </summary>
    [Property(MaxTest = 1000)]
    public Property PlainTextIsTheTextOfTheHtml() =>
        Prop.ForAll(Arb.From(PaperGenerators.Literal), markdown =>
        {
            var body = Html.ParseDocument(Renderer.ToHtml(markdown)).Body!;
            foreach (var image in body.QuerySelectorAll("img").ToList())
            {
                image.Replace(body.Owner!.CreateTextNode(image.GetAttribute("alt") ?? ""));
            }
            return (WithoutWhitespace(Renderer.ToPlainText(markdown)) == WithoutWhitespace(body.TextContent))
                .Label($"html: {body.InnerHtml}\ntext: {Renderer.ToPlainText(markdown)}");
        });

    [Property(MaxTest = 1000)]
    public Property NoElementOrLinkComesFromRawInput() =>
        Prop.ForAll(Arb.From(PaperGenerators.Literal), markdown =>
        {
            var body = Html.ParseDocument(Renderer.ToHtml(markdown)).Body!;
            var safeElements = body.QuerySelectorAll("*").All(e => e.LocalName is "p" or "a" or "em" or "strong" or "code"
                or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "ul" or "ol" or "li" or "blockquote" or "pre" or "hr" or "br" or "img");
            var noHandlers = body.QuerySelectorAll("*").All(e => e.Attributes.All(a => !a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
            var webOrRelativeLinks = body.QuerySelectorAll("a[href], img[src]")
                .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
                .All(url => url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                    || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                    || !url.Split('/', '?', '#')[0].Contains(':')); // relative: no scheme before the path
            return (safeElements && noHandlers && webOrRelativeLinks).Label(body.InnerHtml);
        });

    private static string WithoutWhitespace(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

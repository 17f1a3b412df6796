using AngleSharp.Html.Parser;

namespace SiteGen.Links;

/// <summary>
/// The <c>href</c> and <c>src</c> attributes of every element of an HTML page, read with AngleSharp's HTML5 parser:
/// what a browser sees, whatever the markup. <c>check</c> uses it; <c>build</c> uses the faster
/// <see cref="HtmlReferenceScanner"/> (docs/site.md, "The link check").
/// </summary>
public static class HtmlReferenceParser
{
    /// <summary>One parser per thread: a parser is cheap to keep but not documented as safe to share.</summary>
    [ThreadStatic]
    private static HtmlParser? _parser;

    public static void Parse(string html, List<string> into, Func<ReadOnlySpan<char>, string> intern)
    {
        using var document = (_parser ??= new HtmlParser()).ParseDocument(html);
        foreach (var element in document.All)
        {
            if (element.GetAttribute("href") is { } href)
            {
                into.Add(intern(href));
            }
            if (element.GetAttribute("src") is { } src)
            {
                into.Add(intern(src));
            }
        }
    }
}

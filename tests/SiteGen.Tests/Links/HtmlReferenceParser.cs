using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace SiteGen.Tests.Links;

/// <summary>
/// The <c>href</c> and <c>src</c> attributes of every element of an HTML page, read with AngleSharp's HTML5 parser:
/// what a browser sees, whatever the markup. The oracle the link check's <see cref="SiteGen.Links.HtmlReferenceScanner"/>
/// is held to.
/// </summary>
public static class HtmlReferenceParser
{
    /// <summary>One parser per thread: a parser is cheap to keep but not documented as safe to share.</summary>
    [ThreadStatic]
    private static HtmlParser? _parser;

    public static void Parse(string html, List<string> into, Func<ReadOnlySpan<char>, string> intern)
    {
        using var document = (_parser ??= new HtmlParser()).ParseDocument(html);
        foreach (var element in WithTemplateContents(document.All))
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

    /// <summary>
    /// The elements and those inside each <c>&lt;template&gt;</c>, which the DOM keeps apart but a script puts on the page:
    /// their links are links of the site.
    /// </summary>
    private static IEnumerable<IElement> WithTemplateContents(IEnumerable<IElement> elements)
    {
        foreach (var element in elements)
        {
            yield return element;
            if (element is IHtmlTemplateElement template)
            {
                foreach (var inner in WithTemplateContents(template.Content.QuerySelectorAll("*")))
                {
                    yield return inner;
                }
            }
        }
    }
}

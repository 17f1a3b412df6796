using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SiteGen.Links;

namespace SiteGen.Tests.Links;

/// <summary>
/// A theme may write any markup, and <c>build</c> and <c>check</c> both find its links with the scanner: on generated
/// templates (nested elements, inline SVG and MathML with their HTML integration points, script and style and the other raw-text elements with tags in
/// their text, comments with every ending the tokenizer knows, character references in values, bare and quoted values,
/// repeated attributes, a tag cut off at the end, plaintext, SVG and MathML ended by a breakout tag) the scanner finds the
/// references AngleSharp's HTML5 parser finds. Not generated: misnested or stray tags that the tree builder repairs (the
/// scanner's documented limit).
/// </summary>
public sealed class HtmlReferenceScannerPropertyTests
{
    private static readonly string[] Values = ["a.html", "b/", "../c.css", "d?x=1&amp;y=2", "e&ampf", "g&amp h", "&#x69;.png", "j k.html", "", "k&lt;l"];

    private static readonly Gen<string> Attribute =
        from name in Gen.Elements("href", "src", "HREF", "Src", "title", "data-href", "alt")
        from value in Gen.Elements(Values)
        from quote in Gen.Elements("\"", "'", "", "")
        from spaces in Gen.Elements("", "", " ", "\n")
        select quote.Length == 0 && (value.Length == 0 || value.Contains(' ')) ? $" {name}" : $" {name}{spaces}={spaces}{quote}{value}{quote}";

    private static readonly Gen<string> Attributes = Attribute.ListOf().Select(list => string.Concat(list.Take(3)));

    /// <summary>What the tokenizer must not take for a tag: text, comments, references, a doctype, a processing instruction.</summary>
    private static readonly Gen<string> Leaf = Gen.Elements(
        "text", " ", "&lt;a href=\"no.html\"&gt;", "a &amp; b", "<!-- <a href=\"c1.html\"> -->", "<!-->", "<!--->",
        "<!-- --!><a href=\"after-bang.html\"></a>", "<!---->", "<!-- -- -->", "<!DOCTYPE html>", "<?php echo '<a href=\"pi.html\">' ?>",
        "< a href=\"sp.html\">", "<3", "</>");

    /// <summary>Elements whose text runs to their end tag, with markup-like text inside.</summary>
    private static readonly Gen<string> TextElement =
        from name in Gen.Elements("script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title", "SCRIPT")
        from attributes in Attributes
        from text in Gen.Elements("", "var a = '<a href=\"in-text.html\">';", "</scrip <img src=\"x.png\">", "<!-- <a href=\"c2.html\"> -->", "a < b")
        select $"<{name}{attributes}>{text}</{name}>";

    private static Gen<string> Element(int size, bool foreign) =>
        size <= 0
            ? foreign ? Gen.OneOf(Leaf, Gen.Constant("<![CDATA[ <a href=\"cdata.html\"> ]]>")) : Gen.OneOf(Leaf, TextElement)
            : Gen.Frequency(
                (3, Element(0, foreign)),
                (3, from name in foreign ? Gen.Elements("a", "image", "use", "g", "title", "style", "script", "text", "foreignObject", "desc", "mi", "mtext") : Gen.Elements("a", "div", "span", "p", "A", "template", "noscript", "table")
                    from attributes in Attributes
                    from children in Element(size / 3, foreign).ListOf().Select(c => string.Concat(c.Take(4)))
                    select $"<{name}{attributes}>{children}</{name}>"),
                // In foreign content, not <img> or <br>: they end every foreign element open (breakouts), and the end
                // tags that follow would be stray ones, which the tree builder repairs (in an integration point, a stray
                // </svg> closes an <svg> further out).
                (2, from name in foreign ? Gen.Elements("link", "image", "source") : Gen.Elements("img", "link", "image", "br", "source")
                    from attributes in Attributes
                    from end in Gen.Elements(">", "/>", " >")
                    select $"<{name}{attributes}{end}"),
                // SVG or MathML, ended by its end tag or, in HTML content, by a breakout, which closes it and every
                // foreign element inside it.
                (1, from name in Gen.Elements("svg", "math")
                    from attributes in Attributes
                    from children in Element(size / 3, foreign: true).ListOf().Select(c => string.Concat(c.Take(4)))
                    from end in foreign ? Gen.Constant($"</{name}>") : Gen.Elements($"</{name}>", $"</{name}>", "<img/>", "<br>", "<p>text</p>")
                    select $"<{name}{attributes}>{children}{end}"));

    private static readonly Gen<string> Page =
        from body in Gen.Sized(size => Element(size, foreign: false).ListOf()).Select(string.Concat)
        from end in Gen.Elements("", "", "<a href=\"cut.html\"", "<img src=x.png alt='", "<plaintext><a href=\"in-plaintext.html\">")
        select "<!DOCTYPE html><html><head><link rel=stylesheet href=site.css></head><body>" + body + end;

    [Property(MaxTest = 3000)]
    public Property FindsWhatAnHtml5ParserFinds() =>
        Prop.ForAll(Arb.From(Page), html =>
        {
            var scanned = new List<string>();
            HtmlReferenceScanner.Scan(html, scanned, span => span.ToString());
            var parsed = new List<string>();
            HtmlReferenceParser.Parse(html, parsed, span => span.ToString());
            // As a set, as the link check keeps them: the tree builder clones an <a> it reopens, with its href, and moves
            // what a table cannot hold before the table.
            return scanned.Distinct().Order(StringComparer.Ordinal).SequenceEqual(parsed.Distinct().Order(StringComparer.Ordinal)).Label(
                $"html: {html.ReplaceLineEndings("⏎")}\nscanner: {string.Join(" | ", scanned)}\nAngleSharp: {string.Join(" | ", parsed)}");
        });
}

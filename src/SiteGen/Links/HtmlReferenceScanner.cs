using AngleSharp.Html.Parser;

namespace SiteGen.Links;

/// <summary>
/// Finds the <c>href</c> and <c>src</c> attributes of every element of an HTML page in one pass over its text,
/// without building a document: <c>build</c> runs it on every page as it renders it, and <c>check</c> runs it too, so
/// both report the same links. It reads markup the way the HTML5 tokenizer does: quoted and bare values, comments
/// (with their odd endings), the raw text of script, style and their kin, the text of title and textarea, plaintext,
/// CDATA in SVG and MathML, a tag cut off by the end of the page. Tests hold it to AngleSharp's HTML5 parser on every
/// page of the default site and on generated markup. What it does not model is the tree builder's dropping of a few
/// misplaced tags (an <c>&lt;a&gt;</c> inside <c>&lt;select&gt;</c>): a browser shows no link there, the scanner reports one.
/// </summary>
internal static class HtmlReferenceScanner
{
    /// <summary>Start tags that end SVG or MathML content (the HTML standard's "breakout" list; font only with attributes).</summary>
    private static readonly HashSet<string> Breakouts = new(StringComparer.OrdinalIgnoreCase)
    {
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3",
        "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s",
        "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BreakoutNames = Breakouts.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>One list of open foreign elements per thread, emptied for each page (a page scan is on every page of every build).</summary>
    [ThreadStatic]
    private static List<Context>? _contexts;

    /// <summary>One parser per thread, for the rare value with a character reference (see <see cref="Decode"/>).</summary>
    [ThreadStatic]
    private static HtmlParser? _parser;

    /// <summary>Adds each reference of <paramref name="text"/> (a page's HTML) to <paramref name="into"/>, in document order, as <paramref name="intern"/> makes it a string.</summary>
    public static void Scan(ReadOnlySpan<char> text, List<string> into, Func<ReadOnlySpan<char>, string> intern)
    {
        var i = 0;
        // The open <svg> and <math> elements (foreign: XML-like, CDATA, no raw text) and the HTML integration points
        // inside them (an SVG <title>, <desc>, <foreignObject>; a MathML <mi>...), whose content is HTML again; for an
        // integration point, the HTML elements of its own name open inside it: "</mi>" closes the innermost <mi>.
        var contexts = _contexts ??= [];
        contexts.Clear();
        while (i < text.Length)
        {
            var open = text[i..].IndexOf('<');
            if (open < 0)
            {
                return;
            }
            i += open + 1;
            if (i >= text.Length)
            {
                return;
            }
            var foreign = contexts.Count > 0 && contexts[^1].Foreign;
            if (text[i..].StartsWith("!--", StringComparison.Ordinal))
            {
                i = SkipComment(text, i + 3);
            }
            else if (foreign && text[i..].StartsWith("![CDATA[", StringComparison.Ordinal))
            {
                i = SkipPast(text, i, "]]>");
            }
            else if (char.IsAsciiLetter(text[i]))
            {
                i = ReadStartTag(text, i, into, intern, contexts);
            }
            else if (text[i] == '/' && i + 1 < text.Length && char.IsAsciiLetter(text[i + 1]))
            {
                // An end tag (browsers ignore attributes there) may close a foreign element or an integration point.
                var name = NameAt(text, i + 1);
                if (contexts.Count > 0 && !foreign && contexts[^1].SameNamed > 0 && name.Equals(contexts[^1].Name, StringComparison.OrdinalIgnoreCase))
                {
                    contexts[^1] = contexts[^1] with { SameNamed = contexts[^1].SameNamed - 1 };
                }
                else if (contexts.Count > 0 && (foreign ? IsForeignRoot(name) : name.Equals(contexts[^1].Name, StringComparison.OrdinalIgnoreCase)))
                {
                    contexts.RemoveAt(contexts.Count - 1);
                }
                i = SkipPast(text, i, ">");
            }
            else if (text[i] is '!' or '/' or '?')
            {
                // A doctype or a bogus comment ("</>" is nothing, but ends at '>' too).
                i = SkipPast(text, i, ">");
            }
        }
    }

    /// <summary>Reads a start tag from its name on; returns where the text after it (or after a raw-text element) starts.</summary>
    private static int ReadStartTag(ReadOnlySpan<char> text, int i, List<string> into, Func<ReadOnlySpan<char>, string> intern, List<Context> contexts)
    {
        var name = NameAt(text, i);
        i += name.Length;
        // Found values wait for the tag's '>': a tag cut off by the end of the page is no tag.
        string? href = null, src = null;
        bool hasAttributes = false, closed = false, selfClosing = false;
        while (i < text.Length)
        {
            while (i < text.Length && (IsSpace(text[i]) || text[i] == '/'))
            {
                selfClosing = text[i] == '/';
                i++;
            }
            if (i >= text.Length)
            {
                break;
            }
            if (text[i] == '>')
            {
                i++;
                closed = true;
                break;
            }
            selfClosing = false;
            hasAttributes = true;
            var attributeStart = i;
            // The first character may be '=' (the tokenizer takes it as part of the name).
            i++;
            while (i < text.Length && !IsSpace(text[i]) && text[i] is not ('>' or '/' or '='))
            {
                i++;
            }
            var attribute = text[attributeStart..i];
            while (i < text.Length && IsSpace(text[i]))
            {
                i++;
            }
            ReadOnlySpan<char> value = [];
            var quote = '\0';
            if (i < text.Length && text[i] == '=')
            {
                i++;
                while (i < text.Length && IsSpace(text[i]))
                {
                    i++;
                }
                var (start, length) = ReadValue(text, ref i, out quote);
                value = text.Slice(start, length);
            }
            // Only the first of a repeated attribute counts, as in the DOM; a name alone has the empty value. Only these
            // values become strings: a page has many more attributes than links.
            if (href is null && attribute.Equals("href", StringComparison.OrdinalIgnoreCase))
            {
                href = Decoded(value, quote, intern);
            }
            else if (src is null && attribute.Equals("src", StringComparison.OrdinalIgnoreCase))
            {
                src = Decoded(value, quote, intern);
            }
        }
        if (!closed)
        {
            return text.Length;
        }
        if (href is not null)
        {
            into.Add(href);
        }
        if (src is not null)
        {
            into.Add(src);
        }
        if (contexts.Count > 0 && contexts[^1].Foreign)
        {
            if (BreakoutNames.Contains(name) || (hasAttributes && name.Equals("font", StringComparison.OrdinalIgnoreCase)))
            {
                // Back to the nearest HTML content: the foreign elements are closed.
                while (contexts.Count > 0 && contexts[^1].Foreign)
                {
                    contexts.RemoveAt(contexts.Count - 1);
                }
            }
            else if (!selfClosing && (IsForeignRoot(name) || IsIntegrationPoint(contexts[^1].Name, name)))
            {
                // An <svg> or <math> inside foreign content is an element of the namespace it is in (its name says nothing).
                contexts.Add(IsForeignRoot(name) ? contexts[^1] with { SameNamed = 0 } : new Context(name.ToString(), Foreign: false));
            }
            return i;
        }
        var kind = KindOf(name);
        if (kind == Kind.Other && contexts.Count > 0 && name.Equals(contexts[^1].Name, StringComparison.OrdinalIgnoreCase))
        {
            // An HTML element named like the integration point it is in (its "/>" means nothing in HTML): its end tag is its own.
            contexts[^1] = contexts[^1] with { SameNamed = contexts[^1].SameNamed + 1 };
        }
        switch (kind)
        {
            case Kind.ForeignRoot when !selfClosing:
                contexts.Add(new Context(name.ToString(), Foreign: true));
                return i;
            case Kind.Text:
                return SkipPastEndTag(text, i, name);
            case Kind.Plaintext:
                return text.Length;
            default:
                return i;
        }
    }

    private enum Kind { Other, ForeignRoot, Text, Plaintext }

    /// <summary>
    /// An open foreign element, named by its namespace's root ("svg" or "math"), or an integration point, by its own name
    /// (see <see cref="Scan"/>).
    /// </summary>
    private readonly record struct Context(string Name, bool Foreign, int SameNamed = 0);

    /// <summary>What a start tag opens in HTML content; by length first, as it runs on every tag of every page.</summary>
    private static Kind KindOf(ReadOnlySpan<char> name) => name.Length switch
    {
        3 when Is(name, "svg") => Kind.ForeignRoot,
        3 when Is(name, "xmp") => Kind.Text,
        4 when Is(name, "math") => Kind.ForeignRoot,
        5 when Is(name, "style") || Is(name, "title") => Kind.Text,
        6 when Is(name, "script") || Is(name, "iframe") => Kind.Text,
        7 when Is(name, "noembed") => Kind.Text,
        8 when Is(name, "noframes") || Is(name, "textarea") => Kind.Text,
        9 when Is(name, "plaintext") => Kind.Plaintext,
        _ => Kind.Other,
    };

    private static bool Is(ReadOnlySpan<char> name, string element) => name.Equals(element, StringComparison.OrdinalIgnoreCase);

    /// <summary>Where an attribute's value is as written, from its first character on (a quote or not); moves past it.</summary>
    private static (int Start, int Length) ReadValue(ReadOnlySpan<char> text, ref int i, out char quote)
    {
        quote = i < text.Length && text[i] is '"' or '\'' ? text[i] : '\0';
        if (quote != '\0')
        {
            var end = text[(i + 1)..].IndexOf(quote);
            end = end < 0 ? text.Length : i + 1 + end;
            var quoted = (i + 1, end - (i + 1));
            i = Math.Min(end + 1, text.Length);
            return quoted;
        }
        var valueStart = i;
        while (i < text.Length && !IsSpace(text[i]) && text[i] != '>')
        {
            i++;
        }
        return (valueStart, i - valueStart);
    }

    private static string Decoded(ReadOnlySpan<char> value, char quote, Func<ReadOnlySpan<char>, string> intern) =>
        value.Contains('&') ? intern(Decode(value, quote)) : intern(value);

    /// <summary>
    /// A value with a character reference, decoded as the tokenizer decodes attribute values (2,231 named references, some
    /// without their ';', which count only when no letter, digit or '=' follows): by the HTML5 parser itself, on a tag
    /// holding just this value. Rare in rendered pages (query strings), so the cost does not matter.
    /// </summary>
    private static string Decode(ReadOnlySpan<char> value, char quote)
    {
        var tag = quote == '\0' ? $"<a href={value}>" : $"<a href={quote}{value}{quote}>";
        using var document = (_parser ??= new HtmlParser()).ParseDocument(tag);
        return document.Body?.FirstElementChild?.GetAttribute("href") ?? value.ToString();
    }

    /// <summary>An element of SVG (<paramref name="root"/> "svg") or MathML whose content is HTML.</summary>
    private static bool IsIntegrationPoint(string root, ReadOnlySpan<char> name) =>
        root.Equals("svg", StringComparison.OrdinalIgnoreCase)
            ? name.Equals("title", StringComparison.OrdinalIgnoreCase) || name.Equals("desc", StringComparison.OrdinalIgnoreCase) || name.Equals("foreignObject", StringComparison.OrdinalIgnoreCase)
            : name is "mi" or "mo" or "mn" or "ms" or "mtext";

    private static bool IsForeignRoot(ReadOnlySpan<char> name) => KindOf(name) == Kind.ForeignRoot;

    /// <summary>A tag's name: up to white space, '/' or '>'.</summary>
    private static ReadOnlySpan<char> NameAt(ReadOnlySpan<char> text, int i)
    {
        var end = i;
        while (end < text.Length && !IsSpace(text[end]) && text[end] is not ('>' or '/'))
        {
            end++;
        }
        return text[i..end];
    }

    /// <summary>Past a comment's end from its text on: "-->", or "--!>", or at once for "&lt;!--&gt;" and "&lt;!---&gt;".</summary>
    private static int SkipComment(ReadOnlySpan<char> text, int i)
    {
        if (text[i..].StartsWith(">", StringComparison.Ordinal))
        {
            return i + 1;
        }
        if (text[i..].StartsWith("->", StringComparison.Ordinal))
        {
            return i + 2;
        }
        for (var at = i; at < text.Length; at++)
        {
            if (text[at] == '-' && text[at..].StartsWith("--", StringComparison.Ordinal))
            {
                var after = text[(at + 2)..];
                if (after.StartsWith(">", StringComparison.Ordinal))
                {
                    return at + 3;
                }
                if (after.StartsWith("!>", StringComparison.Ordinal))
                {
                    return at + 4;
                }
            }
        }
        return text.Length;
    }

    /// <summary>Past the end tag of the raw-text element <paramref name="name"/>, from its content on.</summary>
    private static int SkipPastEndTag(ReadOnlySpan<char> text, int i, ReadOnlySpan<char> name)
    {
        while (i < text.Length)
        {
            var close = text[i..].IndexOf("</", StringComparison.Ordinal);
            if (close < 0)
            {
                return text.Length;
            }
            i += close;
            var after = i + 2 + name.Length;
            if (after <= text.Length && text.Slice(i + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                && (after == text.Length || IsSpace(text[after]) || text[after] is '>' or '/'))
            {
                return SkipPast(text, after, ">");
            }
            i += 2;
        }
        return i;
    }

    private static int SkipPast(ReadOnlySpan<char> text, int i, string end)
    {
        var at = text[i..].IndexOf(end, StringComparison.Ordinal);
        return at < 0 ? text.Length : i + at + end.Length;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}

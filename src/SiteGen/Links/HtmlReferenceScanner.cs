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
    /// <summary>Elements whose content is text up to their end tag (RAWTEXT and RCDATA; entities do not matter here).</summary>
    private static readonly string[] TextElements = ["script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title"];

    /// <summary>Start tags that end SVG or MathML content (the HTML standard's "breakout" list; font only with attributes).</summary>
    private static readonly HashSet<string> Breakouts = new(StringComparer.OrdinalIgnoreCase)
    {
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3",
        "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s",
        "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var",
    };

    /// <summary>One parser per thread, for the rare value with a character reference (see <see cref="Decode"/>).</summary>
    [ThreadStatic]
    private static HtmlParser? _parser;

    /// <summary>Adds each reference of <paramref name="text"/> (a page's HTML) to <paramref name="into"/>, in document order, as <paramref name="intern"/> makes it a string.</summary>
    public static void Scan(ReadOnlySpan<char> text, List<string> into, Func<ReadOnlySpan<char>, string> intern)
    {
        var i = 0;
        // The open <svg> and <math> elements (foreign: XML-like, CDATA, no raw text) and the HTML integration points
        // inside them (an SVG <title>, <desc>, <foreignObject>; a MathML <mi>...), whose content is HTML again.
        var contexts = new List<(string Name, bool Foreign)>();
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
                if (contexts.Count > 0 && (foreign ? IsForeignRoot(name) : name.Equals(contexts[^1].Name, StringComparison.OrdinalIgnoreCase)))
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
    private static int ReadStartTag(ReadOnlySpan<char> text, int i, List<string> into, Func<ReadOnlySpan<char>, string> intern, List<(string Name, bool Foreign)> contexts)
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
            var value = intern([]);
            if (i < text.Length && text[i] == '=')
            {
                i++;
                while (i < text.Length && IsSpace(text[i]))
                {
                    i++;
                }
                value = ReadValue(text, ref i, intern);
            }
            // Only the first of a repeated attribute counts, as in the DOM; a name alone has the empty value.
            if (href is null && attribute.Equals("href", StringComparison.OrdinalIgnoreCase))
            {
                href = value;
            }
            else if (src is null && attribute.Equals("src", StringComparison.OrdinalIgnoreCase))
            {
                src = value;
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
            if (Breakouts.Contains(name.ToString()) || (hasAttributes && name.Equals("font", StringComparison.OrdinalIgnoreCase)))
            {
                // Back to the nearest HTML content: the foreign elements are closed.
                while (contexts.Count > 0 && contexts[^1].Foreign)
                {
                    contexts.RemoveAt(contexts.Count - 1);
                }
            }
            else if (!selfClosing && (IsForeignRoot(name) || IsIntegrationPoint(contexts[^1].Name, name)))
            {
                contexts.Add((name.ToString(), IsForeignRoot(name)));
            }
            return i;
        }
        if (IsForeignRoot(name))
        {
            if (!selfClosing)
            {
                contexts.Add((name.ToString(), true));
            }
            return i;
        }
        if (name.Equals("plaintext", StringComparison.OrdinalIgnoreCase))
        {
            return text.Length;
        }
        foreach (var element in TextElements)
        {
            if (name.Equals(element, StringComparison.OrdinalIgnoreCase))
            {
                return SkipPastEndTag(text, i, name);
            }
        }
        return i;
    }

    /// <summary>An attribute's value from its first character on (a quote or not), decoded; moves past it.</summary>
    private static string ReadValue(ReadOnlySpan<char> text, ref int i, Func<ReadOnlySpan<char>, string> intern)
    {
        ReadOnlySpan<char> value;
        var quote = i < text.Length && text[i] is '"' or '\'' ? text[i] : '\0';
        if (quote != '\0')
        {
            var end = text[(i + 1)..].IndexOf(quote);
            end = end < 0 ? text.Length : i + 1 + end;
            value = text[(i + 1)..end];
            i = Math.Min(end + 1, text.Length);
        }
        else
        {
            var valueStart = i;
            while (i < text.Length && !IsSpace(text[i]) && text[i] != '>')
            {
                i++;
            }
            value = text[valueStart..i];
        }
        return value.Contains('&') ? intern(Decode(value, quote)) : intern(value);
    }

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

    private static bool IsForeignRoot(ReadOnlySpan<char> name) =>
        name.Equals("svg", StringComparison.OrdinalIgnoreCase) || name.Equals("math", StringComparison.OrdinalIgnoreCase);

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

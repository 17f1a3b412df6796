using System.Net;

namespace SiteGen.Links;

/// <summary>
/// Finds the <c>href</c> and <c>src</c> attributes of every element of an HTML page in one pass over its text,
/// without building a document: the link check of <c>build</c> runs it on every page as it is rendered. It reads
/// tags the way the HTML tokenizer does (quoted and bare values, comments, the raw text of script and style,
/// entities in values), which is all the pages SiteGen renders need; <c>check</c> parses with AngleSharp instead,
/// and a test holds that both find the same references on every page of the default site.
/// </summary>
public static class HtmlReferenceScanner
{
    /// <summary>Adds each reference of <paramref name="text"/> (a page's HTML) to <paramref name="into"/>, in document order, as <paramref name="intern"/> makes it a string.</summary>
    public static void Scan(ReadOnlySpan<char> text, List<string> into, Func<ReadOnlySpan<char>, string> intern)
    {
        var i = 0;
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
            if (text[i..].StartsWith("!--", StringComparison.Ordinal))
            {
                i = SkipPast(text, i + 3, "-->");
            }
            else if (char.IsAsciiLetter(text[i]))
            {
                i = ReadStartTag(text, i, into, intern);
            }
            else if (text[i] is '!' or '/' or '?')
            {
                // A doctype, an end tag (browsers ignore attributes there) or a bogus comment.
                i = SkipPast(text, i, ">");
            }
        }
    }

    /// <summary>Reads a start tag from its name on; returns where the text after it starts.</summary>
    private static int ReadStartTag(ReadOnlySpan<char> text, int i, List<string> into, Func<ReadOnlySpan<char>, string> intern)
    {
        var nameStart = i;
        while (i < text.Length && !IsSpace(text[i]) && text[i] is not ('>' or '/'))
        {
            i++;
        }
        var name = text[nameStart..i];
        bool sawHref = false, sawSrc = false;
        while (i < text.Length)
        {
            while (i < text.Length && (IsSpace(text[i]) || text[i] == '/'))
            {
                i++;
            }
            if (i >= text.Length)
            {
                break;
            }
            if (text[i] == '>')
            {
                i++;
                break;
            }
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
            if (i >= text.Length || text[i] != '=')
            {
                continue;
            }
            i++;
            while (i < text.Length && IsSpace(text[i]))
            {
                i++;
            }
            ReadOnlySpan<char> value;
            if (i < text.Length && text[i] is '"' or '\'')
            {
                var quote = text[i];
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
            // Only the first of a repeated attribute counts, as in the DOM.
            var isHref = !sawHref && attribute.Equals("href", StringComparison.OrdinalIgnoreCase);
            var isSrc = !sawSrc && attribute.Equals("src", StringComparison.OrdinalIgnoreCase);
            if (isHref || isSrc)
            {
                sawHref |= isHref;
                sawSrc |= isSrc;
                into.Add(value.Contains('&') ? intern(WebUtility.HtmlDecode(value.ToString())) : intern(value));
            }
        }
        // Script and style hold raw text up to their end tag: a '<' in there starts no tag.
        if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
        {
            i = SkipToEndTag(text, i, name);
        }
        return i;
    }

    private static int SkipToEndTag(ReadOnlySpan<char> text, int i, ReadOnlySpan<char> name)
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
                return i;
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

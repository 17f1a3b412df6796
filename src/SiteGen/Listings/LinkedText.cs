using System.Text;
using SiteGen.Text;

namespace SiteGen.Listings;

/// <summary>
/// A capture's text with its links taken out, so a reader can look at lines: each Markdown link (<c>[text](url)</c>) or
/// text-dump reference (<c>[text][12]</c>, resolved through the dump's numbered list at its end) becomes a marker in the
/// line where it starts, its text (whitespace collapsed, images and image placeholders left out) and URL kept aside. A
/// link's text may span lines (<c>[Upvote\n\n117](...)</c>); the marker stands where it began. Images (<c>![alt](url)</c>)
/// go. Brackets are matched in one pass, so any input, however odd, is read in linear time.
/// </summary>
internal sealed class LinkedText
{
    /// <summary>Starts and ends a marker: private-use characters, which no capture holds (and would be dropped if one did).</summary>
    public const char Open = '\uE000';
    public const char Close = '\uE001';

    /// <summary>A link's text is at most this long; a longer one is text with a stray bracket.</summary>
    private const int MaxLinkText = 20_000;

    private const int MaxUrl = 2_000;

    public List<(int Number, string Text)> Lines { get; } = [];

    public List<(string Text, string Url)> Links { get; } = [];

    /// <param name="references">A text dump's numbered links (<c>12</c> to its URL); empty for Markdown.</param>
    public static LinkedText Parse(string text, IReadOnlyDictionary<string, string> references)
    {
        var linked = new LinkedText();
        var closing = Matches(text, '[', ']');
        var closingParen = Matches(text, '(', ')');
        var line = new StringBuilder();
        var number = 1;
        var lineStart = 1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                linked.Lines.Add((lineStart, line.ToString()));
                line.Clear();
                number++;
                lineStart = number;
                i++;
                continue;
            }
            if (c == '[' || (c == '!' && i + 1 < text.Length && text[i + 1] == '['))
            {
                var image = c == '!';
                var open = image ? i + 1 : i;
                if (TryLink(text, open, closing, closingParen, references, out var label, out var url, out var end))
                {
                    if (!image)
                    {
                        line.Append(Open).Append(linked.Links.Count).Append(Close);
                        linked.Links.Add((Clean(label), url));
                    }
                    number += Newlines(text, i, end);
                    i = end;
                    continue;
                }
            }
            line.Append(c);
            i++;
        }
        linked.Lines.Add((lineStart, line.ToString()));
        return linked;
    }

    /// <summary>A line with each marker replaced by its link's text, and HTML entities (<c>&amp;amp;</c>) read as what they mean.</summary>
    public string Plain(string line)
    {
        if (line.IndexOf(Open) < 0)
        {
            return Decode(line);
        }
        var plain = new StringBuilder(line.Length);
        foreach (var (text, link) in Pieces(line))
        {
            plain.Append(link is { } l ? Links[l].Text : Decode(text));
        }
        return plain.ToString();
    }

    /// <summary>What a converter left as an entity (<c>R&amp;amp;D</c>) is the character it stands for.</summary>
    private static string Decode(string text) => text.Contains('&') ? System.Net.WebUtility.HtmlDecode(text) : text;

    /// <summary>The pieces of a line in order: text, or a link (by index).</summary>
    public static IEnumerable<(string Text, int? Link)> Pieces(string line)
    {
        var start = 0;
        while (start < line.Length)
        {
            var open = line.IndexOf(Open, start);
            if (open < 0)
            {
                yield return (line[start..], null);
                yield break;
            }
            if (open > start)
            {
                yield return (line[start..open], null);
            }
            var close = line.IndexOf(Close, open);
            yield return ("", int.Parse(line.AsSpan(open + 1, close - open - 1), System.Globalization.CultureInfo.InvariantCulture));
            start = close + 1;
        }
    }

    /// <summary>The links of a line, in order.</summary>
    public IEnumerable<(string Text, string Url)> LinksOf(string line) =>
        Pieces(line).Where(p => p.Link is not null).Select(p => Links[p.Link!.Value]);

    /// <summary>The one link a line holds and nothing else but white space, Markdown heading marks and list bullets.</summary>
    public (string Text, string Url)? OnlyLink(string line)
    {
        (string, string)? only = null;
        foreach (var (text, link) in Pieces(line))
        {
            if (link is { } l)
            {
                if (only is not null)
                {
                    return null;
                }
                only = Links[l];
            }
            else if (text.AsSpan().Trim().TrimStart("#*-•+ ").Length > 0)
            {
                return null;
            }
        }
        return only;
    }

    private static bool TryLink(string text, int open, BracketPairs closing, BracketPairs closingParen, IReadOnlyDictionary<string, string> references,
        out string label, out string url, out int end)
    {
        (label, url, end) = ("", "", open);
        var close = closing[open];
        if (close < 0 || close - open > MaxLinkText || close + 1 >= text.Length)
        {
            return false;
        }
        label = text[(open + 1)..close];
        var next = text[close + 1];
        if (next == '(')
        {
            var shut = closingParen[close + 1];
            if (shut < 0 || shut - close > MaxUrl)
            {
                return false;
            }
            var destination = text[(close + 2)..shut].Trim();
            // [text](url "title") and [text](<url>)
            var space = destination.IndexOfAny([' ', '\t', '\n']);
            url = (space < 0 ? destination : destination[..space]).Trim('<', '>');
            end = shut + 1;
            return true;
        }
        if (next == '[')
        {
            var shut = text.IndexOf(']', close + 2, Math.Min(12, text.Length - close - 2));
            if (shut < 0)
            {
                return false;
            }
            var key = text[(close + 2)..shut];
            if (key.Length == 0 || !key.All(char.IsAsciiDigit))
            {
                return false;
            }
            url = references.GetValueOrDefault(key) ?? "";
            end = shut + 1;
            return true;
        }
        return false;
    }

    /// <summary>
    /// A link's text as a reader sees it, in one pass: images (<c>![alt](url)</c>) dropped, inner links' text kept without
    /// their URLs, an image's placeholder at the start (<c>[图片：x] Kandinsky Lab</c>, <c>[microsoft] Microsoft</c>) dropped,
    /// other brackets dropped, white space collapsed.
    /// </summary>
    private static string Clean(string label)
    {
        if (label.IndexOf('[') < 0 && label.IndexOf('!') < 0)
        {
            return Decode(Whitespace.Collapse(label));
        }
        var closing = Matches(label, '[', ']');
        var closingParen = Matches(label, '(', ')');
        var text = new StringBuilder(label.Length);
        var atStart = true;
        for (var i = 0; i < label.Length; i++)
        {
            var c = label[i];
            if (c == '!' && i + 1 < label.Length && label[i + 1] == '[' && closing[i + 1] is var shut and > 0
                && shut + 1 < label.Length && label[shut + 1] == '(' && closingParen[shut + 1] is var end and > 0)
            {
                i = end; // an image, alt text and all
                continue;
            }
            if (c == '[' && closing[i] is var close and > 0)
            {
                var isLink = close + 1 < label.Length && label[close + 1] == '(' && closingParen[close + 1] > 0;
                if (!isLink && atStart)
                {
                    i = close; // a placeholder of an image before the text
                    continue;
                }
                continue; // the bracket goes, the text stays
            }
            if (c == ']' && i + 1 < label.Length && label[i + 1] == '(' && closingParen[i + 1] is var after and > 0)
            {
                i = after; // an inner link's URL
                continue;
            }
            if (c is '[' or ']')
            {
                continue;
            }
            if (!char.IsWhiteSpace(c))
            {
                atStart = false;
            }
            text.Append(c);
        }
        return Decode(Whitespace.Collapse(text.ToString()));
    }

    /// <summary>For each opening bracket, where its match closes (nested pairs matched); -1 when none.</summary>
    private static BracketPairs Matches(string text, char open, char close)
    {
        var matches = new Dictionary<int, int>();
        var stack = new Stack<int>();
        // Only the brackets are visited: the text between them is skipped by a vectorized search.
        for (var i = text.AsSpan().IndexOfAny(open, close); i >= 0; i = NextOf(text, i + 1, open, close))
        {
            if (text[i] == open)
            {
                stack.Push(i);
            }
            else if (stack.TryPop(out var at))
            {
                matches[at] = i;
            }
        }
        return new BracketPairs(matches);
    }

    private static int NextOf(string text, int from, char open, char close) =>
        text.AsSpan(from).IndexOfAny(open, close) is var next and >= 0 ? from + next : -1;

    /// <summary>
    /// Where each opening bracket's match is, kept for the brackets only: a listing's whole text is parsed at once, and
    /// an array as long as the text, two per listing, was most of what reading the listings allocated.
    /// </summary>
    private readonly struct BracketPairs(Dictionary<int, int> closeOf)
    {
        public int this[int open] => closeOf.TryGetValue(open, out var close) ? close : -1;
    }

    private static int Newlines(string text, int from, int to) => text.AsSpan(from, to - from).Count('\n');
}

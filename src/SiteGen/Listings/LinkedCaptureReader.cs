using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using SiteGen.Diagnostics;
using SiteGen.Papers;
using SiteGen.Text;

namespace SiteGen.Listings;

/// <summary>
/// A listing saved as Markdown (Firecrawl, Jina Reader, MarkItDown, html2text...) or as a text-mode browser's dump
/// (<c>lynx -dump</c>, <c>w3m -dump</c>), read through its links (<see cref="LinkedText"/>). A card starts where a heading's
/// whole text is a link to a paper (<c>### [Title](https://huggingface.co/papers/2405.07960)</c>, <c>### [Title][32]</c>),
/// or a collection's item links to one; a card whose title links nowhere known must show a card's shape (an abstract, or
/// authors or a date) to be a paper. Its fields are read where they stand: the abstract below the title, <c>N authors</c>,
/// an organization's link before <c>·</c>, the date and the comment count after it, the upvote box (a login link to the
/// paper, or a bare count before the title in a dump), <c>GitHub 3.29k</c>, <c>arXiv Page</c>. Navigation, headers, footers,
/// comments and "recommended papers" lists are not cards. A card shown twice (desktop and mobile markup) is one paper.
/// </summary>
internal static partial class LinkedCaptureReader
{
    /// <summary>True when the text is Markdown with links: Markdown links, or a Jina Reader header.</summary>
    public static bool LooksLikeMarkdown(string text) =>
        InlineLink().Count(text.AsSpan(0, Math.Min(text.Length, 200_000))) >= 2 || text.Contains("\nMarkdown Content:", StringComparison.Ordinal);

    /// <summary>True when the text is a text-mode browser's dump: labels with numbered references, <c>[Title][32]</c>.</summary>
    public static bool LooksLikeTextDump(string text) =>
        ReferenceLink().Count(text.AsSpan(0, Math.Min(text.Length, 200_000))) >= 3;

    public static ListingParseResult Read(string path, string text, CaptureFormat format, int? captureYear)
    {
        var references = format == CaptureFormat.TextDump ? References(text) : new Dictionary<string, string>();
        var linked = LinkedText.Parse(text, references);
        var header = CaptureHeader.Read([.. linked.Lines.Select(l => l.Text)]);
        var kind = header.Url is { } url ? CaptureKinds.OfUrl(url) : null;
        var warnings = new List<Diagnostic>();
        if (kind == "paper" || PaperPageReader.IsPaperPage(linked))
        {
            var page = PaperPageReader.Read(path, linked, header, captureYear, warnings);
            return Result(page.Entries, warnings, format, "paper", linked, page.Used);
        }
        var (cards, used) = Cards(linked, header);
        var entries = CapturedCards.Finish(path, cards, captureYear, header.CapturedOn, warnings);
        return Result(entries, warnings, format, kind ?? KindOf(linked), linked, used);
    }

    private static ListingParseResult Result(List<ListingEntry> entries, List<Diagnostic> warnings, CaptureFormat format, string? kind,
        LinkedText linked, IReadOnlyList<(int First, int Last)> used) =>
        new([.. entries], [.. warnings.OrderBy(w => w.Line)])
        {
            Format = format,
            PageKind = kind,
            Skipped = Skipped(linked.Lines.Count == 0 ? 0 : linked.Lines[^1].Number, used),
        };

    /// <summary>The line ranges not in <paramref name="used"/>.</summary>
    internal static ImmutableArray<(int, int)> Skipped(int lastLine, IReadOnlyList<(int First, int Last)> used)
    {
        var skipped = ImmutableArray.CreateBuilder<(int, int)>();
        var next = 1;
        foreach (var (first, last) in used.OrderBy(u => u.First))
        {
            if (first > next)
            {
                skipped.Add((next, first - 1));
            }
            next = Math.Max(next, last + 1);
        }
        if (next <= lastLine)
        {
            skipped.Add((next, lastLine));
        }
        return skipped.ToImmutable();
    }

    /// <summary>The cards of a listing, and the line range of each.</summary>
    private static (List<ListingCard> Cards, List<(int, int)> Used) Cards(LinkedText linked, CaptureHeader header)
    {
        var lines = linked.Lines;
        var anchors = new List<(int Index, ListingCard Card)>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Number <= header.EndLine)
            {
                continue;
            }
            if (Anchor(linked, lines[i]) is { } card)
            {
                anchors.Add((i, card));
            }
        }
        var cards = new List<ListingCard>();
        var used = new List<(int, int)>();
        for (var k = 0; k < anchors.Count; k++)
        {
            var (start, card) = anchors[k];
            var end = k + 1 < anchors.Count ? anchors[k + 1].Index : lines.Count;
            // A dump's upvote box stands before its title: a bare count (or "-") just above the next card is the next card's.
            if (k + 1 < anchors.Count && UpvoteBoxBefore(linked, end, start + 1) is ({ } box, var boxLine))
            {
                anchors[k + 1].Card.Upvotes ??= CountOf(box);
                end = boxLine;
            }
            if (k == 0 && UpvoteBoxBefore(linked, start, 0) is ({ } firstBox, _))
            {
                card.Upvotes ??= CountOf(firstBox);
            }
            var last = ReadFields(linked, card, start + 1, end);
            if (card.HasAbstract || card.AuthorCount is not null || card.Organization is not null || card.Date is not null || card.Arxiv is not null)
            {
                cards.Add(card);
                used.Add((lines[start].Number, lines[Math.Max(start, last)].Number));
            }
        }
        return (cards, used);
    }

    /// <summary>A card's title: a heading, or a collection's item, whose link leads to a paper (or, in a dump, nowhere known).</summary>
    private static ListingCard? Anchor(LinkedText linked, (int Number, string Text) line)
    {
        var trimmed = line.Text.TrimStart();
        if (linked.OnlyLink(line.Text) is not { } link || link.Text.Length == 0)
        {
            return null;
        }
        var id = PaperId(link.Url);
        if (link.Text.StartsWith('#') && CollectionItem().Match(link.Text) is { Success: true } item)
        {
            // [#### Title Paper • 2305.11159 • Published May 18, 2023 • 1](https://huggingface.co/papers/2305.11159)
            var card = new ListingCard(line.Number, item.Groups["title"].Value.Trim()) { Arxiv = id ?? item.Groups["id"].Value };
            if (ListingDate.TryParse(item.Groups["date"].Value.Trim(), out var date))
            {
                card.SetDate(date, line.Number);
            }
            if (item.Groups["upvotes"].Success)
            {
                card.Upvotes = int.Parse(item.Groups["upvotes"].ValueSpan, CultureInfo.InvariantCulture);
            }
            return card;
        }
        var heading = trimmed.StartsWith('#');
        if (!heading || link.Text.Length > ListingParser.MaxTitleLength)
        {
            return null;
        }
        if (id is not null)
        {
            return new ListingCard(line.Number, link.Text) { Arxiv = ArxivId.IsValid(id) ? id : null };
        }
        // A dump whose reference list was cut: the title's link leads nowhere known, so the card must show its shape.
        return link.Url.Length == 0 ? new ListingCard(line.Number, link.Text) : null;
    }

    /// <summary>Reads a card's fields from its lines; returns the index of the last line that gave one.</summary>
    private static int ReadFields(LinkedText linked, ListingCard card, int from, int to)
    {
        var lastUsed = from - 1;
        var inAbstract = true;
        var abstractText = new List<string>();
        for (var i = from; i < to; i++)
        {
            var (number, text) = linked.Lines[i];
            var plain = linked.Plain(text).Trim();
            if (plain.Length == 0)
            {
                continue;
            }
            if (text.TrimStart().StartsWith('#') || IsFooter(plain))
            {
                break; // a heading that is no card (Community, the footer's): the card is over
            }
            var used = DateWithComments(linked, card, text, number) || OrganizationBeforeDot(linked, card, text, i, to) || ReadLinks(linked, card, text);
            if (AuthorsOrOrganization(plain, card) | DateOf(plain, card, number))
            {
                used = true;
            }
            if (used)
            {
                inAbstract = false;
                lastUsed = i;
                continue;
            }
            if (inAbstract && plain.Length > 0 && !IsChrome(plain))
            {
                // The abstract: text below the title, or a dump's link (to the paper) around it.
                abstractText.Add(plain);
                lastUsed = i;
            }
        }
        if (abstractText.Count > 0 && string.Join(' ', abstractText) is { Length: >= 40 } summary)
        {
            card.SetAbstract(Whitespace.Collapse(summary));
        }
        return lastUsed;
    }

    /// <summary>What a card's links give: upvotes, comments, the code repository and stars, arXiv, an organization.</summary>
    private static bool ReadLinks(LinkedText linked, ListingCard card, string line)
    {
        var used = false;
        foreach (var (text, url) in linked.LinksOf(line))
        {
            if (url.Contains("#community", StringComparison.Ordinal) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var comments))
            {
                card.Comments ??= comments;
                used = true;
            }
            else if (Upvote().Match(text) is { Success: true } upvote
                && (url.Contains("login", StringComparison.Ordinal) || text.StartsWith("Upvote", StringComparison.Ordinal)))
            {
                card.Upvotes ??= CountOf(upvote.Groups["count"].Value);
                used = true;
            }
            else if (GitHub().Match(text) is { Success: true } github)
            {
                if (SafeHttp(url) is { } repository)
                {
                    card.CodeUrl ??= repository;
                }
                card.GithubStars ??= Stars(github.Groups["stars"].Value);
                used = true;
            }
            else if (ArxivPage().IsMatch(url) && ArxivId.Find(url) is { } arxiv)
            {
                card.Arxiv ??= arxiv;
                used = true;
            }
            else if (text.Equals("Project page", StringComparison.OrdinalIgnoreCase) && SafeHttp(url) is { } project)
            {
                card.ProjectUrl ??= project;
                used = true;
            }
            else if (PaperId(url) is { } id && id == card.Arxiv)
            {
                used = text.Length < 40; // a link to the paper itself (its thumbnail, its authors): the card's own
            }
        }
        return used;
    }

    /// <summary>
    /// A date followed by the comment count as a link: <c>May 29[6](...#community)</c>, or a dump's <c>Mar 8, 2024 [ 6][39]</c>.
    /// </summary>
    private static bool DateWithComments(LinkedText linked, ListingCard card, string line, int number)
    {
        var pieces = LinkedText.Pieces(line).Where(p => p.Link is not null || p.Text.Trim().Length > 0).ToList();
        if (pieces.Count != 2 || pieces[0].Link is not null || pieces[1].Link is not { } index)
        {
            return false;
        }
        var (text, url) = linked.Links[index];
        var shown = pieces[0].Text.Trim();
        var dot = shown.LastIndexOf('·');
        if (dot >= 0)
        {
            shown = shown[(dot + 1)..].Trim();
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var comments)
            || (url.Length > 0 && !url.Contains("#community", StringComparison.Ordinal))
            || !ListingDate.TryParse(shown, out var date))
        {
            return false;
        }
        if (card.Date is null)
        {
            card.SetDate(date, number);
        }
        card.Comments ??= comments;
        return true;
    }

    /// <summary>A line that is an organization's link alone, with the <c>·</c> before the date on the next line (a dump's layout).</summary>
    private static bool OrganizationBeforeDot(LinkedText linked, ListingCard card, string line, int index, int to)
    {
        if (linked.OnlyLink(line) is not { } link || link.Text.Length is 0 or > 80 || Authors().IsMatch(link.Text)
            || (link.Url.Length > 0 && !OrganizationUrl().IsMatch(link.Url)))
        {
            return false;
        }
        for (var i = index + 1; i < to; i++)
        {
            var next = linked.Plain(linked.Lines[i].Text).Trim();
            if (next.Length == 0)
            {
                continue;
            }
            if (!next.StartsWith('·'))
            {
                return false;
            }
            card.Organization ??= link.Text;
            return true;
        }
        return false;
    }

    /// <summary><c>N authors</c> (bulleted, or inside a link), or an organization's link before <c>·</c>.</summary>
    private static bool AuthorsOrOrganization(string plain, ListingCard card)
    {
        if (Authors().Match(plain) is { Success: true } authors && int.TryParse(authors.Groups["count"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count > 0 && plain.Length < 40)
        {
            card.AuthorCount ??= count;
            return true;
        }
        var dot = plain.IndexOf(" · ", StringComparison.Ordinal);
        if (dot > 0 && dot < 80 && (ListingDate.TryParse(plain[(dot + 3)..].Trim(), out _) || plain[(dot + 3)..].TrimStart().StartsWith("Published on", StringComparison.Ordinal)))
        {
            var name = plain[..dot].Trim().TrimStart('•', '*', '-', ' ');
            if (name.Length > 0 && !name.EndsWith("authors", StringComparison.Ordinal))
            {
                card.Organization ??= name;
            }
            return true;
        }
        return false;
    }

    /// <summary>The date: <c>Oct 4, 2026</c>, <c>May 29</c>, <c>· Published on Oct 4, 2026</c>, <c>Mar 8, 2024 6</c> (6 comments).</summary>
    private static bool DateOf(string plain, ListingCard card, int line)
    {
        var text = plain;
        var dot = text.LastIndexOf('·');
        if (dot >= 0)
        {
            text = text[(dot + 1)..];
        }
        text = text.Trim();
        if (card.Date is null && ListingDate.TryParse(text, out var date))
        {
            card.SetDate(date, line);
            return true;
        }
        // A date with the comment link after it, its count already read from the link: "May 29 6".
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (card.Date is null && words.Length >= 3 && ListingDate.TryParse(string.Join(' ', words[..^1]), out date) && words[^1].All(char.IsAsciiDigit))
        {
            card.SetDate(date, line);
            return true;
        }
        return false;
    }

    /// <summary>
    /// The upvote box just above line <paramref name="end"/> (a line that is only a bare count or <c>-</c>, in a link to the
    /// login page or to nowhere known), looking back no further than <paramref name="from"/>: its text and its line.
    /// </summary>
    private static (string? Text, int Line) UpvoteBoxBefore(LinkedText linked, int end, int from)
    {
        for (var i = end - 1; i >= from; i--)
        {
            var text = linked.Lines[i].Text;
            if (text.Trim().Length == 0)
            {
                continue;
            }
            var pieces = LinkedText.Pieces(text).Where(p => p.Link is not null || p.Text.Trim().Length > 0).ToList();
            if (pieces.Count == 1 && pieces[0].Link is { } index
                && linked.Links[index] is var (label, url) && (label == "-" || label.All(char.IsAsciiDigit)) && label.Length is > 0 and < 8
                && (url.Length == 0 || url.Contains("login", StringComparison.Ordinal)))
            {
                return (label, i);
            }
            return (null, -1);
        }
        return (null, -1);
    }

    /// <summary>The paper id of a Hugging Face paper URL (<c>https://huggingface.co/papers/2405.07960</c>, <c>/papers/2405.07960</c>).</summary>
    internal static string? PaperId(string url)
    {
        var match = PaperUrl().Match(url);
        return match.Success ? match.Groups["id"].Value : null;
    }

    /// <summary>A text dump's numbered links, from its list of references (<c>  32. https://...</c>).</summary>
    private static Dictionary<string, string> References(string text)
    {
        var references = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in ReferenceLine().Matches(text))
        {
            references.TryAdd(match.Groups["n"].Value, match.Groups["url"].Value);
        }
        return references;
    }

    /// <summary>The page kind from its headings, when no header gave its URL.</summary>
    private static string? KindOf(LinkedText linked)
    {
        foreach (var (_, text) in linked.Lines.Take(200))
        {
            var plain = linked.Plain(text).Trim().TrimStart('#', ' ');
            switch (plain)
            {
                case "Trending Papers":
                    return "trending";
                case "Daily Papers":
                    return "daily";
            }
        }
        // A collection's item is a link of its own shape (Anchor), wherever the list starts: a body saved without its URL
        // is still a collection's.
        return linked.Lines.Any(l => linked.OnlyLink(l.Text) is { } link && link.Text.StartsWith('#') && CollectionItem().IsMatch(link.Text))
            ? "collection"
            : null;
    }

    internal static int? CountOf(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;

    /// <summary><c>3.29k</c> is 3290, <c>131</c> is 131.</summary>
    internal static int? Stars(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }
        var thousands = text.EndsWith('k') || text.EndsWith('K');
        return decimal.TryParse(thousands ? text[..^1] : text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? (int)Math.Round(thousands ? value * 1000 : value)
            : null;
    }

    private static string? SafeHttp(string url) => Site.SafeUrl.IsHttp(url) ? url : null;

    /// <summary>What stands between a card's fields and is none: list bullets alone, an image's placeholder (<c>- [图片：x]</c>), labels.</summary>
    private static bool IsChrome(string plain)
    {
        var text = plain.TrimStart('-', '*', '•', '+', ' ');
        return text.Length == 0 || text is "Submitted by" or "·" or "Upvote" || text.StartsWith("Submitted by", StringComparison.Ordinal)
            || (text.StartsWith('[') && text.EndsWith(']') && text.IndexOf(']') == text.Length - 1);
    }

    private static bool IsFooter(string plain) =>
        plain is "Previous" or "Next" or "System theme" or "Company" or "Website" or "Models citing this paper" or "Community"
        || plain.StartsWith("Get trending papers", StringComparison.Ordinal);

    // The patterns run over the whole text are linear whatever it holds (NonBacktracking).
    [GeneratedRegex(@"\]\(https?://", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"\]\[\d+\]", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ReferenceLink();

    [GeneratedRegex(@"^[ \t]*(?<n>\d+)\.[ \t]+(?<url>https?://[^\s]+)[ \t]*$", RegexOptions.Multiline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ReferenceLine();

    [GeneratedRegex(@"^(?:https?://(?:www\.)?huggingface\.co)?/papers/(?<id>" + ArxivId.AsHuggingFaceWritesIt + @")(?:v\d+)?/?(?:[?#].*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PaperUrl();

    [GeneratedRegex(@"^#+\s*(?<title>.+?)\s+Paper\s+•\s+(?<id>\S+)\s+•\s+(?:Published\s+)?(?<date>[A-Z][a-z]{2,8}\s+\d{1,2}(?:,\s+\d{4})?)(?:\s+•\s+(?<upvotes>\d+))?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex CollectionItem();

    [GeneratedRegex(@"^(?:Upvote\s*)?(?<count>\d+|-)$", RegexOptions.CultureInvariant)]
    private static partial Regex Upvote();

    /// <summary>The code button, <c>GitHub</c> or <c>GitHub 3.29k</c> (the repository's stars).</summary>
    [GeneratedRegex(@"^GitHub(?:\s+(?<stars>\d+(?:\.\d+)?[kK]?))?$", RegexOptions.CultureInvariant)]
    internal static partial Regex GitHub();

    [GeneratedRegex(@"^https?://(?:www\.)?huggingface\.co/[^/?#]+/?$", RegexOptions.CultureInvariant)]
    private static partial Regex OrganizationUrl();

    [GeneratedRegex(@"^https?://arxiv\.org/(?:abs|pdf)/", RegexOptions.CultureInvariant)]
    private static partial Regex ArxivPage();

    [GeneratedRegex(@"^[*•\-\s]*(?<count>\d+) authors?$", RegexOptions.CultureInvariant)]
    private static partial Regex Authors();
}

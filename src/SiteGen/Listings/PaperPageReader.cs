using System.Globalization;
using System.Text.RegularExpressions;
using SiteGen.Diagnostics;
using SiteGen.Papers;
using SiteGen.Text;

namespace SiteGen.Listings;

/// <summary>
/// A single paper's page (<c>huggingface.co/papers/ID</c>), as a browser copies it or a converter writes it: <c>arxiv:ID</c>,
/// the title, <c>Published on</c>, <c>Submitted by ... on</c>, <c>Upvote N</c>, <c>Authors:</c> with the names between
/// <c>,</c>, <c>Abstract</c> (the text broken into lines around highlighted words is one paragraph), an AI summary with its
/// <c>AI-generated summary</c> label, and the buttons (<c>View arXiv page</c>, <c>GitHub 3.29k</c>, <c>Project page</c>).
/// One paper: the discussion below, the papers a bot recommends there, the models, datasets and collections citing it are not.
/// </summary>
internal static partial class PaperPageReader
{
    /// <summary>True when the text is a paper's page: an <c>Abstract</c> heading under a <c>Published on</c> line.</summary>
    public static bool IsPaperPage(LinkedText linked)
    {
        // A model's page shows "arxiv:ID" too, as a tag: a paper's page has its date and its abstract as well.
        var published = false;
        foreach (var (_, text) in linked.Lines.Take(600))
        {
            var plain = linked.Plain(text).Trim();
            published |= plain.StartsWith("Published on ", StringComparison.Ordinal);
            if (published && IsAbstractHeading(plain))
            {
                return true;
            }
        }
        return false;
    }

    public static (List<ListingEntry> Entries, List<(int, int)> Used) Read(string path, LinkedText linked, CaptureHeader header, int? captureYear,
        List<Diagnostic> warnings)
    {
        var lines = linked.Lines.Select(l => (l.Number, Text: l.Text, Plain: linked.Plain(l.Text).Trim())).ToList();
        var end = lines.FindIndex(l => IsPageEnd(l.Plain));
        if (end < 0)
        {
            end = lines.Count;
        }
        var idLine = lines.FindIndex(0, end, l => ArxivLine().IsMatch(l.Plain));
        var arxiv = idLine >= 0 ? ArxivLine().Match(lines[idLine].Plain).Groups["id"].Value
            : header.Url is { } url ? LinkedCaptureReader.PaperId(new Uri(url).AbsolutePath) : null;
        var (title, titleLine) = Title(lines, idLine, end, header);
        if (title is null)
        {
            return ([], []);
        }
        var card = new ListingCard(lines[titleLine].Number, title) { Arxiv = arxiv is not null && ArxivId.IsValid(arxiv) ? arxiv : null };
        var last = titleLine;
        for (var i = titleLine + 1; i < end; i++)
        {
            var (number, text, plain) = lines[i];
            if (plain.StartsWith("Published on ", StringComparison.Ordinal) && card.Date is null && ListingDate.TryParse(plain, out var published))
            {
                card.SetDate(published, number);
                last = i;
            }
            else if (plain.Contains("Submitted by", StringComparison.Ordinal) && card.Submitted is null
                && SubmittedOn(lines, i, end) is { } submitted)
            {
                card.Submitted = submitted;
                last = i;
            }
            else if (UpvoteCount(lines, i, end) is { } upvotes && card.Upvotes is null)
            {
                card.Upvotes = upvotes;
                last = i;
            }
            else if (plain == "Authors:")
            {
                last = ReadAuthors(lines, i + 1, end, card);
            }
            else if (IsAbstractHeading(plain) && !card.HasAbstract)
            {
                last = ReadAbstract(lines, i + 1, end, card);
            }
            foreach (var (label, target) in linked.LinksOf(text))
            {
                if (LinkedCaptureReader.GitHub().Match(label) is { Success: true } github)
                {
                    card.CodeUrl ??= Site.SafeUrl.IsHttp(target) ? target : null;
                    card.GithubStars ??= LinkedCaptureReader.Stars(github.Groups["stars"].Value);
                    last = Math.Max(last, i);
                }
                else if (label.Equals("Project page", StringComparison.OrdinalIgnoreCase) && Site.SafeUrl.IsHttp(target))
                {
                    card.ProjectUrl ??= target;
                }
                else if (label is "View arXiv page" or "View PDF" && ArxivId.Find(target) is { } id)
                {
                    card.Arxiv ??= id;
                    last = Math.Max(last, i);
                }
            }
        }
        var entries = CapturedCards.Finish(path, [card], captureYear, header.CapturedOn, warnings);
        return (entries, [(lines[Math.Min(titleLine, idLine < 0 ? titleLine : idLine)].Number, lines[Math.Max(last, titleLine)].Number)]);
    }

    /// <summary>The title: the first line after <c>arxiv:ID</c> (a Markdown heading's text, its underline skipped), else the header's.</summary>
    private static (string? Title, int Line) Title(List<(int Number, string Text, string Plain)> lines, int idLine, int end, CaptureHeader header)
    {
        if (idLine >= 0)
        {
            for (var i = idLine + 1; i < end; i++)
            {
                var plain = lines[i].Plain.TrimStart('#', ' ');
                if (plain.Length > 0 && !IsUnderline(plain))
                {
                    return (Whitespace.Collapse(plain), i);
                }
            }
            return (null, 0);
        }
        if (header.Title is { } title)
        {
            var name = title.StartsWith("Paper page - ", StringComparison.Ordinal) ? title["Paper page - ".Length..] : title;
            var at = lines.FindIndex(0, end, l => l.Plain.TrimStart('#', ' ') == name);
            return (Whitespace.Collapse(name), Math.Max(at, 0));
        }
        var heading = lines.FindIndex(0, end, l => l.Text.StartsWith("# ", StringComparison.Ordinal));
        return heading >= 0 ? (Whitespace.Collapse(lines[heading].Plain.TrimStart('#', ' ')), heading) : (null, 0);
    }

    /// <summary>The names between <c>Authors:</c> and the abstract: one per line or a line each, between <c>,</c> separators.</summary>
    private static int ReadAuthors(List<(int Number, string Text, string Plain)> lines, int from, int end, ListingCard card)
    {
        var names = new List<string>();
        var i = from;
        for (; i < end && !IsAbstractHeading(lines[i].Plain) && !IsUnderline(lines[i].Plain); i++)
        {
            names.Add(lines[i].Plain);
        }
        foreach (var name in string.Join(' ', names).Split(','))
        {
            var shown = Whitespace.Collapse(name);
            if (shown.Length > 0 && shown.Length < 120 && !(shown.StartsWith('+') && shown[1..].All(char.IsAsciiDigit)))
            {
                card.Authors.Add(shown);
            }
        }
        return i - 1;
    }

    /// <summary>The abstract, and the AI summary beside it with its label, up to the page's buttons or discussion.</summary>
    private static int ReadAbstract(List<(int Number, string Text, string Plain)> lines, int from, int end, ListingCard card)
    {
        var paragraphs = new List<List<string>> { new() };
        var label = -1;
        var i = from;
        for (; i < end; i++)
        {
            var plain = lines[i].Plain;
            if (IsAbstractEnd(plain))
            {
                break;
            }
            if (plain.Length == 0 || IsUnderline(plain))
            {
                if (paragraphs[^1].Count > 0)
                {
                    paragraphs.Add([]);
                }
                continue;
            }
            if (plain.Equals("AI-generated summary", StringComparison.OrdinalIgnoreCase))
            {
                if (paragraphs[^1].Count > 0)
                {
                    paragraphs.Add([]);
                }
                label = paragraphs.Count - 1; // the paragraph that starts here
                continue;
            }
            paragraphs[^1].Add(plain);
        }
        var texts = paragraphs.Where(p => p.Count > 0).Select(p => Whitespace.Collapse(string.Join(' ', p))).ToList();
        if (label >= 0)
        {
            // The label above the summary (the page's order), or below it (a copy's): the paragraph it stands beside.
            var at = Math.Min(label == 0 || paragraphs.Take(label).All(p => p.Count == 0) ? 0 : label - 1, texts.Count - 1);
            if (at >= 0)
            {
                card.Summary = texts[at];
                texts.RemoveAt(at);
            }
        }
        if (texts.Count > 0)
        {
            card.SetAbstract(string.Join(' ', texts));
        }
        return i - 1;
    }

    /// <summary><c>Upvote 28</c> on one line (a link's text), or <c>Upvote</c> with the count on the next line.</summary>
    private static int? UpvoteCount(List<(int Number, string Text, string Plain)> lines, int at, int end)
    {
        var plain = lines[at].Plain;
        if (UpvoteLine().Match(plain) is { Success: true } match)
        {
            return int.Parse(match.Groups["count"].ValueSpan, CultureInfo.InvariantCulture);
        }
        if (plain != "Upvote")
        {
            return null;
        }
        for (var i = at + 1; i < end && i < at + 4; i++)
        {
            if (lines[i].Plain.Length > 0)
            {
                return int.TryParse(lines[i].Plain, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;
            }
        }
        return null;
    }

    /// <summary><c>Submitted by NAME on Dec 13, 2024</c>, perhaps over a few lines.</summary>
    private static ListingDate? SubmittedOn(List<(int Number, string Text, string Plain)> lines, int at, int end)
    {
        var text = string.Join(' ', lines.Skip(at).Take(Math.Min(4, end - at)).Select(l => l.Plain));
        var on = SubmittedDate().Match(text);
        return on.Success && ListingDate.TryParse(on.Groups["date"].Value, out var date) ? date : null;
    }

    private static bool IsAbstractHeading(string plain) => plain.TrimStart('#', ' ') == "Abstract";

    private static bool IsUnderline(string plain) => plain.Length >= 3 && plain.All(c => c is '=' or '-');

    private static bool IsAbstractEnd(string plain) =>
        plain.StartsWith("View arXiv page", StringComparison.Ordinal) || plain.StartsWith("View PDF", StringComparison.Ordinal)
        || plain.StartsWith("Add to collection", StringComparison.Ordinal) || IsPageEnd(plain);

    /// <summary>Where the paper ends and the page's other matter begins: the discussion, what cites it, the footer.</summary>
    private static bool IsPageEnd(string plain)
    {
        var text = plain.TrimStart('#', ' ');
        return text is "Community" or "Metadata"
            || PageEnds.Any(end => text.StartsWith(end, StringComparison.Ordinal));
    }

    private static readonly string[] PageEnds =
        ["Models citing this paper", "Datasets citing this paper", "Spaces citing this paper", "Collections including this paper", "Cite arxiv.org/abs"];

    [GeneratedRegex(@"^arxiv:\s*(?<id>" + ArxivId.AsHuggingFaceWritesIt + @")(?:v\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ArxivLine();

    [GeneratedRegex(@"^Upvote\s+(?<count>\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex UpvoteLine();

    [GeneratedRegex(@"\bon\s+(?<date>[A-Z][a-z]{2,8}\s+\d{1,2}(?:,\s+\d{4})?)", RegexOptions.CultureInvariant)]
    private static partial Regex SubmittedDate();

}

using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SiteGen.Diagnostics;
using SiteGen.Papers;
using SiteGen.Text;

namespace SiteGen.Listings;

/// <summary>
/// A saved Hugging Face page (<c>Save page as</c>, <c>curl -o</c>), read with AngleSharp. The papers pages carry their
/// data as JSON in the <c>data-props</c> attribute of the element whose <c>data-target</c> is <c>DailyPapers</c> (and like
/// elements on other pages): the items there are the API's (<see cref="ApiCaptureReader"/>), with every field. Without
/// them (an older or stripped copy), the cards' markup gives what it shows: each <c>&lt;article&gt;</c> with a heading
/// linking to <c>/papers/ID</c>.
/// </summary>
internal static partial class HtmlCaptureReader
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsKeepingSourceReferences = false });

    /// <summary>True when the text is an HTML document, as a browser or curl saves one.</summary>
    public static bool Looks(string text)
    {
        var start = text.AsSpan(0, Math.Min(text.Length, 4096)).TrimStart();
        return start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (start.StartsWith("<", StringComparison.Ordinal)
                && (start.Contains("<head", StringComparison.OrdinalIgnoreCase) || start.Contains("<body", StringComparison.OrdinalIgnoreCase)));
    }

    public static ListingParseResult Read(string path, string text)
    {
        var document = Parser.ParseDocument(text);
        var warnings = new List<Diagnostic>();
        var kind = KindOf(document);
        foreach (var element in document.QuerySelectorAll("[data-target][data-props]").OrderBy(e => e.GetAttribute("data-target") == "DailyPapers" ? 0 : 1))
        {
            if (Props(element) is not { } props)
            {
                continue;
            }
            using (props)
            {
                var root = props.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }
                // A paper's page: its one paper (whatever lists of other papers the page has besides).
                if (root.TryGetProperty("paper", out var paper) && ApiCaptureReader.HasPapers(paper))
                {
                    return Result(ApiCaptureReader.Entries(path, [paper], warnings), warnings, "paper");
                }
                foreach (var property in root.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.Array && property.Value.GetArrayLength() > 0 && ApiCaptureReader.HasPapers(property.Value))
                    {
                        return Result(ApiCaptureReader.Entries(path, property.Value.EnumerateArray(), warnings), warnings, KindOf(root) ?? kind);
                    }
                }
            }
        }
        return Result(Cards(document, path), warnings, kind);
    }

    private static ListingParseResult Result(List<ListingEntry> entries, List<Diagnostic> warnings, string? kind) =>
        new([.. entries.DistinctBy(e => e.Arxiv ?? TitleKey.Of(e.Title))], [.. warnings]) { Format = CaptureFormat.Html, PageKind = kind };

    private static JsonDocument? Props(IElement element)
    {
        try
        {
            return JsonDocument.Parse(element.GetAttribute("data-props")!, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The cards' markup: an article with a heading that links to <c>/papers/ID</c> is a paper; its upvote box, author
    /// count and comment count are read where the page puts them.
    /// </summary>
    /// <summary>The first whole number shown by an element <paramref name="selector"/> finds in <paramref name="article"/>.</summary>
    private static int? FirstCount(IElement article, string selector) =>
        article.QuerySelectorAll(selector).Select(a => LinkedCaptureReader.CountOf(Whitespace.Collapse(a.TextContent))).FirstOrDefault(n => n is not null);

    private static List<ListingEntry> Cards(IDocument document, string path)
    {
        var entries = new List<ListingEntry>();
        foreach (var article in document.QuerySelectorAll("article"))
        {
            var (link, id) = article.QuerySelectorAll("h1 a[href], h2 a[href], h3 a[href], h4 a[href]")
                .Select(a => (Link: a, Id: LinkedCaptureReader.PaperId(a.GetAttribute("href")!)))
                .FirstOrDefault(a => a.Id is not null);
            if (link is null || id is null || Whitespace.Collapse(link.TextContent) is not { Length: > 0 } title)
            {
                continue;
            }
            var text = Whitespace.Collapse(article.TextContent);
            var upvotes = FirstCount(article, "a[href*='login?next=']");
            var comments = FirstCount(article, "a[href$='#community']");
            var authors = AuthorCount().Match(text);
            entries.Add(new ListingEntry
            {
                Title = title,
                Abstract = Whitespace.Collapse(article.QuerySelector("p")?.TextContent ?? ""),
                Arxiv = ArxivId.IsValid(id) ? id : null,
                AuthorCount = authors.Success ? int.Parse(authors.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : null,
                Upvotes = upvotes,
                Comments = comments,
                Path = path,
            });
        }
        return entries;
    }

    /// <summary>The page kind from the page's own URL (og:url, canonical): <c>/papers</c> and its periods, search, trending, a paper.</summary>
    private static string? KindOf(IDocument document)
    {
        var url = document.QuerySelector("meta[property='og:url']")?.GetAttribute("content")
            ?? document.QuerySelector("link[rel='canonical']")?.GetAttribute("href");
        return url is null ? null : CaptureKinds.OfUrl(url);
    }

    /// <summary>The kind a papers page's data says it is: a period, a search, trending.</summary>
    private static string? KindOf(JsonElement props)
    {
        if (props.TryGetProperty("query", out var query) && query.ValueKind == JsonValueKind.String && query.GetString()!.Length > 0)
        {
            return "search";
        }
        if (props.TryGetProperty("isTrending", out var trending) && trending.ValueKind == JsonValueKind.True)
        {
            return "trending";
        }
        if (props.TryGetProperty("periodType", out var period) && period.ValueKind == JsonValueKind.String)
        {
            return period.GetString() switch { "week" => "weekly", "month" => "monthly", _ => "daily" };
        }
        return props.TryGetProperty("dailyPapers", out _) ? "daily" : null;
    }

    [GeneratedRegex(@"\b(\d+) authors?\b", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorCount();
}

using System.Text.Json;
using SiteGen.Diagnostics;

namespace SiteGen.Listings;

/// <summary>
/// Reads any capture of a Hugging Face papers page, recognising its format from its content (never from its extension
/// alone): the API's JSON, saved HTML, a text-mode browser's dump, Markdown, or a browser copy (a listing or a single
/// paper's page). A file that is none of them is one warning that names it and the formats SiteGen knows, and adds no paper.
/// </summary>
internal static class CaptureReader
{
    /// <summary>The files of the listings folder that are read; the format is then told from the content.</summary>
    public static readonly IReadOnlyList<string> FileExtensions = [".txt", ".md", ".markdown", ".html", ".htm", ".json"];

    public const string KnownFormats =
        "a browser copy of a Hugging Face papers page, a text dump (lynx, w3m), Markdown (Firecrawl, Jina Reader...), saved HTML, or the Hugging Face API's JSON";

    /// <param name="captureYear">The year the capture was made, from the settings; for dates shown without a year.</param>
    public static ListingParseResult Read(string path, string text, int? captureYear = null)
    {
        var start = text.AsSpan().TrimStart();
        if (start.StartsWith("[", StringComparison.Ordinal) || start.StartsWith("{", StringComparison.Ordinal))
        {
            if (Json(path, text) is { } json)
            {
                return json;
            }
        }
        if (HtmlCaptureReader.Looks(text))
        {
            return HtmlCaptureReader.Read(path, text);
        }
        if (LinkedCaptureReader.LooksLikeTextDump(text))
        {
            return LinkedCaptureReader.Read(path, text, CaptureFormat.TextDump, captureYear);
        }
        if (LinkedCaptureReader.LooksLikeMarkdown(text) || IsMarkdownFile(path))
        {
            // A Markdown file without a paper's link in it is no capture: its headings and paragraphs are not cards.
            return LinkedCaptureReader.Read(path, text, CaptureFormat.Markdown, captureYear);
        }
        return BrowserCopy(path, text, captureYear);
    }

    /// <summary>The API's JSON; null when the text is no JSON (a Markdown file may start with a bracket).</summary>
    private static ListingParseResult? Json(string path, string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
            return Unread(path, (int)(e.LineNumber ?? 0) + 1,
                $"this file is not valid JSON ({e.Message.Split(". ")[0]}), so it adds no paper; save the API's response again, whole", (int)(e.BytePositionInLine ?? 0) + 1);
        }
        using (document)
        {
            return ApiCaptureReader.HasPapers(document.RootElement)
                ? ApiCaptureReader.Read(path, document.RootElement)
                : Unread(path, 0, $"this file is JSON, but not the Hugging Face API's papers, so it adds no paper; SiteGen reads {KnownFormats}");
        }
    }

    private static ListingParseResult BrowserCopy(string path, string text, int? captureYear)
    {
        var linked = LinkedText.Parse(text, new Dictionary<string, string>());
        var header = CaptureHeader.Read([.. linked.Lines.Select(l => l.Text)]);
        if (PaperPageReader.IsPaperPage(linked))
        {
            var warnings = new List<Diagnostic>();
            var (entries, used) = PaperPageReader.Read(path, linked, header, captureYear ?? header.CapturedOn?.Year, warnings);
            return new ListingParseResult([.. entries], [.. warnings])
            {
                PageKind = "paper",
                Skipped = LinkedCaptureReader.Skipped(linked.Lines[^1].Number, used),
            };
        }
        // A capturing tool's header is no card: its lines are left out (blank, so line numbers stay).
        var body = header.EndLine == 0 ? text : string.Concat(Enumerable.Repeat("\n", header.EndLine)) + string.Join('\n', text.Split('\n').Skip(header.EndLine));
        var result = ListingParser.Parse(path, body, captureYear ?? header.CapturedOn?.Year, header.CapturedOn);
        if (result.Entries.IsEmpty && !LooksLikeHuggingFace(text))
        {
            return Unread(path, 0, $"this file is not a capture SiteGen can read, so it adds no paper; SiteGen reads {KnownFormats}");
        }
        return result with { PageKind = result.PageKind ?? (header.Url is { } url ? CaptureKinds.OfUrl(url) : null) };
    }

    private static bool IsMarkdownFile(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeHuggingFace(string text) =>
        text.Contains("Hugging Face", StringComparison.Ordinal) || text.Contains("huggingface.co", StringComparison.Ordinal)
        || text.Contains("Daily Papers", StringComparison.Ordinal) || text.Contains("Get trending papers", StringComparison.Ordinal);

    private static ListingParseResult Unread(string path, int line, string message, int column = 0) =>
        new([], [Diagnostic.Warning(path, line, message, column)]) { Format = null };
}

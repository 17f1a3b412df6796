using System.Globalization;
using System.Text.RegularExpressions;

namespace SiteGen.Listings;

/// <summary>
/// What a capturing tool wrote above the page: YAML front matter (<c>url:</c>, <c>timestamp:</c>, <c>retrieved:</c>), Jina
/// Reader's <c>Title:</c> / <c>URL Source:</c> / <c>Markdown Content:</c>, or lines such as <c>- Source URL:</c> and
/// <c>Captured (UTC):</c>. It is not a paper; its date is the year of the dates the page shows without one.
/// </summary>
internal sealed partial record CaptureHeader(DateOnly? CapturedOn, string? Url, string? Title, int EndLine)
{
    /// <summary>How far down a header is looked for.</summary>
    private const int MaxLines = 40;

    public static CaptureHeader Read(IReadOnlyList<string> lines)
    {
        DateOnly? date = null;
        string? url = null, title = null;
        var end = 0;
        var frontMatter = lines.Count > 0 && lines[0].TrimEnd() == "---";
        var limit = Math.Min(lines.Count, MaxLines);
        for (var i = frontMatter ? 1 : 0; i < limit; i++)
        {
            var line = lines[i];
            if (frontMatter && line.TrimEnd() == "---")
            {
                end = i + 1;
                break;
            }
            if (Field().Match(line) is not { Success: true } field)
            {
                continue;
            }
            var (key, value) = (field.Groups["key"].Value.ToLowerInvariant(), field.Groups["value"].Value.Trim().Trim('"', '\'', '`'));
            if (key.Contains("url", StringComparison.Ordinal) || key is "source" or "link")
            {
                url ??= Uri.TryCreate(value, UriKind.Absolute, out _) ? value : null;
            }
            else if (key is "title")
            {
                title ??= value;
            }
            else if (DateOf().Match(value) is { Success: true } found
                && DateOnly.TryParseExact(found.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                date ??= day;
            }
            else
            {
                continue;
            }
            end = Math.Max(end, i + 1);
        }
        for (var i = 0; i < limit; i++)
        {
            if (lines[i].TrimEnd() == "Markdown Content:")
            {
                end = Math.Max(end, i + 1);
            }
        }
        return new CaptureHeader(date, url, title, end);
    }

    [GeneratedRegex(@"^\s*(?:[-*]\s+)?(?<key>Source URL|URL Source|URL|url|source|link|Title|title|Captured(?: \(UTC\))?|captured|Retrieved|retrieved|Fetched|fetched|Timestamp|timestamp|Accessed|accessed|Date|date|Published Time|Markdown Content)\s*:\s*(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Field();

    [GeneratedRegex(@"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DateOf();
}

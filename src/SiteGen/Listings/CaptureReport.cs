using System.Globalization;

namespace SiteGen.Listings;

/// <summary>
/// One line on what a capture gave, for <c>--verbose</c> and <c>check</c>:
/// <c>input/listings/x.md: 24 papers (Markdown of a search page), lines 1-40 and 612-700 skipped (page header and footer)</c>.
/// </summary>
internal static class CaptureReport
{
    public static string Describe(string path, ListingParseResult result)
    {
        var inv = CultureInfo.InvariantCulture;
        var count = result.Entries.Length == 1 ? "1 paper" : string.Create(inv, $"{result.Entries.Length} papers");
        var what = result.Format is { } format
            ? $" ({Name(format)}{(result.PageKind is { } kind ? $" of {Article(kind)} {kind} page" : "")})"
            : " (not a capture SiteGen reads)";
        return $"{path}: {count}{what}{Skipped(result.Skipped)}";
    }

    private static string Name(CaptureFormat format) => format switch
    {
        CaptureFormat.BrowserCopy => "browser copy",
        CaptureFormat.TextDump => "text dump",
        CaptureFormat.Markdown => "Markdown",
        CaptureFormat.Html => "HTML",
        _ => "Hugging Face API JSON",
    };

    private static string Article(string kind) => kind[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an" : "a";

    private static string Skipped(IReadOnlyList<(int First, int Last)> skipped)
    {
        if (skipped.Count == 0)
        {
            return "";
        }
        static string Range((int First, int Last) r) =>
            r.First == r.Last ? r.First.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{r.First}-{r.Last}");
        var shown = skipped.Count <= 3
            ? string.Join(", ", skipped.Take(skipped.Count - 1).Select(Range)) + (skipped.Count > 1 ? " and " : "") + Range(skipped[^1])
            : string.Create(CultureInfo.InvariantCulture, $"{Range(skipped[0])}, {Range(skipped[1])} and {skipped.Count - 2} more ranges up to {skipped[^1].Last}");
        // The first range is the page's header when it starts the file; the last, when there are two or more, its footer.
        var parts = new List<string>();
        if (skipped[0].First == 1)
        {
            parts.Add("page header");
        }
        if (skipped.Count > 2)
        {
            parts.Add("what stands between cards");
        }
        if (skipped.Count > 1 || skipped[0].First > 1)
        {
            parts.Add("footer");
        }
        var label = parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];
        return $", line{(skipped.Count == 1 && skipped[0].First == skipped[0].Last ? "" : "s")} {shown} skipped ({label})";
    }
}

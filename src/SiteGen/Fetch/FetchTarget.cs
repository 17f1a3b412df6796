using System.Globalization;

namespace SiteGen.Fetch;

/// <summary>What one request of <c>sitegen fetch</c> asks the API for, and the file its answer goes to.</summary>
/// <param name="Path">The API's path and query, relative to the API base (<c>api/daily_papers?date=2025-06-09</c>).</param>
/// <param name="FileName">The file in the fetch folder, named by what it holds.</param>
/// <param name="Label">How the report names it (<c>2025-06-09</c>).</param>
internal sealed record FetchTarget(string Path, string FileName, string Label, FetchKind Kind)
{
    public static FetchTarget Day(DateOnly day)
    {
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new($"api/daily_papers?date={date}", $"daily_papers-{date}.json", date, FetchKind.Day);
    }

    public static FetchTarget Paper(string id) =>
        new($"api/papers/{Uri.EscapeDataString(id)}", $"paper-{id.Replace('/', '_')}.json", id, FetchKind.Paper);

    public static FetchTarget Search(string query) =>
        new($"api/papers/search?q={Uri.EscapeDataString(query)}", $"search-{Papers.Slug.FromTitle(query)}.json", $"search \"{query}\"", FetchKind.Search);
}

/// <summary>What an answer must be: a day's list (an array, empty on a day without one), one paper, or search results.</summary>
internal enum FetchKind
{
    Day,
    Paper,
    Search,
}

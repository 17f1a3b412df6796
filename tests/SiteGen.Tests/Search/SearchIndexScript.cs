using System.Text.Json;
using SiteGen.Search;

namespace SiteGen.Tests.Search;

/// <summary>Reads a written <c>search-index.js</c> the way the browser does: the papers that have a word.</summary>
internal sealed class SearchIndexScript
{
    private const string Assignment = "globalThis.SiteGenSearchIndex = ";

    private SearchIndexScript(JsonElement root) => Root = root;

    public JsonElement Root { get; }

    public string[] Terms => Root.GetProperty("terms").GetString()!.Split(' ');

    public static SearchIndexScript Parse(string script)
    {
        var start = script.IndexOf(Assignment, StringComparison.Ordinal);
        Assert.True(start >= 0, "the script assigns globalThis.SiteGenSearchIndex");
        var json = script[(start + Assignment.Length)..].TrimEnd().TrimEnd(';');
        using var document = JsonDocument.Parse(json);
        return new SearchIndexScript(document.RootElement.Clone());
    }

    /// <summary>The slugs of the papers that have exactly <paramref name="word"/>, with where they have it.</summary>
    public IReadOnlyList<(string Slug, SearchFields Fields)> PapersWith(string word)
    {
        var at = Array.IndexOf(Terms, word);
        if (at < 0)
        {
            return [];
        }
        var docs = Root.GetProperty("docs");
        return [.. PostingsCode.Decode(Root.GetProperty("postings")[at].GetString()!)
            .Select(p => (docs[p >> 3][1].GetString()!, (SearchFields)(p & 7)))];
    }
}

using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using SiteGen.Diagnostics;
using SiteGen.Papers;
using SiteGen.Text;

namespace SiteGen.Listings;

/// <summary>
/// The JSON of the Hugging Face API as anyone saved it since 2024: <c>GET /api/daily_papers</c> (an array of items, each
/// with a <c>paper</c>), <c>GET /api/papers/{id}</c> (one paper), the search API (an array of items or of papers), and the
/// same items inside a page's <c>data-props</c> (<see cref="HtmlCaptureReader"/>). Every schema generation: what a key is
/// missing from is left unknown; an unknown key is ignored; a key of the wrong type is a warning naming the item and the
/// key. Names of hidden authors are kept: they are the paper's authors all the same.
/// </summary>
internal static class ApiCaptureReader
{
    /// <summary>True when <paramref name="root"/> has the API's shape: paper objects, or items that hold one.</summary>
    public static bool HasPapers(JsonElement root) => root.ValueKind switch
    {
        JsonValueKind.Array => root.GetArrayLength() == 0 || root.EnumerateArray().Any(item => PaperOf(item) is not null),
        JsonValueKind.Object => PaperOf(root) is not null,
        _ => false,
    };

    public static ListingParseResult Read(string path, JsonElement root)
    {
        var warnings = new List<Diagnostic>();
        var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
        var entries = Entries(path, items, warnings);
        var kind = root.ValueKind == JsonValueKind.Object ? "paper" : items.Any(i => i.ValueKind == JsonValueKind.Object && i.TryGetProperty("paper", out _)) ? "daily" : "search";
        return new ListingParseResult([.. entries], [.. warnings]) { Format = CaptureFormat.Api, PageKind = kind };
    }

    /// <summary>The papers of API items (or paper objects), in order; an item with no paper id and title is skipped.</summary>
    public static List<ListingEntry> Entries(string path, IEnumerable<JsonElement> items, List<Diagnostic> warnings)
    {
        var entries = new List<ListingEntry>();
        var number = 0;
        foreach (var item in items)
        {
            number++;
            if (PaperOf(item) is not { } paper)
            {
                continue;
            }
            var read = new Item(path, number, paper, item, warnings);
            if (read.Entry() is { } entry)
            {
                entries.Add(entry);
            }
        }
        return entries;
    }

    /// <summary>The paper of an item (<c>{"paper": {...}}</c>) or the item itself when it is one: an object with an id and a title.</summary>
    private static JsonElement? PaperOf(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        if (item.TryGetProperty("paper", out var paper) && IsPaper(paper))
        {
            return paper;
        }
        return IsPaper(item) ? item : null;
    }

    private static bool IsPaper(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object
        && value.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
        && value.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String;

    /// <summary>One item's fields, each read with its type checked.</summary>
    private readonly struct Item(string path, int number, JsonElement paper, JsonElement item, List<Diagnostic> warnings)
    {
        public ListingEntry? Entry()
        {
            var id = paper.GetProperty("id").GetString()!;
            var title = Whitespace.Collapse(paper.GetProperty("title").GetString()!);
            if (title.Length == 0)
            {
                return null;
            }
            var organization = Object("organization") ?? ItemObject("organization");
            return new ListingEntry
            {
                Title = title,
                Abstract = Whitespace.Collapse(Text(paper, "summary") ?? Text(item, "summary") ?? ""),
                Arxiv = ArxivId.IsValid(id) ? id : null,
                Authors = Authors(),
                Organization = organization is { } org ? Text(org, "fullname") ?? Text(org, "name") : null,
                Upvotes = Count(paper, "upvotes"),
                Comments = Count(item, "numComments"),
                Published = Date(paper, "publishedAt"),
                Submitted = Date(paper, "submittedOnDailyAt") ?? (item.ValueKind == JsonValueKind.Object && !IsPaper(item) ? Date(item, "publishedAt") : null),
                Summary = Text(paper, "ai_summary") is { Length: > 0 } summary ? Whitespace.Collapse(summary) : null,
                Keywords = [.. Strings(paper, "ai_keywords").Select(Whitespace.Collapse).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal)],
                CodeUrl = Text(paper, "githubRepo"),
                GithubStars = Count(paper, "githubStars"),
                ProjectUrl = Text(paper, "projectPage"),
                Path = path,
                Line = 0,
            };
        }

        private JsonElement? Object(string key) =>
            paper.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

        private JsonElement? ItemObject(string key) =>
            !IsPaper(item) && item.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

        private ImmutableArray<string> Authors()
        {
            if (!paper.TryGetProperty("authors", out var authors) || authors.ValueKind == JsonValueKind.Null)
            {
                return [];
            }
            if (authors.ValueKind != JsonValueKind.Array)
            {
                Wrong("authors", "a list");
                return [];
            }
            var names = ImmutableArray.CreateBuilder<string>();
            foreach (var author in authors.EnumerateArray())
            {
                if (author.ValueKind == JsonValueKind.Object && Text(author, "name") is { } name && Whitespace.Collapse(name) is { Length: > 0 } shown)
                {
                    names.Add(shown);
                }
            }
            return names.ToImmutable();
        }

        private string? Text(JsonElement owner, string key)
        {
            if (owner.ValueKind != JsonValueKind.Object || !owner.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            if (value.ValueKind != JsonValueKind.String)
            {
                Wrong(key, "text");
                return null;
            }
            return value.GetString();
        }

        private int? Count(JsonElement owner, string key)
        {
            if (owner.ValueKind != JsonValueKind.Object || !owner.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) && count >= 0)
            {
                return count;
            }
            Wrong(key, "a whole number");
            return null;
        }

        private DateOnly? Date(JsonElement owner, string key)
        {
            if (Text(owner, key) is not { } text)
            {
                return null;
            }
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            {
                return DateOnly.FromDateTime(time.UtcDateTime);
            }
            Wrong(key, "a date");
            return null;
        }

        private List<string> Strings(JsonElement owner, string key)
        {
            if (!owner.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return [];
            }
            if (value.ValueKind != JsonValueKind.Array)
            {
                Wrong(key, "a list");
                return [];
            }
            return value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList();
        }

        private void Wrong(string key, string what) =>
            warnings.Add(Diagnostic.Warning(path, 0, string.Create(CultureInfo.InvariantCulture,
                $"item {number} ({paper.GetProperty("id").GetString()}): `{key}` is not {what}, so it is left out; the rest of the paper is read")));
    }
}

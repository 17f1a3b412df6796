using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace SiteGen.Feeds;

/// <summary>
/// A <see cref="Feed"/> as JSON Feed 1.1 (https://jsonfeed.org/version/1.1), written field by field with
/// System.Text.Json's writer (no reflection, so the native build needs nothing kept for it). An undated paper
/// has no <c>date_published</c>: JSON Feed, unlike Atom, does not ask for one.
/// </summary>
internal static class JsonFeedWriter
{
    public const string MediaType = "application/feed+json";
    public const string Version = "https://jsonfeed.org/version/1.1";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n", // the same bytes on every system
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static byte[] Write(Feed feed)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("version", Version);
            json.WriteString("title", feed.Title);
            json.WriteString("home_page_url", feed.PageUrl);
            json.WriteString("feed_url", feed.SelfUrl);
            json.WriteString("description", feed.Description);
            json.WriteString("language", "en");
            json.WriteStartArray("authors");
            json.WriteStartObject();
            json.WriteString("name", feed.Author);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("items");
            foreach (var entry in feed.Entries)
            {
                WriteItem(json, entry);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return [.. buffer.WrittenSpan, (byte)'\n'];
    }

    private static void WriteItem(Utf8JsonWriter json, FeedEntry entry)
    {
        json.WriteStartObject();
        json.WriteString("id", entry.Url);
        json.WriteString("url", entry.Url);
        if (entry.CodeUrl is { } code)
        {
            json.WriteString("external_url", code);
        }
        json.WriteString("title", entry.Title);
        json.WriteString("content_html", entry.ContentHtml);
        json.WriteString("summary", entry.Summary);
        if (entry.PublishedAt is { } published)
        {
            json.WriteString("date_published", published.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }
        if (entry.Tags.Count > 0)
        {
            json.WriteStartArray("tags");
            foreach (var tag in entry.Tags)
            {
                json.WriteStringValue(tag);
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }
}

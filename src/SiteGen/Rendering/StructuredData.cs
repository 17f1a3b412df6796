using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using SiteGen.Rendering.Views;

namespace SiteGen.Rendering;

/// <summary>
/// JSON-LD (https://schema.org) for a page: a <c>ScholarlyArticle</c> for a paper, a <c>CollectionPage</c> for the
/// lists of papers (home, tags, a tag, author counts). It goes inside <c>&lt;script type="application/ld+json"&gt;</c>,
/// where HTML escaping does not apply and only <c>&lt;/script</c> would end the element: the JSON is written with
/// <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> as <c>\u003C</c>, <c>\u003E</c>, <c>\u0026</c>, which JSON reads back as the
/// same characters, so no title can break out of it.
/// </summary>
internal static class StructuredData
{
    private const string Context = "https://schema.org";

    /// <summary>Page kinds that list papers.</summary>
    private static readonly HashSet<string> CollectionKinds = new(StringComparer.Ordinal) { "home", "tags", "tag", "authors", "author" };

    private static readonly JsonWriterOptions Options = new()
    {
        // Any encoder but the "unsafe relaxed" one escapes HTML's characters; UnicodeRanges.All keeps the rest readable.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string? For(PageModel model)
    {
        if (model.Paper is { } paper)
        {
            return Write(json => Article(json, model, paper));
        }
        return CollectionKinds.Contains(model.Page.Kind) ? Write(json => Collection(json, model)) : null;
    }

    private static void Article(Utf8JsonWriter json, PageModel model, PaperView paper)
    {
        json.WriteString("@type", "ScholarlyArticle");
        json.WriteString("headline", paper.Title);
        if (paper.Published is { } published)
        {
            json.WriteString("datePublished", published);
        }
        if (paper.Tags.Count > 0)
        {
            json.WriteStartArray("keywords");
            foreach (var tag in paper.Tags)
            {
                json.WriteStringValue(tag.Name);
            }
            json.WriteEndArray();
        }
        json.WriteString("description", paper.Excerpt);
        Common(json, model);
    }

    private static void Collection(Utf8JsonWriter json, PageModel model)
    {
        json.WriteString("@type", "CollectionPage");
        json.WriteString("name", model.Page.Title);
        if (model.Page.Description is { Length: > 0 } description)
        {
            json.WriteString("description", description);
        }
        Common(json, model);
    }

    /// <summary>The page's URL and the site it is part of, when the site has a Host to make them absolute.</summary>
    private static void Common(Utf8JsonWriter json, PageModel model)
    {
        if (model.CanonicalUrl is { } url)
        {
            json.WriteString("url", url);
        }
        json.WriteStartObject("isPartOf");
        json.WriteString("@type", "WebSite");
        json.WriteString("name", model.Site.Title);
        if (model.Site.BaseUrl is { } baseUrl)
        {
            json.WriteString("url", baseUrl);
        }
        json.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        // One buffer and writer per thread, emptied for each page: a new pair for each of 20,000 pages, each buffer
        // grown a few times, was a twentieth of what a cold build allocated.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var json = t_json ??= new Utf8JsonWriter(buffer, Options);
        json.Reset(buffer);
        json.WriteStartObject();
        json.WriteString("@context", Context);
        body(json);
        json.WriteEndObject();
        json.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_json;
}

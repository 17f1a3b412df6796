using System.Buffers;
using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using SiteGen.Engine;
using SiteGen.Papers;
using SiteGen.Rendering.Views;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// <c>/papers.json</c>: one array with every paper's front-matter fields (same names as the YAML), its page
/// URL and its abstract, newest first — the site's data for scripts. One paper per line, so the file
/// diffs and greps well; each line is made once per paper and reused while the paper does not change.
/// </summary>
internal sealed class RenderPapersJson(string papersPipeline) : IModule
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        var documents = context.FromPipeline(papersPipeline);
        // A one-off build finds each paper's line in the last file by the fingerprint its view holds; a session keeps its lines.
        var file = site.Session.Reuse.Rerun<Lines>("papers.json", MadeFrom.KeyAlone, documents, last => new Lines([.. documents.Select(d => d.GetRequired<Paper>(Keys.Paper))],
            site.Session.Reuse.Remembers ? null : [.. documents.Select(d => d.GetRequired<PaperView>(Keys.PaperView).PaperFingerprint)], last));
        // Streamed into the file when it is written: at a million papers it is gigabytes, more than one array holds.
        var document = Document.Create(destination: Urls.PapersJson)
            .With(Keys.Stream, (Action<Stream>)(stream => file.Write(stream, site)));
        return Task.FromResult(ImmutableArray.Create(document));
    }

    /// <summary>
    /// The papers of one papers.json and, once it is written in a session, their lines. The next build's papers at the
    /// same places take their lines from it: one comparison of references where a memo's lookup per paper cost 3 ms an
    /// edit at 10,000 papers.
    /// </summary>
    /// <param name="fingerprints">In a one-off build, each paper's fingerprint (<see cref="PaperView.PaperFingerprint"/>), by which its line is found in the last file.</param>
    private sealed class Lines(Paper[] papers, ulong[]? fingerprints, Lines? last)
    {
        private Lines? _last = last?._lines is not null && last._papers.Length == papers.Length ? last : null;
        private readonly Paper[] _papers = papers;
        private byte[][]? _lines;

        /// <summary><c>[</c>, one paper per line separated by commas, <c>]</c>: UTF-8 throughout, no string in between.</summary>
        public void Write(Stream stream, SiteServices site)
        {
            var reuse = site.Session.Reuse;
            lock (this)
            {
                // A paper's line is made from the paper alone. Lines made anew beside a last file skip the memo, which would
                // otherwise see a build that used a handful of its entries, and drop the rest.
                var memo = reuse.Memo<Paper, byte[]>("papers.json lines", MadeFrom.KeyAlone, ReferenceEqualityComparer.Instance);
                var lines = _lines ?? (reuse.Remembers ? new byte[_papers.Length][] : null);
                // A build that keeps no lines (one per process) writes each through one buffer instead of an array per paper,
                // or copies it from the last file (PapersJsonLines).
                var buffer = new ArrayBufferWriter<byte>(4096);
                using var json = new Utf8JsonWriter(buffer, Options);
                // Read back only when it is the last build's file, in the output folder: not a link or anything else put there.
                using var lastFile = lines is null && site.Output.HoldsAsWritten(Urls.PapersJson)
                    ? PapersJsonLines.Open(site.Session.Documents, site.Output.Resolve(Urls.PapersJson)) : null;
                var written = lines is null ? new PapersJsonLines.Written(_papers.Length) : null;
                // "[\n" + lines joined by ",\n" + "\n]\n" (an empty array: "[\n]\n").
                stream.Write("[\n"u8);
                var offset = 2L;
                for (var i = 0; i < _papers.Length; i++)
                {
                    if (lines is null)
                    {
                        var fingerprint = fingerprints?[i] ?? 0;
                        ReadOnlySpan<byte> line = default;
                        var hash = 0UL;
                        var copied = lastFile is not null && lastFile.TryFind(fingerprint, out line, out hash);
                        if (!copied || site.Session.Documents.Verify)
                        {
                            var made = Made(json, buffer, _papers[i]);
                            if (copied && !line.SequenceEqual(made))
                            {
                                throw new StoredWorkMismatchException("a line of papers.json", _papers[i].Slug, "the last file's line for the same paper");
                            }
                            line = made;
                        }
                        stream.Write(line);
                        written!.Add(fingerprint, offset, line, copied ? hash : null);
                        offset += line.Length + (i < _papers.Length - 1 ? 2 : 1);
                    }
                    else
                    {
                        lines[i] ??= _last is { } last
                            ? ReferenceEquals(last._papers[i], _papers[i]) ? last._lines![i] : Line(_papers[i])
                            : memo.GetOrAdd(_papers[i], Line);
                        stream.Write(lines[i]);
                    }
                    stream.Write(i < _papers.Length - 1 ? ",\n"u8 : "\n"u8);
                }
                stream.Write("]\n"u8);
                written?.Keep(site.Session.Documents);
                (_lines, _last) = (lines, null);
            }
        }
    }

    /// <summary>The paper's line, written into <paramref name="buffer"/> (emptied first).</summary>
    private static ReadOnlySpan<byte> Made(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, Paper paper)
    {
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        Write(json, paper);
        json.Flush();
        return buffer.WrittenSpan;
    }

    private static byte[] Line(Paper paper)
    {
        var buffer = new ArrayBufferWriter<byte>(paper.BodyLength + 512);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            Write(json, paper);
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter json, Paper paper)
    {
        json.WriteStartObject();
        json.WriteString("title", paper.Title);
        json.WriteString("slug", paper.Slug);
        WriteUrl(json, paper.Slug);
        WriteStringUnlessNull(json, FrontMatter.ArxivKey, paper.Arxiv);
        if (!paper.Authors.IsDefaultOrEmpty)
        {
            WriteStrings(json, FrontMatter.AuthorsKey, paper.Authors);
        }
        WriteNumberOrNull(json, "author_count", paper.AuthorCount);
        WriteStringUnlessNull(json, FrontMatter.OrganizationKey, paper.Organization);
        if (paper.Published is { } published)
        {
            WriteDate(json, "published", published);
        }
        else
        {
            json.WriteNull("published");
        }
        if (paper.Submitted is { } submitted)
        {
            WriteDate(json, FrontMatter.SubmittedKey, submitted);
        }
        if (paper.Upvotes is { } upvotes)
        {
            json.WriteNumber(FrontMatter.UpvotesKey, upvotes);
        }
        WriteNumberOrNull(json, "comments", paper.Comments);
        if (paper.GithubStars is { } stars)
        {
            json.WriteNumber(FrontMatter.GithubStarsKey, stars);
        }
        WriteStrings(json, "tags", paper.Tags);
        if (!paper.Keywords.IsDefaultOrEmpty)
        {
            WriteStrings(json, FrontMatter.KeywordsKey, paper.Keywords);
        }
        WriteStringUnlessNull(json, FrontMatter.SummaryKey, paper.Summary);
        WriteLinks(json, paper.Links);
        WriteStrings(json, "sources", paper.Sources);
        foreach (var (key, value) in paper.Extra)
        {
            WriteValue(json, key, value);
        }
        // A stored abstract is written from its UTF-8 as it is: the same JSON, without decoding it.
        if (paper.StoredBody is { } stored)
        {
            json.WriteString("abstract", stored.Bytes().AsSpan());
        }
        else
        {
            json.WriteString("abstract", paper.Body);
        }
        json.WriteEndObject();
    }

    /// <summary>A date as <c>yyyy-mm-dd</c>, without a string of its own: papers.json is written whole, every paper's dates in every build.</summary>
    private static void WriteDate(Utf8JsonWriter json, string name, DateOnly date)
    {
        Span<char> text = stackalloc char[10];
        date.TryFormat(text, out var length, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        json.WriteString(name, text[..length]);
    }

    /// <summary>The paper's page, its folder's URL (<c>papers/{slug}/</c>), without a string of its own.</summary>
    private static void WriteUrl(Utf8JsonWriter json, string slug)
    {
        var length = Urls.PaperFolderLength(slug);
        json.WriteString("url", Urls.PaperFolder(slug, length <= 512 ? stackalloc char[length] : new char[length]));
    }

    /// <summary>The paper's links by name, without boxing the dictionary's enumerator as <see cref="WriteValue(Utf8JsonWriter, object?)"/> would.</summary>
    private static void WriteLinks(Utf8JsonWriter json, ImmutableSortedDictionary<string, string> links)
    {
        json.WriteStartObject("links");
        foreach (var (name, url) in links)
        {
            json.WriteString(name, url);
        }
        json.WriteEndObject();
    }

    /// <summary>A list of texts, without boxing it and its enumerator as <see cref="WriteValue(Utf8JsonWriter, object?)"/> would.</summary>
    private static void WriteStrings(Utf8JsonWriter json, string name, ImmutableArray<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values.IsDefault ? [] : values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }

    /// <summary>The fields that older papers do not have are left out when unknown, so papers.json of old sites stays as it was.</summary>
    private static void WriteStringUnlessNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } n)
        {
            json.WriteNumber(name, n);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteValue(Utf8JsonWriter json, string name, object? value)
    {
        json.WritePropertyName(name);
        WriteValue(json, value);
    }

    /// <summary>Front matter holds strings, numbers, booleans, lists and maps; unknown keys are kept as such.</summary>
    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case int or long or double or decimal:
                json.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                break;
            case IDictionary map:
                json.WriteStartObject();
                foreach (DictionaryEntry entry in map)
                {
                    json.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!);
                    WriteValue(json, entry.Value);
                }
                json.WriteEndObject();
                break;
            case IEnumerable list:
                json.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(json, item);
                }
                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}

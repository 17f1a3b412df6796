using System.Collections.Immutable;
using System.Globalization;
using SiteGen.Engine;
using SiteGen.Papers;
using SiteGen.Site;
using SiteGen.Sitemaps;

namespace SiteGen.Modules;

/// <summary>
/// <c>/sitemap.xml</c> with every HTML page of the site (a paper's page with the paper's date as <c>lastmod</c>),
/// and <c>/robots.txt</c> that points to it. Runs in the Output phase: the pages of the pipelines it reads are all
/// made by then (paper pages only in their pipeline's PostProcess), so it lists what is written, not a guess of it.
/// Off with <c>GenerateSitemap: false</c>, and without a <c>Host</c> (a sitemap's URLs must be absolute).
/// Over 50,000 pages, <c>sitemap.xml</c> becomes an index of <c>sitemap-1.xml</c>, <c>sitemap-2.xml</c>...
/// </summary>
internal sealed class CreateSitemap(params string[] pagePipelines) : IModule
{
    /// <summary>URLs per sitemap file; smaller in tests, to see the split without 50,000 pages.</summary>
    public int MaxUrlsPerFile { get; init; } = SitemapWriter.MaxUrlsPerFile;

    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        if (!site.Settings.GenerateSitemap || AbsoluteUrls.BaseOf(site.Settings) is not { } baseUrl)
        {
            return Task.FromResult(inputs);
        }
        ImmutableArray<Document> documents = [.. pagePipelines.SelectMany(name => context.FromPipeline(name))];
        var reuse = site.Session.Reuse;
        var pages = reuse.Rerun<(string Path, DateOnly? Date)[]>("sitemap", MadeFrom.KeyAlone, documents, _ => EntriesOf(documents, reuse),
            (last, changed) => SameEntries(last, documents, changed), same: (a, b) => a.SequenceEqual(b));
        return Task.FromResult(Files(inputs, baseUrl, pages));
    }

    /// <summary>The pages' entries, sorted: the home page first, then each folder before what is in it.</summary>
    private static (string Path, DateOnly? Date)[] EntriesOf(ImmutableArray<Document> documents, Reuse reuse)
    {
        // A session finds an unchanged page's entry by its document, without reading it again.
        var entries = reuse.Memo<Document, (string Path, DateOnly? Date)?>("sitemap entries", MadeFrom.KeyAlone, ReferenceEqualityComparer.Instance);
        return [.. documents
            .Select(d => entries.GetOrAdd(d, EntryOf))
            .Where(entry => entry is not null)
            .Select(entry => entry!.Value) // not OfType, which would box every entry
            .OrderBy(p => new UrlKey(p.Path, AbsoluteUrls.PrettyPart(p.Path).Length), UrlOrder)];
    }

    /// <summary>
    /// A page's path and the length of its URL's part of it (<see cref="AbsoluteUrls.PrettyPart"/>): the sort takes it once
    /// a page, where finding the URL in each comparison was 4 million searches for "/index.html" at 100,000 papers.
    /// </summary>
    private readonly record struct UrlKey(string Path, int UrlLength)
    {
        public ReadOnlySpan<char> Url => Path.AsSpan(0, UrlLength);
    }

    /// <summary>Pages by their URL, ordinal: a folder's page before the pages in it.</summary>
    private static readonly Comparer<UrlKey> UrlOrder = Comparer<UrlKey>.Create(static (a, b) => a.Url.SequenceCompareTo(b.Url));

    /// <summary>
    /// The last entries when the pages that changed have the same entries (an edited abstract): then the sitemap lists what
    /// it listed. Where finding and sorting 11,000 entries cost 14 ms an edit at 10,000 papers.
    /// </summary>
    private static (string Path, DateOnly? Date)[]? SameEntries(LastRun<(string Path, DateOnly? Date)[]> last,
        ImmutableArray<Document> documents, List<int> changed) =>
        changed.All(i => Nullable.Equals(EntryOf(last.Inputs[i]), EntryOf(documents[i]))) ? last.Output : null;

    private ImmutableArray<Document> Files(ImmutableArray<Document> inputs, string baseUrl, (string Path, DateOnly? Date)[] pages)
    {
        var documents = inputs.ToBuilder();
        documents.Add(Produce(Urls.Robots, () => RobotsTxt.Write(AbsoluteUrls.Of(baseUrl, Urls.Sitemap))));
        if (pages.Length <= MaxUrlsPerFile)
        {
            documents.Add(Streamed(Urls.Sitemap, InputsOf(baseUrl, pages), stream => SitemapWriter.WriteUrlSet(stream, baseUrl, pages)));
            return documents.ToImmutable();
        }
        var parts = pages.Chunk(MaxUrlsPerFile).ToArray();
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            documents.Add(Streamed(PartName(i), InputsOf(baseUrl, part), stream => SitemapWriter.WriteUrlSet(stream, baseUrl, part)));
        }
        string[] partUrls = [.. parts.Select((_, i) => AbsoluteUrls.Of(baseUrl, PartName(i)))];
        documents.Add(Streamed(Urls.Sitemap, IndexInputsOf(partUrls), stream => SitemapWriter.WriteIndex(stream, partUrls)));
        return documents.ToImmutable();
    }

    /// <summary>
    /// A page's path and date in the sitemap; null for a document that is no page people land on. The path is the page's
    /// destination itself, which the writer makes a URL: a string made for each entry was 17.5 MB held at 100,000 papers.
    /// </summary>
    private static (string Path, DateOnly? Date)? EntryOf(Document d) =>
        d.Destination is { } destination && IsPage(destination) && d.Get<string>(Keys.Layout) is not null
            ? (destination, d.Get<Paper>(Keys.Paper)?.Published)
            : null;

    /// <summary>The pages people land on: every <c>.../index.html</c> (the 404 page is not one).</summary>
    private static bool IsPage(string destination) =>
        destination == Urls.Index || destination.EndsWith("/" + Urls.Index, StringComparison.Ordinal);

    private static string PartName(int index) => $"sitemap-{(index + 1).ToString(CultureInfo.InvariantCulture)}.xml";

    private static Document Produce(string destination, Func<byte[]> bytes) =>
        Document.Create(destination: destination).With(Keys.Produce, bytes);

    /// <summary>
    /// A sitemap file, streamed into its file (<see cref="Keys.Stream"/>), and kept as the last build wrote it while what
    /// it lists is the same (<see cref="Keys.ProducedFrom"/>: <paramref name="inputs"/>).
    /// </summary>
    private static Document Streamed(string destination, ulong inputs, Action<Stream> write) =>
        Document.Create(destination: destination, metadata: [new(Keys.Stream, write), new(Keys.ProducedFrom, inputs)]);

    /// <summary>What the index of the sitemaps is made from besides the program: their addresses.</summary>
    private static ulong IndexInputsOf(string[] partUrls)
    {
        var inputs = Fingerprint.Fresh().Add((ulong)partUrls.Length);
        foreach (var url in partUrls)
        {
            inputs.Add(url);
        }
        return inputs.Value;
    }

    /// <summary>What a sitemap file is made from besides the program: the site's address, and each page's path and date.</summary>
    private static ulong InputsOf(string baseUrl, (string Path, DateOnly? Date)[] pages)
    {
        var inputs = Fingerprint.Fresh().Add(baseUrl).Add((ulong)pages.Length);
        foreach (var (path, date) in pages)
        {
            inputs.Add(path).Add(date);
        }
        return inputs.Value;
    }
}

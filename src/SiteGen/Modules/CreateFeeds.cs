using System.Collections.Immutable;
using SiteGen.Engine;
using SiteGen.Feeds;
using SiteGen.Papers;
using SiteGen.Rendering.Views;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// The feeds: <c>/feed.xml</c> (Atom) and <c>/feed.json</c> (JSON Feed) of the newest <c>FeedSize</c> papers, and
/// <c>/tags/{tag}/feed.xml</c> for every tag that has a page (one without papers gets an empty feed, since its page
/// links to it). Papers arrive in the site's order, newest first. Without a <c>Host</c> there are no feeds: their URLs
/// must be absolute. The bytes are made when the files are written.
/// </summary>
internal sealed class CreateFeeds(string papersPipeline) : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        if (AbsoluteUrls.BaseOf(site.Settings) is not { } baseUrl)
        {
            return Task.FromResult(ImmutableArray<Document>.Empty);
        }
        var size = site.Settings.FeedSize;
        var papers = context.FromPipeline(papersPipeline)
            .Select(d => (Paper: d.GetRequired<Paper>(Keys.Paper), View: d.GetRequired<PaperView>(Keys.PaperView)))
            .ToArray();

        var title = site.Settings.SiteTitle;
        // A paper's entry is made once for every feed it is in, and only for a feed that is made: a feed whose header and
        // papers are what the last build wrote it from is kept as it is (ProducedFrom).
        var entries = new System.Collections.Concurrent.ConcurrentDictionary<PaperView, FeedEntry>(ReferenceEqualityComparer.Instance);
        FeedEntry EntryOf((Paper Paper, PaperView View) p) => entries.GetOrAdd(p.View, static (_, p) => Entry(p.Paper, p.View, p.BaseUrl), (p.Paper, p.View, BaseUrl: baseUrl));
        Document Produce(string destination, Feed header, (Paper Paper, PaperView View)[] papers, Func<Feed, byte[]> write) =>
            Document.Create(destination: destination)
                .With(Keys.Produce, () => write(header with { Entries = [.. papers.Select(EntryOf)] }))
                .With(Keys.ProducedFrom, InputsOf(header, papers));

        var newest = papers.Take(size).ToArray();
        var documents = ImmutableArray.CreateBuilder<Document>();
        documents.Add(Produce(Urls.AtomFeed, SiteFeed(Urls.AtomFeed), newest, AtomFeedWriter.Write));
        documents.Add(Produce(Urls.JsonFeed, SiteFeed(Urls.JsonFeed), newest, JsonFeedWriter.Write));
        foreach (var (tag, tagged) in NewestByTag(papers, site, size))
        {
            var header = new Feed(
                $"{site.Vocabulary.DisplayName(tag)} · {title}",
                site.Vocabulary.Description(tag) is { Length: > 0 } description ? description : $"Papers tagged {site.Vocabulary.DisplayName(tag)}.",
                AbsoluteUrls.Of(baseUrl, Urls.TagFeed(tag)),
                AbsoluteUrls.Of(baseUrl, Urls.ListFront(Urls.TagFolder(tag))),
                title,
                []);
            documents.Add(Produce(Urls.TagFeed(tag), header, [.. tagged], AtomFeedWriter.Write));
        }
        return Task.FromResult(documents.ToImmutable());

        Feed SiteFeed(string self) => new(title, site.Settings.SiteDescription, AbsoluteUrls.Of(baseUrl, self), AbsoluteUrls.Of(baseUrl, Urls.Index), title, []);
    }

    /// <summary>
    /// What a feed's bytes are made from besides the program: its header, and each paper as its entry shows it (the
    /// view, whose fingerprint covers its URL, title, abstract, tags and code link, and the paper's dates).
    /// </summary>
    private static ulong InputsOf(Feed header, (Paper Paper, PaperView View)[] papers)
    {
        var inputs = Fingerprint.Fresh().Add(header.Title).Add(header.Description).Add(header.SelfUrl).Add(header.PageUrl).Add(header.Author)
            .Add((ulong)papers.Length);
        foreach (var (paper, view) in papers)
        {
            inputs.Add(view.Fingerprint).Add(paper.Published).Add(paper.FirstSeen);
        }
        return inputs.Value;
    }

    /// <summary>Every tag with a page (the vocabulary's, and any a hand-written paper adds), with its newest papers.</summary>
    private static SortedDictionary<string, List<(Paper Paper, PaperView View)>> NewestByTag(
        IEnumerable<(Paper Paper, PaperView View)> papers, SiteServices site, int size)
    {
        // Grouped in a hash table (one lookup per tag of each of 10,000 papers) and sorted once at the end.
        var tags = new Dictionary<string, List<(Paper, PaperView)>>(StringComparer.Ordinal);
        foreach (var definition in site.Vocabulary.Definitions)
        {
            tags[definition.Slug] = [];
        }
        foreach (var paper in papers)
        {
            // By index: a foreach over the interface made an enumerator per paper.
            for (var t = 0; t < paper.View.Tags.Count; t++)
            {
                var slug = paper.View.Tags[t].Slug;
                if (!tags.TryGetValue(slug, out var list))
                {
                    tags[slug] = list = [];
                }
                if (list.Count < size)
                {
                    list.Add(paper);
                }
            }
        }
        return new SortedDictionary<string, List<(Paper Paper, PaperView View)>>(tags, StringComparer.Ordinal);
    }

    private static FeedEntry Entry(Paper paper, PaperView view, string baseUrl) => new(
        AbsoluteUrls.Of(baseUrl, view.Url),
        view.Title,
        paper.Published,
        paper.Published is null ? paper.FirstSeen : null,
        view.Excerpt,
        view.AbstractHtml,
        [.. view.Tags.Select(t => t.Name)],
        view.CodeUrl);
}

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
/// links to it). Papers arrive newest first, undated last. Without a <c>Host</c> there are no feeds: their URLs
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
        // A paper's entry is made once for every feed it is in: its abstract's HTML is rendered when asked for.
        var entries = new System.Collections.Concurrent.ConcurrentDictionary<PaperView, FeedEntry>(ReferenceEqualityComparer.Instance);
        FeedEntry EntryOf((Paper Paper, PaperView View) p) => entries.GetOrAdd(p.View, static (_, p) => Entry(p.Paper, p.View, p.BaseUrl), (p.Paper, p.View, BaseUrl: baseUrl));
        var newestPapers = papers.Take(size).ToArray();
        var newest = newestPapers.Select(EntryOf).ToArray();
        var documents = ImmutableArray.CreateBuilder<Document>();
        documents.Add(Produce(site, Urls.AtomFeed, newestPapers, () => AtomFeedWriter.Write(SiteFeed(Urls.AtomFeed))));
        documents.Add(Produce(site, Urls.JsonFeed, newestPapers, () => JsonFeedWriter.Write(SiteFeed(Urls.JsonFeed))));

        foreach (var (tag, tagged) in NewestByTag(papers, site, size))
        {
            // Made when the bytes are, which a session does only for a feed whose papers changed.
            Feed TagFeed() => new(
                $"{site.Vocabulary.DisplayName(tag)} · {title}",
                site.Vocabulary.Description(tag) is { Length: > 0 } description ? description : $"Papers tagged {site.Vocabulary.DisplayName(tag)}.",
                AbsoluteUrls.Of(baseUrl, Urls.TagFeed(tag)),
                AbsoluteUrls.Of(baseUrl, Urls.ListFront(Urls.TagFolder(tag))),
                title,
                [.. tagged.Select(EntryOf)]);
            documents.Add(Produce(site, Urls.TagFeed(tag), [.. tagged], () => AtomFeedWriter.Write(TagFeed())));
        }
        return Task.FromResult(documents.ToImmutable());

        Feed SiteFeed(string self) => new(title, site.Settings.SiteDescription, AbsoluteUrls.Of(baseUrl, self),
            AbsoluteUrls.Of(baseUrl, Urls.Index), title, newest);
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
        view.Excerpt,
        view.AbstractHtml,
        [.. view.Tags.Select(t => t.Name)],
        view.CodeUrl);

    /// <summary>
    /// A feed's document; in a session, its bytes are those of the last build while it shows the very same papers (a
    /// feed's settings and header are part of what the session's basis covers).
    /// </summary>
    private static Document Produce(SiteServices site, string destination, (Paper Paper, PaperView View)[] papers, Func<byte[]> bytes) =>
        Document.Create(destination: destination).With(Keys.Produce, () => site.Session.FileBytes.GetOrMake(destination, papers, bytes));
}

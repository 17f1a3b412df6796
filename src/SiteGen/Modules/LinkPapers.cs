using System.Collections.Immutable;
using System.Runtime.InteropServices;
using SiteGen.Engine;
using SiteGen.Papers;
using SiteGen.Rendering.Views;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// Gives each paper its links to other papers: those that share the most tags with it (<see cref="RelatedPapers"/>;
/// the site's order breaks ties, so this runs after <see cref="OrderPapers"/>), older or of its day unless
/// <c>RelatedIncludeNewer</c>, and its neighbours in that order, the newer paper just before it and the older one just after.
/// </summary>
/// <remarks>
/// The links depend on every paper's title, date, URL and tags and on their order, and on nothing else: an edit to an
/// abstract changes none of them. So a session keeps the last links with a hash of exactly that, and finds them again
/// only when it changes; a paper whose links came out equal keeps its very document, so its page is not looked at again.
/// </remarks>
internal sealed class LinkPapers : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        var linked = site.Session.Reuse.Rerun<Linked>("links between papers", MadeFrom.Settings, inputs,
            last => Link(inputs, last, site, context.ParallelOptions), (last, changed) => Mended(last, inputs, changed), same: SameLinks);
        return Task.FromResult(linked.Outputs);
    }

    private static Linked Link(ImmutableArray<Document> inputs, Linked? last, SiteServices site, ParallelOptions parallel)
    {
        var views = inputs.Select(d => d.GetRequired<PaperView>(Keys.PaperView)).ToArray();
        var links = new PaperLinkView[views.Length];
        Parallel.For(0, views.Length, parallel, i => links[i] = PaperLinks.Of(views[i]));
        var papers = RelatedIdentities(links, views);
        var (related, found) = last is not null && last.Found.Papers.AsSpan().SequenceEqual(papers)
            ? (last.Related, last.Found)
            : Find(views, links, papers, last, site, parallel);
        // A paper whose links came out as they were keeps its very document, so its page is not looked at again.
        // A build that keeps nothing for the next (one per process) has no use for that.
        var linkedPapers = site.Session.Reuse.Remembers
            ? site.Session.Reuse.Memo<Document, LinkedPaper>("linked papers", MadeFrom.Settings, ReferenceEqualityComparer.Instance)
            : null;
        // In parallel: the other pipelines wait for these papers, so one loop over them all would leave a core idle.
        var outputs = new Document[inputs.Length];
        Parallel.For(0, inputs.Length, parallel, i =>
        {
            var (newer, older) = Neighbours(links, i);
            outputs[i] = linkedPapers is null ? WithLinks(inputs[i], related[views[i].Url], newer, older)
                : linkedPapers.GetOrAdd(inputs[i], static _ => new LinkedPaper()).For(inputs[i], related[views[i].Url], newer, older);
        });
        return new Linked(found, related, views, links, ImmutableCollectionsMarshal.AsImmutableArray(outputs));
    }

    /// <summary>
    /// The last links, when each changed paper has the link and tags it had (an abstract edited): only the changed papers
    /// take their links again, each from its place; null when a link or tag changed. A comparison of references per paper,
    /// where hashing every title and tag cost 8 ms an edit at 10,000 papers, and a lookup of each paper's links and document 7 ms.
    /// </summary>
    private static Linked? Mended(LastRun<Linked> last, ImmutableArray<Document> inputs, List<int> changed)
    {
        var (views, links) = (last.Output.Views.ToArray(), last.Output.Links);
        var outputs = last.Output.Outputs.ToBuilder();
        foreach (var i in changed)
        {
            var (now, then) = (inputs[i].GetRequired<PaperView>(Keys.PaperView), views[i]);
            if (PaperLinks.Of(now) != links[i] || !now.Tags.Select(t => t.Slug).SequenceEqual(then.Tags.Select(t => t.Slug), StringComparer.Ordinal))
            {
                return null;
            }
            views[i] = now;
            var (newer, older) = Neighbours(links, i);
            outputs[i] = WithLinks(inputs[i], last.Output.Related[now.Url], newer, older);
        }
        return last.Output with { Views = views, Outputs = outputs.MoveToImmutable() };
    }

    /// <summary>The papers just before and just after the one at <paramref name="at"/> in the site's order: the newer and the older.</summary>
    private static (PaperLinkView? Newer, PaperLinkView? Older) Neighbours(PaperLinkView[] links, int at) =>
        (at > 0 ? links[at - 1] : null, at + 1 < links.Length ? links[at + 1] : null);

    /// <summary>True when two runs gave the same papers the same links (verify mode).</summary>
    private static bool SameLinks(Linked a, Linked b) =>
        a.Found.Papers.AsSpan().SequenceEqual(b.Found.Papers) && Reuse.SameObjects<PaperView>(a.Views, b.Views) && a.Links.SequenceEqual(b.Links)
        && a.Outputs.Length == b.Outputs.Length && a.Outputs.Zip(b.Outputs).All(pair =>
            ReferenceEquals(pair.First.Get<PaperView>(Keys.PaperView), pair.Second.Get<PaperView>(Keys.PaperView))
            && pair.First.GetRequired<IReadOnlyList<PaperLinkView>>(Keys.RelatedPapers).SequenceEqual(pair.Second.GetRequired<IReadOnlyList<PaperLinkView>>(Keys.RelatedPapers))
            && pair.First.Get<PaperLinkView>(Keys.NewerPaper) == pair.Second.Get<PaperLinkView>(Keys.NewerPaper)
            && pair.First.Get<PaperLinkView>(Keys.OlderPaper) == pair.Second.Get<PaperLinkView>(Keys.OlderPaper));

    private static Document WithLinks(Document paper, IReadOnlyList<PaperLinkView> related, PaperLinkView? newer, PaperLinkView? older) =>
        paper.With([
            new(Keys.RelatedPapers, related),
            new(Keys.NewerPaper, newer),
            new(Keys.OlderPaper, older),
        ]);

    /// <summary>
    /// Related links of every paper by URL; a list equal to last time's is last time's object. Those of the papers that
    /// cannot have changed are taken from the last ones found (<see cref="RelatedPapers.FindAgain"/>): this session's, else
    /// those an earlier process kept in the cache's store, so that a day's new papers, newest in the order, are the only
    /// ones looked for. Kept in the store for the next process.
    /// </summary>
    private static (Dictionary<string, IReadOnlyList<PaperLinkView>> Related, RelatedPapers.Found Found) Find(PaperView[] views,
        PaperLinkView[] links, ulong[] papers, Linked? last, SiteServices site, ParallelOptions parallel)
    {
        var firsts = site.Settings.RelatedIncludeNewer ? null : FirstOfEachDay(links);
        var documents = site.Session.Documents;
        var before = last?.Found ?? documents.Latest(RelatedRecord, RelatedPapers.Found.Read);
        var tags = new Lazy<IReadOnlyList<IReadOnlyList<string>>>(() => SlugsOf(views, parallel));
        var found = RelatedPapers.FindAgain(() => tags.Value, firsts, papers, before, parallel);
        if (documents.Verify && before is not null
            && !found.Related.Zip(RelatedPapers.Find(tags.Value, firsts, parallel: parallel)).All(pair => pair.First.SequenceEqual(pair.Second)))
        {
            throw new StoredWorkMismatchException("related papers", $"{papers.Length} papers", "the last build found for those that did not change");
        }
        if (before is null || !found.Holds(before))
        {
            documents.Keep(RelatedRecord, found.ToBytes);
        }
        var lists = new IReadOnlyList<PaperLinkView>[views.Length];
        Parallel.For(0, views.Length, parallel, i =>
        {
            // An array filled by place: a list, an iterator and a wrapper for each paper were 13 MB of a day at 100,000 papers.
            var places = found.Related[i];
            var list = new PaperLinkView[places.Length];
            for (var r = 0; r < list.Length; r++)
            {
                list[r] = links[places[r]];
            }
            lists[i] = last is not null && last.Related.TryGetValue(views[i].Url, out var old) && old.SequenceEqual(list) ? old : list;
        });
        var related = new Dictionary<string, IReadOnlyList<PaperLinkView>>(views.Length, StringComparer.Ordinal);
        for (var i = 0; i < views.Length; i++)
        {
            related[views[i].Url] = lists[i];
        }
        return (related, found);
    }

    private const string RelatedRecord = "related papers";

    /// <summary>Each paper's tags by slug, found on every core: one loop over them all was a tenth of a second on one core at 100,000 papers.</summary>
    private static string[][] SlugsOf(PaperView[] views, ParallelOptions parallel)
    {
        var slugs = new string[views.Length][];
        Parallel.For(0, views.Length, parallel, i =>
        {
            var tags = views[i].Tags;
            var paper = slugs[i] = new string[tags.Count];
            for (var t = 0; t < paper.Length; t++)
            {
                paper[t] = tags[t].Slug;
            }
        });
        return slugs;
    }

    /// <summary>
    /// For each paper, the first paper of its day in the site's order (newest first, so a day's papers are together):
    /// papers after it are older or of its day. A paper's day is where the order puts it
    /// (<see cref="Papers.Paper.OrderDate"/>: a paper without a date of its own is of the day it was first captured);
    /// the papers with neither come last, and are one "day".
    /// </summary>
    /// <remarks>
    /// The day is read from <see cref="PaperLinkView.OrderDate"/>, which each paper's identity for its related papers
    /// hashes (<see cref="RelatedIdentities"/>).
    /// </remarks>
    private static int[] FirstOfEachDay(PaperLinkView[] links)
    {
        var first = new int[links.Length];
        for (var i = 1; i < links.Length; i++)
        {
            first[i] = links[i].OrderDate == links[i - 1].OrderDate ? first[i - 1] : i;
        }
        return first;
    }

    /// <summary>
    /// What each paper is, as far as the links go: its link (by the link's own hash of its title, URL and dates) and tags.
    /// The list of them, in the site's order, is everything the links are made from.
    /// </summary>
    private static ulong[] RelatedIdentities(PaperLinkView[] links, PaperView[] views)
    {
        var papers = new ulong[links.Length];
        for (var i = 0; i < links.Length; i++)
        {
            var tags = views[i].Tags;
            var paper = Fingerprint.Fresh().Add(links[i].Fingerprint).Add((ulong)tags.Count);
            for (var t = 0; t < tags.Count; t++)
            {
                paper.Add(tags[t].Slug);
            }
            papers[i] = paper.Value;
        }
        return papers;
    }

    /// <summary>The links of every paper, what they were found from, and the papers' views, links and documents with them, at the same places.</summary>
    private sealed record Linked(RelatedPapers.Found Found, Dictionary<string, IReadOnlyList<PaperLinkView>> Related, PaperView[] Views, PaperLinkView[] Links,
        ImmutableArray<Document> Outputs);

    /// <summary>
    /// A paper's document with its links, kept per input document: the same document again while the links stay the same.
    /// </summary>
    internal sealed class LinkedPaper
    {
        private Document? _output;
        private (IReadOnlyList<PaperLinkView>? Related, PaperLinkView? Newer, PaperLinkView? Older) _links;

        public Document For(Document input, IReadOnlyList<PaperLinkView> related, PaperLinkView? newer, PaperLinkView? older)
        {
            lock (this)
            {
                if (_output is null || !ReferenceEquals(_links.Related, related) || _links.Newer != newer || _links.Older != older)
                {
                    _links = (related, newer, older);
                    _output = WithLinks(input, related, newer, older);
                }
                return _output;
            }
        }
    }
}

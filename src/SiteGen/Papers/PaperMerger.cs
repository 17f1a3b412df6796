using System.Collections.Immutable;
using System.Globalization;
using SiteGen.Diagnostics;

namespace SiteGen.Papers;

/// <summary>
/// Makes one paper of every paper that appears more than once: in several listings, or in listings and a
/// hand-written page. Papers with the same arXiv id are one paper, and so are papers with the same title (its
/// <see cref="TitleKey"/>) unless their ids differ.
/// One dictionary lookup per paper; the output keeps the order in which papers first appear.
/// </summary>
internal static class PaperMerger
{
    /// <summary>
    /// Merges papers read from listings: the first known value of a field wins in input order, and a conflicting
    /// author count or date is a warning naming both sources; the larger comment count and the longer body are kept;
    /// tags, links and sources are unions in order of first appearance.
    /// </summary>
    public static MergeResult Merge(IEnumerable<Paper> papers) => Merge(papers, []);

    /// <summary>
    /// Merges the listing papers as <see cref="Merge(IEnumerable{Paper})"/> does, then lets each hand-written paper
    /// override the one with its identity: every field the page sets (non-null, non-empty) replaces the listing's,
    /// each front-matter key it sets in <see cref="Paper.Extra"/> too, and its sources are added to the listing's.
    /// A hand-written paper no listing shows is added after the listing papers.
    /// </summary>
    public static MergeResult Merge(IEnumerable<Paper> listingPapers, IEnumerable<Paper> handWrittenPapers)
    {
        var (groups, warnings) = Group(listingPapers, handWrittenPapers, TitleIdentity);
        var papers = ImmutableArray.CreateBuilder<Paper>(groups.Count);
        foreach (var group in groups)
        {
            var (paper, conflicts) = MergeGroup(group);
            papers.Add(paper);
            warnings = warnings.AddRange(conflicts);
        }
        return new MergeResult(papers.MoveToImmutable(), warnings);
    }

    /// <summary>
    /// The copies of each paper, in the order papers first appear (listing papers, then papers only a page shows),
    /// and a warning for each paper with two hand-written pages. <paramref name="titleKey"/> is
    /// <see cref="TitleIdentity"/>, or a memo of it.
    /// </summary>
    /// <param name="fileOf">A hand-written page's file as a warning names it (the site-relative path); when it gives none, its source's name.</param>
    public static (List<PaperGroup> Groups, ImmutableArray<Diagnostic> Warnings) Group(
        IEnumerable<Paper> listingPapers, IEnumerable<Paper> handWrittenPapers, Func<Paper, UInt128> titleKey, Func<Paper, string?>? fileOf = null)
    {
        string FileOf(Paper paper) => fileOf?.Invoke(paper) ?? SourceOf(paper);
        ArgumentNullException.ThrowIfNull(listingPapers);
        ArgumentNullException.ThrowIfNull(handWrittenPapers);
        // Sized for the papers up front, and each group's copies held without a list of its own unless it has more than
        // one: most groups are one copy, and the lists, their arrays and the tables' growth were 60 MB of a merge of
        // 100,000 papers.
        var expected = (listingPapers.TryGetNonEnumeratedCount(out var listingCount) ? listingCount : 0)
            + (handWrittenPapers.TryGetNonEnumeratedCount(out var pageCount) ? pageCount : 0);
        var groups = new List<(Copies Listings, Copies Pages)>(expected);
        // Each key leads to the group that has it; two groups that turn out to be one paper become one (the first).
        var byArxiv = new Dictionary<string, int>(expected, StringComparer.Ordinal);
        var byTitle = new Dictionary<UInt128, int>(expected);
        var moved = new Dictionary<int, int>();
        int Find(int group)
        {
            while (moved.TryGetValue(group, out var into))
            {
                group = into;
            }
            return group;
        }
        int GroupOf(Paper paper)
        {
            var title = titleKey(paper);
            int? found = paper.Arxiv is { } id && byArxiv.TryGetValue(id, out var a) ? Find(a) : null;
            if (byTitle.TryGetValue(title, out var t))
            {
                t = Find(t);
                // The same title with two different arXiv ids: two papers (a title can be reused; an id cannot).
                var otherId = groups[t].Listings.FirstArxiv() ?? groups[t].Pages.FirstArxiv();
                if (paper.Arxiv is null || otherId is null || otherId == paper.Arxiv)
                {
                    if (found is { } f && f != t)
                    {
                        var (first, second) = f < t ? (f, t) : (t, f);
                        var all = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(groups);
                        all[first].Listings.AddRange(all[second].Listings);
                        all[first].Pages.AddRange(all[second].Pages);
                        all[second] = default;
                        moved[second] = first;
                        found = first;
                    }
                    found ??= t;
                }
            }
            if (found is not { } group)
            {
                group = groups.Count;
                groups.Add(default);
            }
            if (paper.Arxiv is { } arxiv)
            {
                byArxiv.TryAdd(arxiv, group);
            }
            byTitle.TryAdd(title, group);
            return group;
        }
        foreach (var paper in listingPapers)
        {
            var group = GroupOf(paper);
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(groups)[group].Listings.Add(paper);
        }

        var warnings = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var page in handWrittenPapers)
        {
            var group = GroupOf(page);
            ref var pages = ref System.Runtime.InteropServices.CollectionsMarshal.AsSpan(groups)[group].Pages;
            if (pages.Count > 0)
            {
                warnings.Add(Diagnostic.Warning(FileOf(page), 0,
                    $"{FileOf(page)} and {FileOf(pages.First)} are both pages for paper \"{page.Title}\"; the fields {FileOf(page)} sets win; delete one of the two pages"));
            }
            pages.Add(page);
        }

        var result = new List<PaperGroup>(groups.Count);
        for (var i = 0; i < groups.Count; i++)
        {
            if (!moved.ContainsKey(i))
            {
                result.Add(new PaperGroup(groups[i].Listings.ToImmutable(), groups[i].Pages.ToImmutable()));
            }
        }
        return (result, warnings.ToImmutable());
    }

    /// <summary>A group's copies of one kind, in the order met: one held alone, more in a list.</summary>
    private struct Copies
    {
        private Paper? _one;
        private List<Paper>? _more;

        public readonly int Count => _more?.Count ?? (_one is null ? 0 : 1);

        public readonly Paper First => _more?[0] ?? _one ?? throw new InvalidOperationException("no copies");

        public void Add(Paper paper)
        {
            if (_more is not null)
            {
                _more.Add(paper);
            }
            else if (_one is null)
            {
                _one = paper;
            }
            else
            {
                (_more, _one) = ([_one, paper], null);
            }
        }

        public void AddRange(Copies other)
        {
            if (other._more is not null)
            {
                foreach (var paper in other._more)
                {
                    Add(paper);
                }
            }
            else if (other._one is not null)
            {
                Add(other._one);
            }
        }

        /// <summary>The arXiv id of the first copy that has one.</summary>
        public readonly string? FirstArxiv() => _more is not null ? _more.Find(p => p.Arxiv is not null)?.Arxiv : _one?.Arxiv;

        public readonly ImmutableArray<Paper> ToImmutable() => _more is not null ? [.. _more] : _one is null ? [] : [_one];
    }

    /// <summary>One paper of its copies (<see cref="MergeCopies"/>; a copy alone, <see cref="Alone"/>).</summary>
    public static (Paper Paper, ImmutableArray<Diagnostic> Warnings) MergeGroup(PaperGroup group) =>
        group.Listings.Length + group.Pages.Length == 1 ? (Alone(group.Listings.IsEmpty ? group.Pages[0] : group.Listings[0]), []) : MergeCopies(group);

    /// <summary>
    /// The paper of a group of one copy, most of a site's papers (every paper in the second merge, of the listings' papers
    /// and the pages): what <see cref="MergeCopies"/> makes of it, without setting up a merge. That is the copy itself, but
    /// for what every merged paper is: its lists without repeats, no capture note, names of authors rather than none.
    /// </summary>
    internal static Paper Alone(Paper copy)
    {
        var (authors, keywords, tags, sources) =
            (copy.Authors.IsDefault ? [] : copy.Authors, Distinct(copy.Keywords), Distinct(copy.Tags), Distinct(copy.Sources));
        return copy.Capture is null && authors == copy.Authors && keywords == copy.Keywords && tags == copy.Tags && sources == copy.Sources
            ? copy
            : copy with { Authors = authors, Keywords = keywords, Tags = tags, Sources = sources, Capture = null };
    }

    /// <summary><paramref name="items"/> in order without repeats (ordinal): the very array when it has none.</summary>
    private static ImmutableArray<string> Distinct(ImmutableArray<string> items)
    {
        if (items.IsDefault)
        {
            return [];
        }
        for (var i = 1; i < items.Length; i++)
        {
            // A few items each: a scan costs less than a set.
            if (items.AsSpan(0, i).Contains(items[i]))
            {
                return [.. items.Distinct(StringComparer.Ordinal)];
            }
        }
        return items;
    }

    /// <summary>One paper of its copies, however many: listings merged in order, then each hand-written page overriding them.</summary>
    internal static (Paper Paper, ImmutableArray<Diagnostic> Warnings) MergeCopies(PaperGroup group)
    {
        var warnings = new List<Diagnostic>();
        var pages = group.Pages.AsSpan();
        // A paper no listing shows starts from its first page.
        var merged = new MergedPaper(group.Listings.IsEmpty ? pages[0] : group.Listings[0]);
        if (group.Listings.IsEmpty)
        {
            pages = pages[1..];
        }
        for (var i = 1; i < group.Listings.Length; i++)
        {
            merged.Add(group.Listings[i], warnings);
        }
        foreach (var page in pages)
        {
            merged.Override(page);
        }
        return (merged.ToPaper(), [.. warnings]);
    }

    /// <summary>
    /// Which paper this is: its arXiv id and its title's <see cref="TitleKey"/>. Papers with the same id are one paper;
    /// so are papers with the same title, unless they have two different ids.
    /// </summary>
    public static string Identity(Paper paper) => $"{paper.Arxiv}\n{TitleKey.Of(paper.Title)}";

    /// <summary>The title part of <see cref="Identity"/>, as its hash (<see cref="TitleKey.HashOf"/>).</summary>
    public static UInt128 TitleIdentity(Paper paper) => TitleKey.HashOf(paper.Title);

    private static string SourceOf(Paper paper) => paper.Sources.IsDefaultOrEmpty ? "(unknown source)" : paper.Sources[0];

    /// <summary>
    /// One paper being merged: the richest value of each field (names over a count, a full date over one whose year was
    /// assumed, the longer abstract), the counts that change over time (upvotes, comments, stars) from the most recent
    /// capture, and which source each conflict-prone value came from.
    /// </summary>
    private sealed class MergedPaper
    {
        // Each a few items long: a lookup in the list costs less than a set beside it, three per paper, would.
        private readonly List<string> tags = [];
        private readonly List<string> keywords = [];
        private readonly List<string> sources = [];
        private readonly ImmutableSortedDictionary<string, string>.Builder links;
        private readonly ImmutableSortedDictionary<string, object?>.Builder extra;
        private string title;
        private string slug;
        private string? arxiv;
        private ImmutableArray<string> authors;
        private int? authorCount;
        private string authorCountSource;
        private string? organization;
        private DateOnly? published;
        private DateOnly? firstSeen;
        private bool publishedInferred;
        private string publishedSource;
        private DateOnly? submitted;
        private Counts counts;
        private string? summary;
        /// <summary>The copy whose abstract is kept: its own, as the store kept it, is not decoded to be compared or kept.</summary>
        private Paper bodyOf;

        /// <summary>The counts of one capture, and when it was made (a copy without a date counts as made after the last).</summary>
        private readonly record struct Counts(int? Upvotes, int? Comments, int? Stars, DateOnly? CapturedOn);

        public MergedPaper(Paper first)
        {
            firstSeen = first.FirstSeen;
            title = first.Title;
            slug = first.Slug;
            arxiv = first.Arxiv;
            authors = first.Authors.IsDefault ? [] : first.Authors;
            authorCount = first.AuthorCount;
            organization = first.Organization;
            published = first.Published;
            publishedInferred = first.Capture?.YearInferred ?? false;
            authorCountSource = publishedSource = SourceOf(first);
            submitted = first.Submitted;
            counts = CountsOf(first);
            summary = first.Summary;
            bodyOf = first;
            links = first.Links.ToBuilder();
            extra = first.Extra.ToBuilder();
            AddTags(first.Tags);
            AddKeywords(first.Keywords);
            AddSources(first.Sources);
        }

        private static Counts CountsOf(Paper paper) => new(paper.Upvotes, paper.Comments, paper.GithubStars, paper.Capture?.CapturedOn);

        /// <summary>Another capture's copy of this paper.</summary>
        public void Add(Paper other, List<Diagnostic> warnings)
        {
            var source = SourceOf(other);
            firstSeen = Earliest(firstSeen, other.FirstSeen);
            arxiv ??= other.Arxiv;
            organization ??= other.Organization;
            submitted ??= other.Submitted;
            if (other.Summary is { } otherSummary && otherSummary.Length > (summary?.Length ?? 0))
            {
                summary = otherSummary;
            }
            if (!other.Authors.IsDefaultOrEmpty && other.Authors.Length > authors.Length)
            {
                // Names say more than a count: they win, and they are the count.
                (authors, authorCount, authorCountSource) = (other.Authors, other.Authors.Length, source);
            }
            else if (authorCount is null)
            {
                (authorCount, authorCountSource) = (other.AuthorCount, source);
            }
            else if (other.AuthorCount is { } count && count != authorCount && other.Authors.IsDefaultOrEmpty)
            {
                warnings.Add(Conflict(source, string.Create(CultureInfo.InvariantCulture,
                    $"{source} shows {count} authors but {authorCountSource} shows {authorCount}; kept {authorCount} from {authorCountSource}"), "author_count"));
            }

            var otherInferred = other.Capture?.YearInferred ?? false;
            if (published is null || (publishedInferred && !otherInferred && other.Published is not null))
            {
                (published, publishedInferred, publishedSource) = (other.Published, otherInferred, source);
            }
            else if (other.Published is { } date && date != published && !otherInferred)
            {
                warnings.Add(Conflict(source, string.Create(CultureInfo.InvariantCulture,
                    $"{source} dates it {date:yyyy-MM-dd} but {publishedSource} dates it {published:yyyy-MM-dd}; kept {published:yyyy-MM-dd} from {publishedSource}"), "published"));
            }

            counts = Newer(counts, CountsOf(other));
            if (other.BodyLength > bodyOf.BodyLength)
            {
                bodyOf = other;
            }
            foreach (var (name, url) in other.Links)
            {
                links.TryAdd(name, url);
            }
            foreach (var (key, value) in other.Extra)
            {
                extra.TryAdd(key, value);
            }
            AddTags(other.Tags);
            AddKeywords(other.Keywords);
            AddSources(other.Sources);
        }

        /// <summary>
        /// The counts of the more recent capture, each where it shows one: a capture that says when it was made against one
        /// that says nothing is taken as the later in input order (files are read in name order, and dated names sort by date).
        /// </summary>
        private static Counts Newer(Counts kept, Counts other)
        {
            var otherIsNewer = kept.CapturedOn is not { } keptOn || other.CapturedOn is not { } otherOn || otherOn >= keptOn;
            var (newer, older) = otherIsNewer ? (other, kept) : (kept, other);
            return new Counts(newer.Upvotes ?? older.Upvotes, newer.Comments ?? older.Comments, newer.Stars ?? older.Stars,
                newer.CapturedOn ?? older.CapturedOn);
        }

        /// <summary>The earlier of two days, either of which may be unknown.</summary>
        private static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is { } x && b is { } y ? (x <= y ? x : y) : a ?? b;

        /// <summary>A hand-written page for this paper: what it sets wins.</summary>
        public void Override(Paper page)
        {
            title = page.Title;
            if (page.Slug.Length > 0)
            {
                slug = page.Slug;
            }
            arxiv = page.Arxiv ?? arxiv;
            if (!page.Authors.IsDefaultOrEmpty)
            {
                authors = page.Authors;
            }
            authorCount = page.AuthorCount ?? authorCount;
            if (!authors.IsEmpty && authorCount != authors.Length)
            {
                authors = []; // the page sets a count that the listing's names do not have: the page wins
            }
            organization = page.Organization ?? organization;
            published = page.Published ?? published;
            firstSeen = page.FirstSeen ?? firstSeen;
            submitted = page.Submitted ?? submitted;
            counts = new Counts(page.Upvotes ?? counts.Upvotes, page.Comments ?? counts.Comments, page.GithubStars ?? counts.Stars, counts.CapturedOn);
            summary = page.Summary ?? summary;
            if (page.BodyLength > 0)
            {
                bodyOf = page;
            }
            if (!page.Tags.IsDefaultOrEmpty)
            {
                tags.Clear();
                AddTags(page.Tags);
            }
            if (!page.Keywords.IsDefaultOrEmpty)
            {
                keywords.Clear();
                AddKeywords(page.Keywords);
            }
            if (!page.Links.IsEmpty)
            {
                links.Clear();
                links.AddRange(page.Links);
            }
            foreach (var (key, value) in page.Extra)
            {
                extra[key] = value;
            }
            AddSources(page.Sources);
        }

        public Paper ToPaper() => new()
        {
            Title = title,
            Slug = slug,
            Arxiv = arxiv,
            Authors = authors,
            AuthorCount = authorCount,
            Organization = organization,
            Published = published,
            FirstSeen = firstSeen,
            Submitted = submitted,
            Upvotes = counts.Upvotes,
            Comments = counts.Comments,
            GithubStars = counts.Stars,
            Summary = summary,
            Keywords = [.. keywords],
            Tags = [.. tags],
            Links = links.ToImmutable(),
            Sources = [.. sources],
            // Body before StoredBody: setting it clears the stored one.
            Body = bodyOf.StoredBody is null ? bodyOf.Body : "",
            StoredBody = bodyOf.StoredBody,
            Extra = extra.ToImmutable(),
        };

        private Diagnostic Conflict(string source, string what, string field) =>
            Diagnostic.Warning(source, 0,
                $"paper \"{title}\": {what}; correct the listing, or settle it in a hand-written input/papers/{slug}.md that sets {field}");

        private void AddTags(ImmutableArray<string> more) => AddDistinct(tags, more);

        private void AddKeywords(ImmutableArray<string> more) => AddDistinct(keywords, more);

        private void AddSources(ImmutableArray<string> more) => AddDistinct(sources, more);

        private static void AddDistinct(List<string> list, ImmutableArray<string> more)
        {
            foreach (var item in more.IsDefault ? [] : more)
            {
                if (!list.Contains(item)) // ordinal: string's own equality
                {
                    list.Add(item);
                }
            }
        }
    }
}

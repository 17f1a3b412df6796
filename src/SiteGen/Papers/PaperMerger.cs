using System.Collections.Immutable;
using System.Globalization;
using SiteGen.Diagnostics;

namespace SiteGen.Papers;

/// <summary>
/// Makes one paper of every paper that appears more than once: in several listings, or in listings and a
/// hand-written page. Identity is the <see cref="TitleKey"/> of the title, so the same title is the same paper.
/// One dictionary lookup per paper; the output keeps the order in which papers first appear.
/// </summary>
public static class PaperMerger
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
        var (groups, warnings) = Group(listingPapers, handWrittenPapers, Identity);
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
    /// and a warning for each paper with two hand-written pages. <paramref name="identity"/> is <see cref="Identity"/>,
    /// or a memo of it.
    /// </summary>
    public static (List<PaperGroup> Groups, ImmutableArray<Diagnostic> Warnings) Group(
        IEnumerable<Paper> listingPapers, IEnumerable<Paper> handWrittenPapers, Func<Paper, string> identity)
    {
        ArgumentNullException.ThrowIfNull(listingPapers);
        ArgumentNullException.ThrowIfNull(handWrittenPapers);
        var byIdentity = new Dictionary<string, (List<Paper> Listings, List<Paper>? Pages)>(StringComparer.Ordinal);
        var inOrder = new List<string>();
        foreach (var paper in listingPapers)
        {
            var key = identity(paper);
            if (byIdentity.TryGetValue(key, out var copies))
            {
                copies.Listings.Add(paper);
            }
            else
            {
                byIdentity.Add(key, ([paper], null));
                inOrder.Add(key);
            }
        }

        var warnings = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var page in handWrittenPapers)
        {
            var key = identity(page);
            if (!byIdentity.TryGetValue(key, out var copies))
            {
                copies = ([], []);
                byIdentity.Add(key, copies);
                inOrder.Add(key);
            }
            else if (copies.Pages is null)
            {
                copies = (copies.Listings, []);
                byIdentity[key] = copies;
            }
            else if (copies.Pages.Count > 0)
            {
                warnings.Add(Diagnostic.Warning(SourceOf(page), 0,
                    $"{SourceOf(page)} and {SourceOf(copies.Pages[0])} are both pages for paper \"{page.Title}\"; the fields {SourceOf(page)} sets win; delete one of the two pages"));
            }
            copies.Pages!.Add(page);
        }

        var groups = new List<PaperGroup>(inOrder.Count);
        foreach (var key in inOrder)
        {
            var (listings, pages) = byIdentity[key];
            groups.Add(new PaperGroup([.. listings], pages is null ? [] : [.. pages]));
        }
        return (groups, warnings.ToImmutable());
    }

    /// <summary>One paper of its copies: listings merged in order, then each hand-written page overriding them.</summary>
    public static (Paper Paper, ImmutableArray<Diagnostic> Warnings) MergeGroup(PaperGroup group)
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

    /// <summary>What makes two papers the same paper: their titles' <see cref="TitleKey"/>.</summary>
    public static string Identity(Paper paper) => TitleKey.Of(paper.Title);

    private static string SourceOf(Paper paper) => paper.Sources.IsDefaultOrEmpty ? "(unknown source)" : paper.Sources[0];

    /// <summary>One paper being merged: the values kept so far, and which source each conflict-prone value came from.</summary>
    private sealed class MergedPaper
    {
        private readonly List<string> tags = [];
        private readonly HashSet<string> tagSet = new(StringComparer.Ordinal);
        private readonly List<string> sources = [];
        private readonly HashSet<string> sourceSet = new(StringComparer.Ordinal);
        private readonly ImmutableSortedDictionary<string, string>.Builder links;
        private readonly ImmutableSortedDictionary<string, object?>.Builder extra;
        private string title;
        private string slug;
        private int? authorCount;
        private string authorCountSource;
        private DateOnly? published;
        private string publishedSource;
        private int? comments;
        private string body;

        public MergedPaper(Paper first)
        {
            title = first.Title;
            slug = first.Slug;
            authorCount = first.AuthorCount;
            published = first.Published;
            authorCountSource = publishedSource = SourceOf(first);
            comments = first.Comments;
            body = first.Body;
            links = first.Links.ToBuilder();
            extra = first.Extra.ToBuilder();
            AddTags(first.Tags);
            AddSources(first.Sources);
        }

        /// <summary>Another listing's copy of this paper.</summary>
        public void Add(Paper other, List<Diagnostic> warnings)
        {
            var source = SourceOf(other);
            if (authorCount is null)
            {
                (authorCount, authorCountSource) = (other.AuthorCount, source);
            }
            else if (other.AuthorCount is { } count && count != authorCount)
            {
                warnings.Add(Conflict(source, string.Create(CultureInfo.InvariantCulture,
                    $"{source} shows {count} authors but {authorCountSource} shows {authorCount}; kept {authorCount} from {authorCountSource}"), "author_count"));
            }

            if (published is null)
            {
                (published, publishedSource) = (other.Published, source);
            }
            else if (other.Published is { } date && date != published)
            {
                warnings.Add(Conflict(source, string.Create(CultureInfo.InvariantCulture,
                    $"{source} dates it {date:yyyy-MM-dd} but {publishedSource} dates it {published:yyyy-MM-dd}; kept {published:yyyy-MM-dd} from {publishedSource}"), "published"));
            }

            comments = comments is { } kept && other.Comments is { } seen ? Math.Max(kept, seen) : comments ?? other.Comments;
            if (other.Body.Length > body.Length)
            {
                body = other.Body;
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
            AddSources(other.Sources);
        }

        /// <summary>A hand-written page for this paper: what it sets wins.</summary>
        public void Override(Paper page)
        {
            title = page.Title;
            if (page.Slug.Length > 0)
            {
                slug = page.Slug;
            }
            authorCount = page.AuthorCount ?? authorCount;
            published = page.Published ?? published;
            comments = page.Comments ?? comments;
            if (page.Body.Length > 0)
            {
                body = page.Body;
            }
            if (!page.Tags.IsDefaultOrEmpty)
            {
                tags.Clear();
                tagSet.Clear();
                AddTags(page.Tags);
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
            AuthorCount = authorCount,
            Published = published,
            Comments = comments,
            Tags = [.. tags],
            Links = links.ToImmutable(),
            Sources = [.. sources],
            Body = body,
            Extra = extra.ToImmutable(),
        };

        private Diagnostic Conflict(string source, string what, string field) =>
            Diagnostic.Warning(source, 0,
                $"paper \"{title}\": {what}; correct the listing, or settle it in a hand-written input/papers/{slug}.md that sets {field}");

        private void AddTags(ImmutableArray<string> more)
        {
            foreach (var tag in more.IsDefault ? [] : more)
            {
                if (tagSet.Add(tag))
                {
                    tags.Add(tag);
                }
            }
        }

        private void AddSources(ImmutableArray<string> more)
        {
            foreach (var source in more.IsDefault ? [] : more)
            {
                if (sourceSet.Add(source))
                {
                    sources.Add(source);
                }
            }
        }
    }
}

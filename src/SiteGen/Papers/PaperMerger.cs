using System.Collections.Immutable;
using System.Globalization;
using SiteGen.Diagnostics;

namespace SiteGen.Papers;

/// <summary>
/// Makes one paper of every paper that appears more than once: in several listings, or in listings and a
/// hand-written page. Identity is <see cref="Slug.FromTitle"/> of the title, so the same title is the same paper.
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
        ArgumentNullException.ThrowIfNull(listingPapers);
        ArgumentNullException.ThrowIfNull(handWrittenPapers);
        var warnings = new List<Diagnostic>();
        var byIdentity = new Dictionary<string, MergedPaper>(StringComparer.Ordinal);
        var inOrder = new List<MergedPaper>();

        foreach (var paper in listingPapers)
        {
            var identity = Identity(paper);
            if (byIdentity.TryGetValue(identity, out var merged))
            {
                merged.Add(paper, warnings);
            }
            else
            {
                merged = new MergedPaper(paper);
                byIdentity.Add(identity, merged);
                inOrder.Add(merged);
            }
        }

        var handWrittenSources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in handWrittenPapers)
        {
            var identity = Identity(page);
            if (!handWrittenSources.TryAdd(identity, SourceOf(page)))
            {
                warnings.Add(Diagnostic.Warning(SourceOf(page), 0,
                    $"{SourceOf(page)} and {handWrittenSources[identity]} are both pages for paper \"{page.Title}\"; the fields {SourceOf(page)} sets win; delete one of the two pages"));
            }
            if (byIdentity.TryGetValue(identity, out var merged))
            {
                merged.Override(page);
            }
            else
            {
                merged = new MergedPaper(page);
                byIdentity.Add(identity, merged);
                inOrder.Add(merged);
            }
        }

        var papers = ImmutableArray.CreateBuilder<Paper>(inOrder.Count);
        foreach (var merged in inOrder)
        {
            papers.Add(merged.ToPaper());
        }
        return new MergeResult(papers.MoveToImmutable(), [.. warnings]);
    }

    /// <summary>What makes two papers the same paper: the slug of the title.</summary>
    public static string Identity(Paper paper) => Slug.FromTitle(paper.Title);

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

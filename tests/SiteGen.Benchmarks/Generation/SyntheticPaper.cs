using System.Collections.Immutable;
using SiteGen.Papers;

namespace SiteGen.Benchmarks.Generation;

/// <summary>
/// One generated paper, with everything both sites need to show it the same way: SiteGen reads it from a listing
/// card or a hand-written page; the Hugo site gets the same fields, and the tags SiteGen will compute.
/// </summary>
internal sealed record SyntheticPaper
{
    public required string Title { get; init; }

    /// <summary><see cref="Slug.FromTitle"/> of the title: unique among the generated papers.</summary>
    public required string Slug { get; init; }

    /// <summary>The abstract as a listing shows it: one paragraph of plain text.</summary>
    public required string Abstract { get; init; }

    /// <summary>The abstract as Markdown that renders to its text (<see cref="AbstractMarkdown.FromLiteral"/>).</summary>
    public required string Body { get; init; }

    public int? AuthorCount { get; init; }

    public DateOnly? Published { get; init; }

    public int? Comments { get; init; }

    /// <summary>The tags a hand-written page names itself (listing papers have none).</summary>
    public ImmutableArray<string> OwnTags { get; init; } = [];

    /// <summary>The tags SiteGen gives the paper: its own, then the vocabulary's matches.</summary>
    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>The code link SiteGen finds in the abstract, or null.</summary>
    public string? CodeUrl { get; init; }

    /// <summary>True for a page of <c>input/papers/</c>, false for a paper of the listings.</summary>
    public bool HandWritten { get; init; }

    /// <summary>The listings that show the paper, in build order (none for a hand-written page).</summary>
    public ImmutableArray<string> Sources { get; init; } = [];

    /// <summary>The page SiteGen reads from <c>input/papers/{slug}.md</c>.</summary>
    public Paper ToHandWrittenPaper() => new()
    {
        Title = Title,
        Slug = Slug,
        AuthorCount = AuthorCount,
        Published = Published,
        Comments = Comments,
        Tags = OwnTags,
        Body = Body,
    };
}

using System.Collections.Immutable;

namespace SiteGen.Listings;

/// <summary>
/// One paper card as read from a capture (a listing, a paper's page, an API response), before it becomes a
/// <see cref="Papers.Paper"/>. The abstract is the literal text of the page. Every field but the title and the abstract
/// is what the capture showed, or null (empty) when it showed nothing.
/// </summary>
internal sealed record ListingEntry
{
    public required string Title { get; init; }

    public required string Abstract { get; init; }

    /// <summary>The <c>N authors</c> count; null when the card showed an organization or nothing.</summary>
    public int? AuthorCount { get; init; }

    /// <summary>The organization a card showed instead of <c>N authors</c>; null when it showed none.</summary>
    public string? Organization { get; init; }

    public DateOnly? Published { get; init; }

    /// <summary>
    /// True when the listing showed no year and the capture year was used: the one set for the listing, or the
    /// inferred one (one more than the latest year the listing shows; the parser warns about that).
    /// </summary>
    public bool YearWasInferred { get; init; }

    public int? Comments { get; init; }

    public string? Arxiv { get; init; }

    /// <summary>The authors' names, when the capture lists them.</summary>
    public ImmutableArray<string> Authors { get; init; } = [];

    public int? Upvotes { get; init; }

    public int? GithubStars { get; init; }

    /// <summary>The AI-generated summary, shown apart from the abstract.</summary>
    public string? Summary { get; init; }

    public ImmutableArray<string> Keywords { get; init; } = [];

    public DateOnly? Submitted { get; init; }

    /// <summary>The code repository and project page the capture links to.</summary>
    public string? CodeUrl { get; init; }

    public string? ProjectUrl { get; init; }

    /// <summary>The day the capture was made, when it says (a header written by the capturing tool).</summary>
    public DateOnly? CapturedOn { get; init; }

    /// <summary>The day of the list the page shows (a daily page's own date, above its first card), when it shows one.</summary>
    public DateOnly? ListedOn { get; init; }

    /// <summary>The listing file, as given to the parser (used in warnings and as the paper's source).</summary>
    public required string Path { get; init; }

    /// <summary>1-based line of the title.</summary>
    public int Line { get; init; }
}

namespace SiteGen.Listings;

/// <summary>
/// One paper card as read from a listing, before it becomes a <see cref="Papers.Paper"/>.
/// The abstract is the literal text of the page.
/// </summary>
public sealed record ListingEntry
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

    /// <summary>The listing file, as given to the parser (used in warnings and as the paper's source).</summary>
    public required string Path { get; init; }

    /// <summary>1-based line of the title.</summary>
    public int Line { get; init; }
}

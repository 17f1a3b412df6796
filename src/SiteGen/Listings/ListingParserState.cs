namespace SiteGen.Listings;

/// <summary>Where <see cref="ListingParser"/> stands; it decides what the next text line is.</summary>
internal enum ListingParserState
{
    /// <summary>In the page header (or before any line): a date here is the page's date, not a paper's.</summary>
    PageHeader,

    /// <summary>No card open (after card chrome such as an upvote count): the next text line is a title.</summary>
    BetweenCards,

    /// <summary>Just read a title line: a short text line right below continues the title.</summary>
    InTitle,

    /// <summary>A blank line after the title: the next text is the abstract.</summary>
    AfterTitle,

    /// <summary>Just read an abstract line: a text line right below continues it.</summary>
    InAbstract,

    /// <summary>A blank line after the abstract: the next short text is the next card's title.</summary>
    AfterAbstract,

    /// <summary>Read authors, <c>·</c> or a date: the next text starts a new card (or is a late abstract).</summary>
    InMetadata,
}

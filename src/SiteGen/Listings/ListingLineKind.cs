namespace SiteGen.Listings;

/// <summary>What one line of a listing is, judged from the line alone (see <see cref="ListingLine.Classify"/>).</summary>
internal enum ListingLineKind
{
    Blank,

    /// <summary>A title or abstract line; which one depends on where it stands.</summary>
    Text,

    /// <summary>The page's own header: <c>new</c>, <c>Subscribe</c>, <c>Daily Papers</c>, ...</summary>
    PageHeader,

    /// <summary>Card chrome that comes before a title: an upvote count (<c>-</c>, <c>42</c>), <c>Upvote</c>, <c>Submitted by X</c>.</summary>
    CardStart,

    /// <summary><c>Submitted by</c> alone: the submitter's name follows on the next line.</summary>
    SubmittedBy,

    /// <summary>Card chrome with nothing the site keeps: <c>GitHub 3.29k</c>.</summary>
    Chrome,

    /// <summary><c>• 5 authors</c>.</summary>
    Authors,

    /// <summary><c>• Some Lab</c>: an organization shown where the author count usually is.</summary>
    Organization,

    /// <summary>The <c>·</c> between the authors and the date.</summary>
    Separator,

    /// <summary><c>Dec 31, 2024</c>, <c>Mar 20 4</c>, <c>Published on Oct 4, 2026</c>.</summary>
    Date,
}

namespace SiteGen.Feeds;

/// <summary>
/// One feed, whatever its format: the site's newest papers or one tag's. Every URL is absolute (feeds are read
/// away from the site, so a relative URL means nothing there).
/// </summary>
/// <param name="Title">The feed's title: the site's, or the tag's name and the site's.</param>
/// <param name="Description">One line about it.</param>
/// <param name="SelfUrl">Where the feed itself is (also its Atom id: it is stable while Host and LinkRoot are).</param>
/// <param name="PageUrl">The HTML page that lists the same papers.</param>
/// <param name="Author">Who publishes it: the site's title (Atom requires an author; listings do not name the papers' authors).</param>
/// <param name="Entries">Newest first.</param>
internal sealed record Feed(string Title, string Description, string SelfUrl, string PageUrl, string Author, IReadOnlyList<FeedEntry> Entries)
{
    /// <summary>
    /// The date a feed or an entry with neither a date nor a capture's gives when it must give one (Atom's <c>updated</c>
    /// is required): fixed, so the same input gives the same feed and adding a paper never changes such an entry.
    /// </summary>
    public static readonly DateTimeOffset UndatedFallback = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The newest entry's date (entries are newest first), or the fallback for an empty feed.</summary>
    public DateTimeOffset Updated => Entries.Count > 0 ? Entries.Max(e => e.Updated) : UndatedFallback;
}

/// <summary>One paper in a feed.</summary>
/// <param name="Url">The paper's page, absolute; also the entry's id.</param>
/// <param name="Published">The paper's date; null when the listing did not give one.</param>
/// <param name="FirstSeen">For a paper without a date: the day a capture first showed it (<see cref="Papers.Paper.FirstSeen"/>),
/// as its entry's <c>updated</c> (where the site's order puts it: <see cref="Papers.Paper.OrderDate"/>); null otherwise.</param>
/// <param name="Summary">The start of the abstract, plain text.</param>
/// <param name="ContentHtml">The abstract rendered to HTML (SiteGen's own renderer: escaped, http(s) links only).</param>
/// <param name="Tags">The paper's tags by display name.</param>
/// <param name="CodeUrl">The paper's code link, when it has an http(s) one.</param>
internal sealed record FeedEntry(
    string Url,
    string Title,
    DateOnly? Published,
    DateOnly? FirstSeen,
    string Summary,
    string ContentHtml,
    IReadOnlyList<string> Tags,
    string? CodeUrl)
{
    /// <summary>Midnight UTC of the paper's date: the only time SiteGen knows of it.</summary>
    public DateTimeOffset? PublishedAt => MidnightOf(Published);

    /// <summary>The paper's date, else the day a capture first showed it, else the fixed fallback: Atom requires one.</summary>
    public DateTimeOffset Updated => PublishedAt ?? MidnightOf(FirstSeen) ?? Feed.UndatedFallback;

    private static DateTimeOffset? MidnightOf(DateOnly? day) => day is { } date ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
}

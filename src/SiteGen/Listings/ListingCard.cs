using System.Text;

namespace SiteGen.Listings;

/// <summary>
/// The card <see cref="ListingParser"/> is reading: a mutable scratch pad that becomes a <see cref="ListingEntry"/>
/// once the whole listing is read (the year of a year-less date is known only then).
/// </summary>
internal sealed class ListingCard(int line, string title)
{
    private StringBuilder? summary;

    /// <summary>1-based line of the title.</summary>
    public int Line { get; } = line;

    public string Title { get; private set; } = title;

    public bool HasAbstract => summary is not null;

    public string Abstract => summary?.ToString() ?? "";

    public int? AuthorCount { get; set; }

    public string? Organization { get; set; }

    public string? Arxiv { get; set; }

    public List<string> Authors { get; } = [];

    public int? Upvotes { get; set; }

    /// <summary>A comment count shown apart from the date (a link to the discussion); else the date line's.</summary>
    public int? Comments { get; set; }

    public int? GithubStars { get; set; }

    public string? Summary { get; set; }

    public string? CodeUrl { get; set; }

    public string? ProjectUrl { get; set; }

    /// <summary>When the paper was submitted to the daily list, as the page shows it.</summary>
    public ListingDate? Submitted { get; set; }

    public ListingDate? Date { get; private set; }

    public int DateLine { get; private set; }

    /// <summary>A card whose title, abstract and fields a reader sets as it finds them.</summary>
    public void SetAbstract(string text) => summary = new StringBuilder(text);

    public void ContinueTitle(ReadOnlySpan<char> text) => Title = string.Concat(Title, " ", text);

    /// <summary>Appends to the abstract; <paramref name="separator"/> goes between it and what is already there.</summary>
    public void AddAbstract(ReadOnlySpan<char> text, string separator)
    {
        if (summary is null)
        {
            summary = new StringBuilder(text.Length).Append(text);
        }
        else
        {
            summary.Append(separator).Append(text);
        }
    }

    /// <summary>True when the abstract so far is one short line that could as well be the title's second half.</summary>
    public bool AbstractCouldEndTheTitle(int maxTitleLength) =>
        summary is not null
        && Title.Length + 1 + summary.Length <= maxTitleLength
        && !summary.ToString().Contains('\n', StringComparison.Ordinal);

    /// <summary>The "abstract" read so far was the end of a title wrapped over two paragraphs.</summary>
    public void MoveAbstractToTitle()
    {
        Title = string.Concat(Title, " ", Abstract);
        summary = null;
    }

    public void SetDate(ListingDate date, int line)
    {
        Date = date;
        DateLine = line;
    }
}

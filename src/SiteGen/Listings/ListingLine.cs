using System.Globalization;

namespace SiteGen.Listings;

/// <summary>
/// One trimmed line of a listing and what it is, judged from the line alone. Where a <see cref="ListingLineKind.Text"/>
/// line belongs (title, abstract, organization) is for <see cref="ListingParser"/> to decide from its neighbours.
/// </summary>
internal readonly record struct ListingLine(ListingLineKind Kind, int AuthorCount = 0, ListingDate Date = default)
{
    private const char Bullet = '\u2022';       // •
    private const char MiddleDot = '\u00B7';    // ·
    private const string SubmittedBy = "Submitted by";
    private const string GitHub = "GitHub";

    /// <summary>The page's header lines, above the page date and the first card.</summary>
    private static readonly string[] PageHeaderLines =
    [
        "new",
        "Get trending papers in your email inbox!",
        "Subscribe",
        "Daily Papers",
        "byAK and the research community",
        "by AK and the research community",
    ];

    public static ListingLine Classify(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty)
        {
            return new(ListingLineKind.Blank);
        }
        if (IsPageHeader(line))
        {
            return new(ListingLineKind.PageHeader);
        }
        if (line is "-" or "\u2013" || IsCount(line) || line.Equals("Upvote", StringComparison.OrdinalIgnoreCase))
        {
            return new(ListingLineKind.CardStart);
        }
        if (line.StartsWith(SubmittedBy, StringComparison.OrdinalIgnoreCase))
        {
            var name = line[SubmittedBy.Length..];
            if (name.IsEmpty)
            {
                return new(ListingLineKind.SubmittedBy);
            }
            if (char.IsWhiteSpace(name[0]))
            {
                return new(ListingLineKind.CardStart);
            }
        }
        if (IsGitHubStars(line))
        {
            return new(ListingLineKind.Chrome);
        }
        if (line.Length == 1 && line[0] is MiddleDot or Bullet)
        {
            return new(ListingLineKind.Separator);
        }
        if (line[0] == Bullet)
        {
            var rest = line[1..].TrimStart();
            return TryReadAuthors(rest, out var bulletedCount)
                ? new(ListingLineKind.Authors, bulletedCount)
                : new(ListingLineKind.Organization);
        }
        if (TryReadAuthors(line, out var count))
        {
            return new(ListingLineKind.Authors, count);
        }
        if (ListingDate.TryParse(line, out var date))
        {
            return new(ListingLineKind.Date, Date: date);
        }
        return new(ListingLineKind.Text);
    }

    /// <summary>The organization's name on a <see cref="ListingLineKind.Organization"/> line (drops the bullet).</summary>
    public static ReadOnlySpan<char> OrganizationName(ReadOnlySpan<char> line) =>
        line.Length > 0 && line[0] == Bullet ? line[1..].TrimStart() : line;

    private static bool IsPageHeader(ReadOnlySpan<char> line)
    {
        foreach (var header in PageHeaderLines)
        {
            if (line.Equals(header, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary><c>5 authors</c>, <c>1 authors</c>, <c>1 author</c>.</summary>
    private static bool TryReadAuthors(ReadOnlySpan<char> text, out int count)
    {
        count = 0;
        var space = text.IndexOf(' ');
        if (space <= 0)
        {
            return false;
        }
        var word = text[(space + 1)..].TrimStart();
        return (word.Equals("authors", StringComparison.OrdinalIgnoreCase) || word.Equals("author", StringComparison.OrdinalIgnoreCase))
            && int.TryParse(text[..space], NumberStyles.None, CultureInfo.InvariantCulture, out count);
    }

    /// <summary><c>GitHub</c> or <c>GitHub 3.29k</c> (the repository's stars), never a title that starts with "GitHub".</summary>
    private static bool IsGitHubStars(ReadOnlySpan<char> line)
    {
        if (!line.StartsWith(GitHub, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var rest = line[GitHub.Length..];
        return rest.IsEmpty || (char.IsWhiteSpace(rest[0]) && IsCount(rest.TrimStart()));
    }

    /// <summary>A count as the site shows it: <c>42</c>, <c>1,024</c>, <c>3.29k</c>, <c>1.2M</c>.</summary>
    private static bool IsCount(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !char.IsAsciiDigit(text[0]))
        {
            return false;
        }
        var end = text.Length;
        if (text[end - 1] is 'k' or 'K' or 'm' or 'M')
        {
            end--;
        }
        for (var i = 1; i < end; i++)
        {
            if (!char.IsAsciiDigit(text[i]) && text[i] is not ('.' or ','))
            {
                return false;
            }
        }
        return char.IsAsciiDigit(text[end - 1]);
    }
}

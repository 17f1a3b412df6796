using System.Globalization;
using System.Text;

namespace SiteGen.Benchmarks.Generation;

/// <summary>
/// Writes papers as the text a person saves from a Hugging Face papers page, line for line like the seeds:
/// the page's header and date, then per card the title, the abstract and, when known, <c>  • N authors</c>,
/// <c>·</c> and the date (without the year in the year the page was saved, then maybe the comment count).
/// </summary>
internal static class ListingWriter
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <param name="dailyPapers">Whether the header has the <c>Daily Papers</c> line (one of the two seeds has it).</param>
    /// <param name="pageDate">The page's own date, shown under the header.</param>
    public static string Write(IEnumerable<SyntheticPaper> cards, int captureYear, bool dailyPapers, DateOnly pageDate)
    {
        var text = new StringBuilder(64 * 1024);
        text.Append("new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\n");
        if (dailyPapers)
        {
            text.Append("Daily Papers\n\n");
        }
        text.Append("byAK and the research community\n\n");
        text.Append(DateText(pageDate, captureYear)).Append("\n\n");
        foreach (var card in cards)
        {
            text.Append(card.Title).Append("\n\n");
            text.Append(card.Abstract).Append("\n\n");
            if (card.AuthorCount is { } authors)
            {
                // The site says "1 authors" too.
                text.Append("  \u2022 ").Append(authors.ToString(CultureInfo.InvariantCulture)).Append(" authors\n");
                text.Append("\u00B7\n");
                if (card.Published is { } published)
                {
                    text.Append(DateText(published, captureYear));
                    if (card.Comments is { } comments)
                    {
                        text.Append(' ').Append(comments.ToString(CultureInfo.InvariantCulture));
                    }
                }
                text.Append("\n\n");
            }
        }
        return text.ToString();
    }

    /// <summary><c>Mar 20</c> in the year the page was saved, <c>Dec 31, 2024</c> otherwise.</summary>
    private static string DateText(DateOnly date, int captureYear)
    {
        var day = string.Create(CultureInfo.InvariantCulture, $"{Months[date.Month - 1]} {date.Day}");
        return date.Year == captureYear ? day : string.Create(CultureInfo.InvariantCulture, $"{day}, {date.Year}");
    }
}

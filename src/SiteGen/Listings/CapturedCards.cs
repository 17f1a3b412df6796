using System.Globalization;
using SiteGen.Diagnostics;
using SiteGen.Papers;

namespace SiteGen.Listings;

/// <summary>
/// The last step of every reader of a capture's text: its cards become entries once the whole capture is read, since the
/// year of a date shown without one is known only then; and a card shown twice is one entry.
/// </summary>
internal sealed class CapturedCards(string path, IReadOnlyList<ListingCard> cards, int? captureYear, DateOnly? capturedOn, List<Diagnostic> warnings)
{
    /// <summary>
    /// The entries of <paramref name="cards"/>, in page order, the same card shown twice (a page's desktop and mobile
    /// markup, a paper listed again) being one. Year-less dates take <paramref name="captureYear"/>, else the year of
    /// <paramref name="capturedOn"/>, else one more than the latest year the capture shows, with a warning; so does the
    /// page's own date (<paramref name="pageDate"/>), every entry's <see cref="ListingEntry.ListedOn"/>.
    /// </summary>
    public static List<ListingEntry> Finish(string path, IReadOnlyList<ListingCard> cards, int? captureYear, DateOnly? capturedOn,
        List<Diagnostic> warnings, ListingDate? pageDate = null)
    {
        var finishing = new CapturedCards(path, cards, captureYear ?? capturedOn?.Year, capturedOn, warnings);
        var year = finishing.ResolveCaptureYear();
        var listedOn = pageDate is { } day && (day.Year ?? year) is { } listYear ? day.InYear(listYear) : null;
        var entries = new List<ListingEntry>(cards.Count);
        var indexByTitle = new Dictionary<string, int>(cards.Count, StringComparer.Ordinal);
        foreach (var finished in cards)
        {
            var entry = finishing.ToEntry(finished, year, listedOn);
            var title = entry.Arxiv ?? TitleKey.Of(entry.Title);
            if (indexByTitle.TryGetValue(title, out var index))
            {
                entries[index] = finishing.MergeRepeatedCard(entries[index], entry);
            }
            else
            {
                indexByTitle.Add(title, entries.Count);
                entries.Add(entry);
            }
        }
        return entries;
    }

    /// <summary>
    /// The year for dates shown without one: the given capture year, else one more than the latest year the listing
    /// shows (with one warning), else null (with one warning): never the current year, so builds stay reproducible.
    /// </summary>
    private int? ResolveCaptureYear()
    {
        var latestYear = 0;
        var yearless = 0;
        var firstYearlessLine = 0;
        foreach (var read in cards)
        {
            if (read.Date is not { } date)
            {
                continue;
            }
            if (date.Year is { } shown)
            {
                latestYear = Math.Max(latestYear, shown);
            }
            else if (yearless++ == 0)
            {
                firstYearlessLine = read.DateLine;
            }
        }
        if (captureYear is not null || yearless == 0)
        {
            return captureYear;
        }

        var file = System.IO.Path.GetFileName(path);
        if (latestYear == 0)
        {
            Warn(firstYearlessLine, string.Create(CultureInfo.InvariantCulture,
                $"{yearless} date(s) in this listing show no year (the first on this line) and no date in it shows one, so their year is unknown and they were left empty; set the year the page was saved in statiq.json: \"{ListingParser.CaptureYearsSetting}\": {{ \"{file}\": <year> }}"));
            return null;
        }
        var inferred = latestYear + 1;
        Warn(firstYearlessLine, string.Create(CultureInfo.InvariantCulture,
            $"{yearless} date(s) in this listing show no year (the first on this line); assumed {inferred}, one more than the latest year the listing shows ({latestYear}); if the page was saved in another year, set it in statiq.json: \"{ListingParser.CaptureYearsSetting}\": {{ \"{file}\": {inferred} }}"));
        return inferred;
    }

    private ListingEntry ToEntry(ListingCard read, int? yearForYearless, DateOnly? listedOn)
    {
        DateOnly? published = null;
        var yearWasInferred = false;
        if (read.Date is { } date && (date.Year ?? yearForYearless) is { } year)
        {
            published = date.InYear(year);
            yearWasInferred = date.Year is null;
            if (published is null)
            {
                Warn(read.DateLine, string.Create(CultureInfo.InvariantCulture,
                    $"{date} is not a day of {year}, so paper \"{read.Title}\" has no date; correct the date line"));
                yearWasInferred = false;
            }
        }
        DateOnly? submitted = read.Submitted is { } shown && (shown.Year ?? yearForYearless) is { } submittedYear ? shown.InYear(submittedYear) : null;
        return new ListingEntry
        {
            Title = read.Title,
            Abstract = read.Abstract,
            Arxiv = read.Arxiv,
            Authors = [.. read.Authors],
            AuthorCount = read.Authors.Count > 0 ? read.Authors.Count : read.AuthorCount,
            Organization = read.Organization,
            Published = published,
            YearWasInferred = yearWasInferred,
            Submitted = submitted,
            Upvotes = read.Upvotes,
            Comments = read.Comments ?? read.Date?.Comments,
            GithubStars = read.GithubStars,
            Summary = read.Summary,
            CodeUrl = read.CodeUrl,
            ProjectUrl = read.ProjectUrl,
            CapturedOn = capturedOn,
            ListedOn = listedOn,
            Path = path,
            Line = read.Line,
        };
    }

    /// <summary>
    /// The same card shown twice in one listing is one entry: the first card's values win, a value only the repeat
    /// shows fills a gap, a conflicting author count or date is a warning; the larger comment count and the longer
    /// abstract are kept.
    /// </summary>
    private ListingEntry MergeRepeatedCard(ListingEntry first, ListingEntry repeat)
    {
        if (first.AuthorCount is { } count && repeat.AuthorCount is { } repeatCount && count != repeatCount)
        {
            Warn(repeat.Line, string.Create(CultureInfo.InvariantCulture,
                $"paper \"{first.Title}\" repeats the card of line {first.Line} with {repeatCount} authors instead of {count}; kept {count}; delete the wrong card"));
        }
        if (first.Published is { } date && repeat.Published is { } repeatDate && date != repeatDate)
        {
            Warn(repeat.Line, string.Create(CultureInfo.InvariantCulture,
                $"paper \"{first.Title}\" repeats the card of line {first.Line} with date {repeatDate:yyyy-MM-dd} instead of {date:yyyy-MM-dd}; kept {date:yyyy-MM-dd}; delete the wrong card"));
        }
        var publishedFromFirst = first.Published is not null;
        return first with
        {
            Abstract = repeat.Abstract.Length > first.Abstract.Length ? repeat.Abstract : first.Abstract,
            Arxiv = first.Arxiv ?? repeat.Arxiv,
            Authors = first.Authors.IsDefaultOrEmpty ? repeat.Authors : first.Authors,
            AuthorCount = first.AuthorCount ?? repeat.AuthorCount,
            Organization = first.Organization ?? repeat.Organization,
            Submitted = first.Submitted ?? repeat.Submitted,
            Upvotes = first.Upvotes ?? repeat.Upvotes,
            GithubStars = first.GithubStars ?? repeat.GithubStars,
            Summary = first.Summary ?? repeat.Summary,
            CodeUrl = first.CodeUrl ?? repeat.CodeUrl,
            ProjectUrl = first.ProjectUrl ?? repeat.ProjectUrl,
            Published = publishedFromFirst ? first.Published : repeat.Published,
            YearWasInferred = publishedFromFirst ? first.YearWasInferred : repeat.YearWasInferred,
            Comments = first.Comments is { } comments && repeat.Comments is { } repeatComments
                ? Math.Max(comments, repeatComments)
                : first.Comments ?? repeat.Comments,
        };
    }

    private void Warn(int line, string message) => warnings.Add(Diagnostic.Warning(path, line, message));
}

using System.Globalization;

namespace SiteGen.Listings;

/// <summary>
/// A card's date line as shown: <c>Dec 31, 2024</c>, <c>Mar 20</c> (no year: the year the page was saved),
/// either one optionally followed by the comment count (<c>Mar 20 4</c>), optionally after <c>Published on</c>.
/// The day is only checked to be 1..31 here; whether it exists in its month needs the year.
/// </summary>
internal readonly record struct ListingDate(int Month, int Day, int? Year, int? Comments)
{
    private const string PublishedOn = "Published on ";

    private static readonly string[] ShortMonths =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private static readonly string[] LongMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>Reads a whole (trimmed) line; false unless the entire line is a date.</summary>
    public static bool TryParse(ReadOnlySpan<char> line, out ListingDate date)
    {
        date = default;
        if (line.StartsWith(PublishedOn, StringComparison.OrdinalIgnoreCase))
        {
            line = line[PublishedOn.Length..].TrimStart();
        }

        var space = line.IndexOf(' ');
        if (space <= 0)
        {
            return false;
        }
        var month = MonthNumber(line[..space]);
        if (month == 0)
        {
            return false;
        }

        var rest = line[(space + 1)..].TrimStart();
        if (!TryReadNumber(ref rest, maxDigits: 2, out var day) || day is < 1 or > 31)
        {
            return false;
        }

        int? year = null;
        if (!rest.IsEmpty && rest[0] == ',')
        {
            rest = rest[1..].TrimStart();
            var digitsBefore = rest.Length;
            if (!TryReadNumber(ref rest, maxDigits: 4, out var explicitYear) || digitsBefore - rest.Length != 4)
            {
                return false;
            }
            year = explicitYear;
        }

        int? comments = null;
        if (!rest.IsEmpty)
        {
            if (!char.IsWhiteSpace(rest[0]))
            {
                return false; // "Mar 204" or "Mar 20x"
            }
            rest = rest.TrimStart();
            if (!TryReadNumber(ref rest, maxDigits: 9, out var count) || !rest.IsEmpty)
            {
                return false;
            }
            comments = count;
        }

        date = new ListingDate(month, day, year, comments);
        return true;
    }

    /// <summary>The calendar date in <paramref name="year"/>, or null when the day does not exist in that month.</summary>
    public DateOnly? InYear(int year) =>
        year is >= 1 and <= 9999 && Day <= DateTime.DaysInMonth(year, Month) ? new DateOnly(year, Month, Day) : null;

    public string MonthName => ShortMonths[Month - 1];

    public override string ToString() =>
        Year is { } year
            ? string.Create(CultureInfo.InvariantCulture, $"{MonthName} {Day}, {year}")
            : string.Create(CultureInfo.InvariantCulture, $"{MonthName} {Day}");

    private static int MonthNumber(ReadOnlySpan<char> name)
    {
        var names = name.Length == 3 ? ShortMonths : LongMonths;
        for (var i = 0; i < names.Length; i++)
        {
            if (name.Equals(names[i], StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }
        return name.Equals("Sept", StringComparison.OrdinalIgnoreCase) ? 9 : 0;
    }

    /// <summary>Reads 1..<paramref name="maxDigits"/> ASCII digits from the start of <paramref name="text"/>.</summary>
    private static bool TryReadNumber(ref ReadOnlySpan<char> text, int maxDigits, out int value)
    {
        var length = 0;
        while (length < text.Length && char.IsAsciiDigit(text[length]))
        {
            length++;
        }
        value = 0;
        if (length == 0 || length > maxDigits)
        {
            return false;
        }
        value = int.Parse(text[..length], NumberStyles.None, CultureInfo.InvariantCulture);
        text = text[length..];
        return true;
    }
}

using System.Collections.Immutable;
using System.Globalization;
using SiteGen.Diagnostics;
using SiteGen.Papers;

namespace SiteGen.Listings;

/// <summary>
/// Reads the text a person saves from a Hugging Face papers listing into <see cref="ListingEntry"/> records.
/// <para>
/// The page: a header (<c>new</c>, <c>Subscribe</c>, ..., then the page's own date, which is no paper's date but the
/// day of the list every paper on it was on, <see cref="ListingEntry.ListedOn"/>), then
/// one card per paper: the title, a blank line, the abstract, and optionally <c>• N authors</c> / <c>·</c> / a date
/// line (<c>Dec 31, 2024</c>, or <c>Mar 20 4</c>: no year, 4 comments). One pass over the lines; a line's kind comes
/// from the line alone (<see cref="ListingLine"/>), its role (title or abstract) from where it stands.
/// </para>
/// <para>
/// Other shapes read: upvote counts (<c>-</c>, <c>42</c>), <c>Upvote</c> and <c>Submitted by X</c> before a title;
/// <c>GitHub 3.29k</c>; an organization instead of <c>N authors</c>; <c>Published on Oct 4, 2026</c>, also above
/// the abstract; a title wrapped over two lines; the same card twice (one entry). A paragraph longer than
/// <see cref="MaxTitleLength"/> is never a title. Anything else unreadable is a warning with its line; the parser
/// never throws for bad input.
/// </para>
/// </summary>
internal sealed class ListingParser
{
    /// <summary>Longer text is never taken for a title (real titles stay well under 250 characters).</summary>
    public const int MaxTitleLength = 300;

    /// <summary>The <c>statiq.json</c> key that gives each listing's capture year.</summary>
    public const string CaptureYearsSetting = "ListingCaptureYears";

    private readonly string path;
    private readonly int? captureYear;
    private readonly DateOnly? capturedOn;
    private readonly List<ListingCard> cards = [];
    private readonly List<Diagnostic> warnings = [];
    private ListingCard? card;
    /// <summary>The page's own date, above its first card: a daily list's day (<c>Nov 3</c>, <c>Jan 12, 2026</c>).</summary>
    private ListingDate? pageDate;
    private ListingParserState state = ListingParserState.PageHeader;
    private bool skipSubmitterName;

    private ListingParser(string path, int? captureYear, DateOnly? capturedOn)
    {
        this.path = path;
        this.captureYear = captureYear;
        this.capturedOn = capturedOn;
    }

    /// <param name="path">The listing's path, used in warnings and as each entry's <see cref="ListingEntry.Path"/>.</param>
    /// <param name="text">The listing's text.</param>
    /// <param name="captureYear">The year the page was saved, for dates shown without a year; inferred when null.</param>
    /// <param name="capturedOn">The day the capture was made, when a header says so (a copy's counts are as of then).</param>
    public static ListingParseResult Parse(string path, string text, int? captureYear = null, DateOnly? capturedOn = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var parser = new ListingParser(path, captureYear, capturedOn);
        parser.ReadLines(text);
        return parser.Finish();
    }

    private void ReadLines(string text)
    {
        var reader = new LineReader(text);
        while (reader.TryRead(out var rawLine, out var number))
        {
            var line = rawLine.Trim();
            var classified = ListingLine.Classify(line);
            if (skipSubmitterName && classified.Kind != ListingLineKind.Blank)
            {
                skipSubmitterName = false;
                if (classified.Kind == ListingLineKind.Text)
                {
                    continue; // the name under "Submitted by"
                }
            }

            switch (classified.Kind)
            {
                case ListingLineKind.Blank:
                case ListingLineKind.Chrome:
                    EndParagraph();
                    break;
                case ListingLineKind.PageHeader:
                    CloseCard();
                    state = ListingParserState.PageHeader;
                    break;
                case ListingLineKind.CardStart:
                case ListingLineKind.SubmittedBy:
                    CloseCard();
                    state = ListingParserState.BetweenCards;
                    skipSubmitterName = classified.Kind == ListingLineKind.SubmittedBy;
                    break;
                case ListingLineKind.Text when line.Length <= MaxTitleLength && NextLineIsSeparator(reader):
                    OnMetadata(classified with { Kind = ListingLineKind.Organization }, line, number);
                    break;
                case ListingLineKind.Text:
                    OnText(line, number);
                    break;
                default:
                    OnMetadata(classified, line, number);
                    break;
            }
        }
        CloseCard();
    }

    private void EndParagraph() =>
        state = state switch
        {
            ListingParserState.InTitle => ListingParserState.AfterTitle,
            ListingParserState.InAbstract => ListingParserState.AfterAbstract,
            _ => state,
        };

    private void OnText(ReadOnlySpan<char> line, int number)
    {
        switch (state)
        {
            case ListingParserState.InTitle when card!.Title.Length + 1 + line.Length <= MaxTitleLength:
                card.ContinueTitle(line); // a title wrapped over two lines
                break;
            case ListingParserState.InTitle:
            case ListingParserState.AfterTitle:
                card!.AddAbstract(line, "");
                state = ListingParserState.InAbstract;
                break;
            case ListingParserState.InAbstract:
                card!.AddAbstract(line, " ");
                break;
            case ListingParserState.AfterAbstract when line.Length > MaxTitleLength:
                // Too long for the next title: either the abstract came after a title wrapped over two
                // paragraphs, or this is the abstract's second paragraph.
                if (card!.AbstractCouldEndTheTitle(MaxTitleLength))
                {
                    card.MoveAbstractToTitle();
                    card.AddAbstract(line, "");
                }
                else
                {
                    card.AddAbstract(line, "\n\n");
                }
                state = ListingParserState.InAbstract;
                break;
            case ListingParserState.InMetadata when !card!.HasAbstract && line.Length > MaxTitleLength:
                card.AddAbstract(line, ""); // below "Published on ...", as on a paper's own page
                state = ListingParserState.InAbstract;
                break;
            default:
                CloseCard();
                StartCard(line, number);
                break;
        }
    }

    private void StartCard(ReadOnlySpan<char> line, int number)
    {
        if (line.Length > MaxTitleLength)
        {
            Warn(number, string.Create(CultureInfo.InvariantCulture,
                $"a paragraph of {line.Length} characters stands where a paper title should be (titles are at most {MaxTitleLength}); skipped it; if it is an abstract, put its paper's title on a line of its own above it"));
            state = ListingParserState.BetweenCards;
            return;
        }
        card = new ListingCard(number, line.ToString());
        state = ListingParserState.InTitle;
    }

    private void CloseCard()
    {
        if (card is null)
        {
            return;
        }
        if (!card.HasAbstract && card.AuthorCount is null && card.Organization is null && card.Date is null)
        {
            // A line on its own, with no abstract or card metadata around it, has no card's shape: a heading of the page,
            // a link's text ("147 items", "Updated Sep 26"), never a paper.
            card = null;
            return;
        }
        if (!card.HasAbstract)
        {
            Warn(card.Line, $"paper \"{card.Title}\" has no abstract, so its page will have an empty body; put the abstract below the title, after a blank line");
        }
        cards.Add(card);
        card = null;
    }

    private void OnMetadata(ListingLine classified, ReadOnlySpan<char> line, int number)
    {
        if (card is null)
        {
            if (classified.Kind == ListingLineKind.Date && state == ListingParserState.PageHeader)
            {
                pageDate ??= classified.Date;
                return; // the page's own date ("Nov 3"): it belongs to the page, not to the first paper
            }
            Warn(number, $"\"{line}\" looks like a paper's authors or date, but no paper title comes before it; ignored it; check that the title above it is not missing");
            return;
        }

        state = ListingParserState.InMetadata;
        switch (classified.Kind)
        {
            case ListingLineKind.Authors when card.AuthorCount is { } shown && shown != classified.AuthorCount:
                Warn(number, string.Create(CultureInfo.InvariantCulture,
                    $"paper \"{card.Title}\" shows a second author count ({classified.AuthorCount}, after {shown}); kept {shown}; delete the wrong line"));
                break;
            case ListingLineKind.Authors:
                card.AuthorCount = classified.AuthorCount;
                break;
            case ListingLineKind.Organization:
                card.Organization ??= ListingLine.OrganizationName(line).ToString();
                break;
            case ListingLineKind.Date when card.Date is { } shownDate:
                Warn(number, $"paper \"{card.Title}\" shows a second date ({classified.Date}, after {shownDate} on line {card.DateLine}); kept the first; delete the wrong line");
                break;
            case ListingLineKind.Date:
                card.SetDate(classified.Date, number);
                break;
        }
    }

    /// <summary>A text line right above a lone <c>·</c> stands where <c>• N authors</c> does: an organization.</summary>
    private static bool NextLineIsSeparator(LineReader reader) =>
        reader.TryRead(out var next, out _) && ListingLine.Classify(next.Trim()).Kind == ListingLineKind.Separator;

    private ListingParseResult Finish()
    {
        var entries = CapturedCards.Finish(path, cards, captureYear, capturedOn, warnings, pageDate);
        var sortedWarnings = warnings.OrderBy(warning => warning.Line).ToImmutableArray(); // stable: same-line warnings keep their order
        return new ListingParseResult([.. entries], sortedWarnings);
    }

    private void Warn(int line, string message) => warnings.Add(Diagnostic.Warning(path, line, message));
}

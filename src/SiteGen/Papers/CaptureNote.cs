namespace SiteGen.Papers;

/// <summary>What a capture says of one copy of a paper, for merging copies (<see cref="PaperMerger"/>).</summary>
/// <param name="CapturedOn">The day the capture was made, when it says (a header, an API response's date).</param>
/// <param name="YearInferred">True when the page showed the date without a year and the capture year was assumed.</param>
internal sealed record CaptureNote(DateOnly? CapturedOn, bool YearInferred);

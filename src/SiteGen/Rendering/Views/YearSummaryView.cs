namespace SiteGen.Rendering.Views;

/// <summary>One year of the archive (<c>/years/</c>): "2025" and its papers, or "undated" for papers without a date.</summary>
internal sealed record YearSummaryView(string Key, string Label, int Count, string Url);

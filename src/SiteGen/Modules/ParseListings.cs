using SiteGen.Engine;
using SiteGen.Listings;
using SiteGen.Papers;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// Turns each capture of the listings folder (<see cref="CaptureReader"/>: any format) into one document per paper; what
/// it cannot read becomes a warning, and what it gave a note (<c>--verbose</c>).
/// </summary>
internal sealed class ParseListings : PerDocumentModule
{
    protected override IEnumerable<Document> Execute(Document input, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        var source = input.Source!;
        var result = CaptureReader.Read(source, input.Content, site.Settings.CaptureYearOf(Path.GetFileName(source)));
        foreach (var warning in result.Warnings)
        {
            context.Warn(warning.ToString());
        }
        context.Note(CaptureReport.Describe(source, result));
        foreach (var entry in result.Entries)
        {
            yield return Document.Create(source: source, metadata: [new(Keys.Paper, PaperFactory.FromListingEntry(entry).WithBodyIn(site.Texts))]);
        }
    }

    protected override bool OutputDependsOnlyOnInput => true;

    /// <summary>Besides the capture, only the year the settings give its file (ListingCaptureYears).</summary>
    protected override ulong? MadeWith(IExecutionContext context)
    {
        var years = new Fingerprint();
        foreach (var (file, year) in context.GetService<SiteServices>().Settings.ListingCaptureYears)
        {
            years.Add(file).Add((ulong)year);
        }
        return years.Value;
    }
}

using SiteGen.Engine;
using SiteGen.Listings;
using SiteGen.Papers;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>Turns each listing file into one document per paper card; what it cannot read becomes a warning.</summary>
public sealed class ParseListings : PerDocumentModule
{
    protected override IEnumerable<Document> Execute(Document input, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        var source = input.Source!;
        var result = ListingParser.Parse(source, input.Content, site.Settings.CaptureYearOf(Path.GetFileName(source)));
        foreach (var warning in result.Warnings)
        {
            context.Warn(warning.ToString());
        }
        foreach (var entry in result.Entries)
        {
            yield return Document.Create(source: source).With(Keys.Paper, PaperFactory.FromListingEntry(entry));
        }
    }

    protected override bool OutputDependsOnlyOnInput => true;
}

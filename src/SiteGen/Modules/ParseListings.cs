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
        // Parsed once per text of the file: an unchanged listing gives the very same papers in a rebuild.
        var (papers, warnings) = site.Session.Listings.GetOrAdd(new SourceText(source, input.Content, site.Settings.CaptureYearOf(Path.GetFileName(source))),
            key =>
            {
                var result = ListingParser.Parse(key.Path, key.Text, key.Setting);
                return ([.. result.Entries.Select(PaperFactory.FromListingEntry)], result.Warnings);
            });
        foreach (var warning in warnings)
        {
            context.Warn(warning.ToString());
        }
        foreach (var paper in papers)
        {
            yield return Document.Create(source: source).With(Keys.Paper, paper);
        }
    }
}

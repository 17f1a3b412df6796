using SiteGen.Engine;
using SiteGen.Papers;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>Gives each paper the view every page that lists it will show: its URL, labels, excerpt (made once).</summary>
internal sealed class CreatePaperViews : PerDocumentModule
{
    protected override IEnumerable<Document> Execute(Document input, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        var paper = input.GetRequired<Paper>(Keys.Paper);
        // The paper's URL is its view's (the page made of it is CreatePaperPages'): a destination on this document as well
        // was one more copy of each paper's URL for a new process to read back from the store (20 MB at 100,000 papers).
        return [input.With(Keys.PaperView, PaperViews.Create(paper, site))];
    }

    protected override bool OutputDependsOnlyOnInput => true;

    /// <summary>Besides the paper, the tags' names; the abstract's Markdown is rendered the same always.</summary>
    protected override ulong? MadeWith(IExecutionContext context) => context.GetService<SiteServices>().TagNamesFingerprint;
}

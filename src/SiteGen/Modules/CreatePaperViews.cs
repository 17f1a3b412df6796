using SiteGen.Engine;
using SiteGen.Papers;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>Gives each paper its URL and the view every page that lists it will show (abstract rendered once).</summary>
internal sealed class CreatePaperViews : PerDocumentModule
{
    protected override IEnumerable<Document> Execute(Document input, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        var paper = input.GetRequired<Paper>(Keys.Paper);
        yield return input
            .WithDestination(Urls.Paper(paper.Slug))
            .With(Keys.PaperView, PaperViews.Create(paper, site));
    }

    protected override bool OutputDependsOnlyOnInput => true;

    /// <summary>Besides the paper, the tags' names; the abstract's Markdown is rendered the same always.</summary>
    protected override ulong? MadeWith(IExecutionContext context) => context.GetService<SiteServices>().TagNamesFingerprint;
}

using SiteGen.Engine;
using SiteGen.Papers;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// Reads a hand-written YAML-fronted paper; broken front matter stops the build with file:line:column.
/// The page's own file name joins the paper's sources, so its page says where it came from.
/// </summary>
internal sealed class ExtractFrontMatter : PerDocumentModule
{
    protected override IEnumerable<Document> Execute(Document input, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        var paper = PaperFactory.WithCodeLinkFromBody(FrontMatter.Parse(input.Source!, input.Content)).WithBodyIn(site.Texts);
        var file = Path.GetFileName(input.Source!);
        if (!paper.Sources.Contains(file))
        {
            paper = paper with { Sources = paper.Sources.Add(file) };
        }
        yield return Document.Create(source: input.Source, metadata: [new(Keys.Paper, paper)]);
    }

    protected override bool OutputDependsOnlyOnInput => true;

    /// <summary>The page alone: no setting, vocabulary or template changes what it reads.</summary>
    protected override ulong? MadeWith(IExecutionContext context) => 0;
}

using SiteGen.Engine;
using SiteGen.Papers;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>Reads a hand-written YAML-fronted paper; broken front matter stops the build with file:line:column.</summary>
public sealed class ExtractFrontMatter : PerDocumentModule
{
    protected override IEnumerable<Document> Execute(Document input, IExecutionContext context)
    {
        var paper = PaperFactory.WithCodeLinkFromBody(FrontMatter.Parse(input.Source!, input.Content));
        yield return Document.Create(source: input.Source).With(Keys.Paper, paper);
    }
}

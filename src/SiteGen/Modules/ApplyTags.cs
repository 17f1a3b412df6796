using SiteGen.Engine;
using SiteGen.Papers;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>Adds the vocabulary's tags whose phrases occur in a paper's title or abstract; its own tags stay first.</summary>
internal sealed class ApplyTags : PerDocumentModule
{
    protected override IEnumerable<Document> Execute(Document input, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        var paper = input.GetRequired<Paper>(Keys.Paper);
        yield return input.With(Keys.Paper, paper with { Tags = site.TagMatcher.Apply(paper) });
    }

    protected override bool OutputDependsOnlyOnInput => true;

    /// <summary>Matching the vocabulary costs less than hashing the paper and reading it back (56 against 145 ms at 10,000 papers).</summary>
    protected override bool StoreOutputs => false;
}

using SiteGen.Site;
using SiteGen.Tests.Site;

namespace SiteGen.Tests.Modules;

public sealed class WriteFilesTests
{
    /// <summary>
    /// A written page flows on to the link check as where it went and its links: nothing it was made from (its paper, its
    /// model), which would otherwise stay in memory to the end of the build.
    /// </summary>
    [Fact]
    public async Task AWrittenPageIsPassedOnWithItsLinksAndNothingItWasMadeFrom()
    {
        using var site = new TempFolder().WithEmptySite();
        site.WritePaper("one", "Diffusion Models for Fast Shape Generation");

        var summary = await SiteBuilder.BuildAsync(new BuildRequest(site.Path));

        var written = summary.Pipelines.Single(p => p.Name == SitePipelines.Papers).Documents;
        var page = Assert.Single(written, d => d.Destination == "papers/diffusion-models-for-fast-shape-generation/index.html");
        Assert.Equal([Keys.Links], page.Metadata.Keys);
        Assert.NotEmpty(page.GetRequired<SiteGen.Links.PageLinks>(Keys.Links).Links);
        Assert.All(written, d => Assert.DoesNotContain(d.Metadata.Keys, key => key is Keys.Paper or Keys.Model or Keys.PaperView));
    }
}

namespace SiteGen.Engine.Tests;

public sealed class EngineResultTests
{
    [Fact]
    public void FindsTheReportOfAPipelineByItsName()
    {
        var papers = new PipelineReport("Papers", [Document.Create(source: "a.md")], TimeSpan.FromSeconds(1), []);
        var home = new PipelineReport("Home", [], TimeSpan.Zero, []);

        var result = new EngineResult([papers, home], []);

        Assert.Same(home, result["Home"]);
        Assert.Same(papers, result["Papers"]);
    }
}

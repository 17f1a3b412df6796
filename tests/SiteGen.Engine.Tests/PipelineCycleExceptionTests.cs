namespace SiteGen.Engine.Tests;

public sealed class PipelineCycleExceptionTests
{
    [Fact]
    public void SaysWhichPipelinesFormTheCycleAndHowToBreakIt()
    {
        var exception = new PipelineCycleException(["Papers", "Tags", "Papers"]);

        Assert.Equal<string>(["Papers", "Tags", "Papers"], exception.Cycle);
        Assert.Equal("The pipelines depend on each other in a cycle: Papers -> Tags -> Papers. Remove one of these dependencies.", exception.Message);
    }
}

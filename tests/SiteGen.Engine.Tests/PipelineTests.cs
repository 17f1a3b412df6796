using SiteGen.Engine.Tests.Support;

namespace SiteGen.Engine.Tests;

public sealed class PipelineTests
{
    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void RequiresAName(string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => new Pipeline(name));
    }

    [Fact]
    public void GivesTheModulesOfEachPhase()
    {
        var input = Step.Produce("a");
        var process = Step.Produce("b");
        var postProcess = Step.Produce("c");
        var output = Step.Produce("d");
        var pipeline = new Pipeline("Papers") { Input = [input], Process = [process], PostProcess = [postProcess], Output = [output] };

        Assert.Same(input, Assert.Single(pipeline.ModulesOf(Phase.Input)));
        Assert.Same(process, Assert.Single(pipeline.ModulesOf(Phase.Process)));
        Assert.Same(postProcess, Assert.Single(pipeline.ModulesOf(Phase.PostProcess)));
        Assert.Same(output, Assert.Single(pipeline.ModulesOf(Phase.Output)));
    }

    [Fact]
    public void HasNoModulesAndNoDependenciesUntilGivenSome()
    {
        var pipeline = new Pipeline("Papers");

        Assert.Empty(pipeline.Dependencies);
        Assert.All(Enum.GetValues<Phase>(), phase => Assert.Empty(pipeline.ModulesOf(phase)));
    }
}

namespace SiteGen.Engine.Tests;

public sealed class PipelineFailedExceptionTests
{
    [Fact]
    public void SaysWhichPipelinePhaseAndModuleFailedAndWhy()
    {
        var cause = new FormatException("a.md: the date is not a date.");

        var exception = new PipelineFailedException("Papers", Phase.Process, "ExtractFrontMatter", cause);

        Assert.Equal("Pipeline 'Papers' failed in its Process phase, in module ExtractFrontMatter: a.md: the date is not a date.", exception.Message);
        Assert.Same(cause, exception.InnerException);
        Assert.Equal(("Papers", Phase.Process, "ExtractFrontMatter"), (exception.Pipeline, exception.Phase, exception.Module));
    }
}

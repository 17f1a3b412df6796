using System.Collections.Immutable;
using SiteGen.Engine.Tests.Support;

namespace SiteGen.Engine.Tests;

public sealed class ExecutionContextTests
{
    [Fact]
    public async Task GivesADependentTheProcessDocumentsOfItsDependency()
    {
        ImmutableArray<Document> seen = [];
        var engine = new Engine([
            new Pipeline("Papers")
            {
                Input = [Step.Produce("a.md", "b.md")],
                Process = [Step.Map(d => d.WithContent("processed"))],
                PostProcess = [Step.Map(d => d.WithContent("post-processed"))],
            },
            new Pipeline("Home") { Dependencies = ["Papers"], Process = [Step.Do(c => seen = c.FromPipeline("Papers"))] },
        ]);

        await engine.ExecuteWithinTimeoutAsync();

        Assert.Equal(["a.md", "b.md"], seen.Select(d => d.Source));
        Assert.All(seen, d => Assert.Equal("processed", d.Content));
    }

    [Fact]
    public async Task GivesADependentTheProcessDocumentsOfItsDependencyDuringPostProcess()
    {
        // Every PostProcess runs at the same time, so the dependency's PostProcess result is not there yet.
        ImmutableArray<Document> seen = [];
        var engine = new Engine([
            new Pipeline("Papers") { Process = [Step.Produce("a.md")], PostProcess = [Step.Map(d => d.WithContent("post-processed"))] },
            new Pipeline("Home") { Dependencies = ["Papers"], PostProcess = [Step.Do(c => seen = c.FromPipeline("Papers"))] },
        ]);

        await engine.ExecuteWithinTimeoutAsync();

        Assert.Equal("", Assert.Single(seen).Content);
    }

    /// <summary>
    /// An Output reads its dependency's PostProcess documents, as they are before they are written; the Output of an
    /// <see cref="Pipeline.OutputLast"/> pipeline, which starts once every other Output is done, reads what they wrote.
    /// </summary>
    [Theory]
    [InlineData(false, "post-processed")]
    [InlineData(true, "written")]
    public async Task GivesADependentDuringOutputThePostProcessDocumentsOrIfItIsOutputLastTheWrittenOnes(bool outputLast, string expected)
    {
        ImmutableArray<Document> seen = [];
        var engine = new Engine([
            new Pipeline("Papers")
            {
                Process = [Step.Produce("a.md")],
                PostProcess = [Step.Map(d => d.WithContent("post-processed"))],
                Output = [Step.Map(d => d.WithContent("written"))],
            },
            new Pipeline("Sitemap") { Dependencies = ["Papers"], OutputLast = outputLast, Output = [Step.Do(c => seen = c.FromPipeline("Papers"))] },
        ]);

        await engine.ExecuteWithinTimeoutAsync();

        Assert.Equal(expected, Assert.Single(seen).Content);
    }

    [Fact]
    public async Task RefusesToReadAPipelineThatWasNotDeclaredAsADependency()
    {
        var engine = new Engine([
            new Pipeline("Papers") { Process = [Step.Produce("a.md")] },
            new Pipeline("Home") { Process = [new ReadPipeline("Papers")] },
        ]);

        var exception = await Assert.ThrowsAsync<PipelineFailedException>(engine.ExecuteWithinTimeoutAsync);

        Assert.Equal("Home", exception.Pipeline);
        Assert.Equal(nameof(ReadPipeline), exception.Module);
        var cause = Assert.IsType<InvalidOperationException>(exception.InnerException);
        Assert.Contains("'Home' reads 'Papers' but does not declare it", cause.Message);
        Assert.Contains("Dependencies", cause.Message);
    }

    [Fact]
    public async Task RefusesToReadItsOwnPipeline()
    {
        var engine = new Engine([new Pipeline("Papers") { PostProcess = [new ReadPipeline("Papers")] }]);

        var exception = await Assert.ThrowsAsync<PipelineFailedException>(engine.ExecuteWithinTimeoutAsync);

        Assert.IsType<InvalidOperationException>(exception.InnerException);
    }

    [Fact]
    public async Task RefusesToReadADependencyDuringInput()
    {
        var engine = new Engine([
            new Pipeline("Papers") { Process = [Step.Produce("a.md")] },
            new Pipeline("Home") { Dependencies = ["Papers"], Input = [new ReadPipeline("Papers")] },
        ]);

        var exception = await Assert.ThrowsAsync<PipelineFailedException>(engine.ExecuteWithinTimeoutAsync);

        Assert.Equal("Home", exception.Pipeline);
        Assert.Equal(Phase.Input, exception.Phase);
        var cause = Assert.IsType<InvalidOperationException>(exception.InnerException);
        Assert.Contains("Input phase", cause.Message);
    }

    [Fact]
    public async Task NamesThePipelineAndPhaseItRunsIn()
    {
        var seen = new List<(string, Phase)>();
        var record = Step.Do(c =>
        {
            lock (seen)
            {
                seen.Add((c.PipelineName, c.Phase));
            }
        });
        var engine = new Engine([new Pipeline("Papers") { Input = [record], Process = [record], PostProcess = [record], Output = [record] }]);

        await engine.ExecuteWithinTimeoutAsync();

        Assert.Equal([("Papers", Phase.Input), ("Papers", Phase.Process), ("Papers", Phase.PostProcess), ("Papers", Phase.Output)], seen);
    }

    [Fact]
    public async Task GivesModulesTheServicesOfTheEngineByTypeOrByAnInterfaceTheyImplement()
    {
        var settings = new Settings("https://example.org");
        var clock = new FixedClock();
        var seen = new List<object>();
        var engine = new Engine(
            [new Pipeline("Feeds") { Process = [Step.Do(c => seen.AddRange([c.GetService<Settings>(), c.GetService<IClock>(), c.GetService<FixedClock>()]))] }],
            services: [settings, clock]);

        await engine.ExecuteWithinTimeoutAsync();

        Assert.Equal<object>([settings, clock, clock], seen);
    }

    [Fact]
    public async Task FailsNamingTheTypeOfAServiceTheEngineWasNotGiven()
    {
        var engine = new Engine([new Pipeline("Feeds") { Process = [Step.Do(c => c.GetService<Settings>())] }], services: [new FixedClock()]);

        var exception = await Assert.ThrowsAsync<PipelineFailedException>(engine.ExecuteWithinTimeoutAsync);

        Assert.Contains(nameof(Settings), Assert.IsType<InvalidOperationException>(exception.InnerException).Message);
    }

    [Fact]
    public async Task CancelsItsTokenWhenAnotherPipelineFails()
    {
        var token = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var engine = new Engine([
            new Pipeline("Assets") { Process = [Step.DoAsync(async c => { token.SetResult(c.CancellationToken); await Task.Delay(Timeout.Infinite, c.CancellationToken); })] },
            new Pipeline("Papers") { Process = [Step.DoAsync(_ => token.Task.WaitAsync(Patience.Timeout)), new ThrowingModule()] },
        ]);

        await Assert.ThrowsAsync<PipelineFailedException>(engine.ExecuteWithinTimeoutAsync);

        Assert.True((await token.Task).IsCancellationRequested);
    }

    private sealed record Settings(string BaseUrl);

    private interface IClock;

    private sealed class FixedClock : IClock;

    /// <summary>Reads a pipeline, as a module that lists another pipeline's documents would.</summary>
    private sealed class ReadPipeline(string name) : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context) =>
            Task.FromResult(context.FromPipeline(name));
    }
}

using System.Collections.Immutable;

namespace SiteGen.Engine.Tests.Support;

/// <summary>A module made of a lambda, so a test shows what each step does where it builds the pipeline.</summary>
internal sealed class Step(Func<ImmutableArray<Document>, IExecutionContext, Task<ImmutableArray<Document>>> execute) : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context) =>
        execute(inputs, context);

    /// <summary>Returns these very documents, whatever came in: the same objects on every run.</summary>
    public static Step Return(ImmutableArray<Document> documents) => new((_, _) => Task.FromResult(documents));

    /// <summary>Runs <paramref name="action"/> synchronously, on the thread the engine called the module on.</summary>
    public static Step Do(Action<IExecutionContext> action) => new((documents, context) =>
    {
        action(context);
        return Task.FromResult(documents);
    });

    public static Step DoAsync(Func<IExecutionContext, Task> action) => new(async (documents, context) =>
    {
        await action(context);
        return documents;
    });

    /// <summary>Replaces the documents with new ones, one per source.</summary>
    public static Step Produce(params string[] sources) =>
        new((_, _) => Task.FromResult<ImmutableArray<Document>>([.. sources.Select(s => Document.Create(source: s))]));

    public static Step Map(Func<Document, Document> map) =>
        new((documents, _) => Task.FromResult<ImmutableArray<Document>>([.. documents.Select(map)]));
}

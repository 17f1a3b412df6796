using System.Collections.Immutable;

namespace SiteGen.Engine;

/// <summary>
/// The one module interface: a step that takes the documents of a phase and returns the next list.
/// Modules are verbs (ReadFiles, RenderMarkdown, WriteFiles...). A module that works per document derives
/// from <see cref="PerDocumentModule"/> and is run in parallel for free.
/// </summary>
public interface IModule
{
    Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context);
}

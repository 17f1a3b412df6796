using SiteGen.Engine;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>Writes each document with a destination into the output folder (assets are copied byte for byte).</summary>
public sealed class WriteFiles : PerDocumentModule
{
    protected override IEnumerable<Document> Execute(Document input, IExecutionContext context)
    {
        if (input.Destination is { } destination)
        {
            var output = context.GetService<SiteServices>().Output;
            if (input.Get<string>(Keys.CopyFrom) is { } file)
            {
                output.Write(destination, File.ReadAllBytes(file));
            }
            else
            {
                output.Write(destination, input.Content);
            }
        }
        // Only what was written flows on: the engine's report then counts the pages.
        yield return input.Destination is null ? input : input.WithContent(string.Empty);
    }
}

using System.Buffers;
using System.Text;
using SiteGen.Engine;
using SiteGen.Rendering;
using SiteGen.Rendering.Views;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// Writes each document with a destination into the output folder. A page (a document with a layout) is
/// rendered here, as it is written, so no page's HTML outlives its write: memory stays flat however many
/// pages there are. A page whose inputs did not change since the last build is neither rendered nor written.
/// Assets are copied byte for byte.
/// </summary>
public sealed class WriteFiles : PerDocumentModule
{
    protected override IEnumerable<Document> Execute(Document input, IExecutionContext context)
    {
        if (input.Destination is not { } destination)
        {
            yield return input;
            yield break;
        }
        var site = context.GetService<SiteServices>();
        if (input.Get<string>(Keys.CopyFrom) is { } file)
        {
            site.Output.Write(destination, File.ReadAllBytes(file));
        }
        else if (input.Get<Func<byte[]>>(Keys.Produce) is { } produce)
        {
            site.Output.Write(destination, produce());
        }
        else if (input.Get<Action<Stream>>(Keys.Stream) is { } stream)
        {
            site.Output.Write(destination, stream);
        }
        else if (input.Get<string>(Keys.Layout) is { } layout)
        {
            var model = input.GetRequired<PageModel>(Keys.Model);
            // A page model reused from the last build of a session was hashed then: only the site-wide part is new.
            var inputs = Fingerprint.Of(site.Fingerprint, site.Session.PageModels.GetOrAdd(model, PageFingerprint.HashOf), layout);
            if (!site.Output.TryKeep(destination, inputs))
            {
                if (model.Papers.Count > 0)
                {
                    model = model with { CardsHtml = site.Cards.For(model.Papers, model.Site) };
                }
                var html = TextBuffer.ForThisThread();
                site.Templates.Render(layout, model, html);
                // Its links are read here, where the HTML exists, rather than from the file later.
                site.Links.Rendered(destination, html.Written, inputs);
                WriteText(site.Output, destination, html.Written, inputs);
            }
            else
            {
                site.Links.Kept(destination, inputs);
            }
        }
        else
        {
            WriteText(site.Output, destination, input.Content, 0);
        }
        // What was written flows on without its content (the engine's report counts it); a document without
        // content flows on as it is, which costs nothing for the tens of thousands of pages a rebuild keeps.
        yield return input.Content.Length == 0 ? input : input.WithContent(string.Empty);
    }

    private static void WriteText(OutputFolder output, string destination, ReadOnlySpan<char> text, ulong inputs)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            output.Write(destination, buffer.AsSpan(0, length), inputs);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

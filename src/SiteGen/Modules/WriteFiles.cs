using System.Collections.Immutable;
using SiteGen.Engine;
using SiteGen.Links;
using SiteGen.Rendering.Views;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// Writes each document with a destination into the output folder. A page (a document with a layout) is
/// rendered as it is written (<see cref="PageWriter"/>), so no page's HTML outlives its write: memory stays flat however
/// many pages there are; a page whose inputs did not change since the last build is neither rendered nor written.
/// Assets are copied byte for byte.
/// <para>
/// In a session, each pipeline's last run is kept (<see cref="LastWrite"/>): a page (or a file made by
/// <see cref="Keys.Produce"/>, whose bytes depend on its document alone) whose document is the very one the last run
/// wrote or kept at the same place, with the same templates, is carried over as it was, its file and links counted
/// without a lookup. At 10,000 papers that is 21,000 files an edit, of which an edit changes a handful.
/// </para>
/// </summary>
internal sealed class WriteFiles : IModule
{
    public async Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        var reuse = site.Session.Reuse;
        // Each pipeline's last run, whose unchanged pages the next build carries over. It carries a page over when its
        // document is at or next to its place, where Reuse.Rerun would only patch pages at their places. A page's bytes
        // are made from its document, the templates and the program alone (the manifest keeps pages on that too), and the
        // run checks the templates itself: so it is kept whatever the settings, vocabulary or navigation.
        var name = $"pages written by {context.PipelineName}";
        var last = reuse.Last<LastWrite>(name);
        if (last is not null && !(last.SiteFingerprint == site.Fingerprint && site.Output.ContinuesFrom(last.Produced)))
        {
            last = null;
        }
        var outputs = new Document[inputs.Length];
        // What each input came to, for the next run to carry over: only a session has one.
        var pages = site.Session.Remembers ? new WrittenPage?[inputs.Length] : null;
        await ParallelRanges.ForAsync(inputs.Length, context.ParallelOptions, i =>
        {
            if (last?.Find(inputs[i], i) is { } found)
            {
                // Its document carries its links (Keys.Links) as it did.
                site.Output.Carry(found.Page.Destination, found.Page.Stamp);
                (outputs[i], pages![i]) = (found.Output, found.Page);
            }
            else
            {
                (outputs[i], var page) = Write(inputs[i], site, remember: pages is not null);
                if (pages is not null)
                {
                    pages[i] = page;
                }
            }
        }).ConfigureAwait(false);
        if (pages is not null)
        {
            reuse.Keep(name, MadeFrom.KeyAlone, new LastWrite(inputs, outputs, pages, site.Output.Produced, site.Fingerprint));
        }
        return ImmutableArray.Create(outputs);
    }

    /// <param name="remember">Whether the page is wanted back (a session's): a one-off build makes none, for each of its pages.</param>
    private static (Document Output, WrittenPage? Page) Write(Document input, SiteServices site, bool remember)
    {
        if (input.Destination is not { } destination)
        {
            return (input, null);
        }
        WrittenPage? page = null;
        PageLinks? links = null;
        if (input.Get<string>(Keys.CopyFrom) is { } file)
        {
            site.Output.Write(destination, File.ReadAllBytes(file));
        }
        else if (input.Get<Func<byte[]>>(Keys.Produce) is { } produce)
        {
            var inputs = InputsOf(input, destination, site);
            var stamp = inputs != 0 && site.Output.TryKeep(destination, inputs, out var same)
                ? same
                : site.Output.WriteBytes(destination, produce(), inputs);
            page = remember ? new WrittenPage(destination, stamp) : null;
        }
        else if (input.Get<Action<Stream>>(Keys.Stream) is { } stream)
        {
            var inputs = InputsOf(input, destination, site);
            if (inputs == 0 || !site.Output.TryKeep(destination, inputs, out _))
            {
                site.Output.Write(destination, stream, inputs);
            }
        }
        else if (input.Get<string>(Keys.Layout) is { } layout)
        {
            (var stamp, links) = PageWriter.Write(destination, layout, input.GetRequired<PageModel>(Keys.Model), input.Get<ulong>(Keys.ProducedFrom), site);
            page = remember ? new WrittenPage(destination, stamp) : null;
        }
        else
        {
            site.Output.WriteText(destination, input.Content, 0);
        }
        // What was written flows on as where it went (the engine's report counts it), a page with its links for the link
        // check (ValidateLinks): nothing it was made from, which would stay in memory to the end of the build.
        return (links is null ? Document.Create(input.Source, destination)
            : Document.Create(source: input.Source, destination: destination, metadata: [new(Keys.Links, links)]), page);
    }

    /// <summary>
    /// What a file of <see cref="Keys.Produce"/> or <see cref="Keys.Stream"/> is made from, by which it is kept as the last
    /// build wrote it: its document's <see cref="Keys.ProducedFrom"/> under the site's fingerprint; 0 for one made anew each time.
    /// </summary>
    private static ulong InputsOf(Document input, string destination, SiteServices site) =>
        input.Get<ulong>(Keys.ProducedFrom) is var from and not 0 ? Fingerprint.Of(site.Fingerprint, from, destination) : 0;

    /// <summary>A page, or a file of <see cref="Keys.Produce"/>, as a run left it: where, and its file's stamp (a page's links travel with its document).</summary>
    internal sealed record WrittenPage(string Destination, FileStamp Stamp);

    /// <summary>
    /// One pipeline's last run in a session: its inputs, what it passed on and the page each wrote or kept, at the same
    /// places; the files of its build (<see cref="OutputFolder.Produced"/>) and the templates' fingerprint.
    /// </summary>
    internal sealed record LastWrite(ImmutableArray<Document> Inputs, Document[] Outputs, WrittenPage?[] Pages, object Produced, ulong SiteFingerprint)
    {
        /// <summary>The page at <paramref name="at"/> (or one place either side) if its document is <paramref name="input"/>.</summary>
        public (Document Output, WrittenPage Page)? Find(Document input, int at)
        {
            var near = SamePlaces.Near(Inputs.AsSpan(), input, at);
            return near >= 0 && Pages[near] is { } page ? (Outputs[near], page) : null;
        }
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using SiteGen.Rendering.Views;

namespace SiteGen.Site;

/// <summary>
/// Fingerprints of what templates see. A page's fingerprint (with the templates' and the program's own)
/// decides whether it must be rendered again: equal fingerprints, equal page. The models are hashed as
/// their JSON, so a member added to a view model is covered without anyone remembering to add it here;
/// inside a page, a paper counts by its own precomputed fingerprint (<see cref="PageModel.PapersFingerprint"/>), so a
/// list page of 50 papers hashes 50 numbers, not 50 abstracts.
/// </summary>
internal static class PageFingerprint
{
    public static ulong Of(string layout, PageModel model, ulong siteWide) => Fingerprint.Of(siteWide, HashOf(model), layout);

    /// <summary>The page model's own part of <see cref="Of(string, PageModel, ulong)"/>.</summary>
    public static ulong HashOf(PageModel model) => HashOfJson(model, PageModelJson.Default.PageModel);

    /// <summary>One JSON writer and hash per thread: a build hashes tens of thousands of models, and a new
    /// writer and buffer for each made most of the garbage of a rebuild.</summary>
    [ThreadStatic]
    private static (HashingBufferWriter Hash, Utf8JsonWriter Json)? _writer;

    /// <summary>The paper's own fingerprint: every member but the fingerprint itself.</summary>
    public static ulong Of(PaperView paper) => HashOfJson(paper with { Fingerprint = 0 }, PaperViewJson.Default.PaperView);

    /// <summary>The site as a template sees it (a paper's card is made from it and the paper).</summary>
    public static ulong Of(SiteView site) => HashOfJson(site, SiteViewJson.Default.SiteView);

    /// <summary>
    /// <see cref="Of(SiteView)"/> of a site view many pages share (one per depth, <see cref="PageDocuments.SiteFor"/>),
    /// hashed once for as long as the object lives.
    /// </summary>
    public static ulong OfShared(SiteView site) => (ulong)SharedSites.GetValue(site, static s => Of(s));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SiteView, object> SharedSites = [];

    private static ulong HashOfJson<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        if (_writer is not { } writer)
        {
            var hash = new HashingBufferWriter();
            writer = (hash, new Utf8JsonWriter(hash));
        }
        // Taken while in use: a hash asked for while this one is written (a shared site's, PageModel.SiteFingerprint)
        // gets a writer of its own.
        _writer = null;
        try
        {
            writer.Hash.Reset();
            writer.Json.Reset(writer.Hash);
            JsonSerializer.Serialize(writer.Json, value, type);
            writer.Json.Flush();
            return writer.Hash.Value;
        }
        finally
        {
            _writer = writer;
        }
    }
}

// Source-generated, so hashing starts without reflection and stays cheap per page.
[JsonSerializable(typeof(PageModel))]
internal sealed partial class PageModelJson : JsonSerializerContext;

[JsonSerializable(typeof(PaperView))]
internal sealed partial class PaperViewJson : JsonSerializerContext;

[JsonSerializable(typeof(SiteView))]
internal sealed partial class SiteViewJson : JsonSerializerContext;

namespace SiteGen.Site;

/// <summary>Metadata keys of the site's documents, in one place so no string literal drifts.</summary>
internal static class Keys
{
    /// <summary>The <see cref="Papers.Paper"/> a document stands for.</summary>
    public const string Paper = nameof(Paper);

    /// <summary>The <see cref="Rendering.Views.PaperView"/> of that paper, built once and shown on many pages.</summary>
    public const string PaperView = nameof(PaperView);

    /// <summary>The layout name a page is rendered with (layouts/{name}.liquid).</summary>
    public const string Layout = nameof(Layout);

    /// <summary>The <see cref="Rendering.Views.PageModel"/> a layout is rendered with.</summary>
    public const string Model = nameof(Model);

    /// <summary>An absolute file path whose bytes are copied as they are (assets).</summary>
    public const string CopyFrom = nameof(CopyFrom);

    /// <summary>
    /// A <c>Func&lt;byte[]&gt;</c> that makes a file's bytes when it is written, so that large generated files
    /// (papers.json, every paper's Markdown page) are not all held in memory until the Output phase. The bytes must
    /// depend on nothing but the document: a session's next build carries over the file of the very same document
    /// without calling it again (<see cref="Modules.WriteFiles"/>).
    /// </summary>
    public const string Produce = nameof(Produce);

    /// <summary>
    /// With <see cref="Produce"/>: a fingerprint (<c>ulong</c>) of everything its bytes depend on besides the program. When
    /// the last build wrote the file from the same, it is kept without calling <see cref="Produce"/>. With
    /// <see cref="Model"/>: the model's hash (<see cref="PageDocuments.Page"/>), to which the page's layout and the
    /// templates are added.
    /// </summary>
    public const string ProducedFrom = nameof(ProducedFrom);

    /// <summary>
    /// An <c>Action&lt;Stream&gt;</c> that writes a file's bytes into a stream when it is written: for a file too
    /// large to hold even once (papers.json of a million papers is gigabytes).
    /// </summary>
    public const string Stream = nameof(Stream);

    /// <summary>A written page's internal links (<see cref="SiteGen.Links.PageLinks"/>), for the link check.</summary>
    public const string Links = nameof(Links);

    /// <summary>A paper's related papers (<c>IReadOnlyList&lt;PaperLinkView&gt;</c>), best first.</summary>
    public const string RelatedPapers = nameof(RelatedPapers);

    /// <summary>The <see cref="Rendering.Views.PaperLinkView"/> of the paper just before a paper in the site's order, if any.</summary>
    public const string NewerPaper = nameof(NewerPaper);

    /// <summary>The <see cref="Rendering.Views.PaperLinkView"/> of the paper just after a paper in the site's order, if any.</summary>
    public const string OlderPaper = nameof(OlderPaper);
}

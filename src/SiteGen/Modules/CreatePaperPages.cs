using SiteGen.Engine;
using SiteGen.Papers;
using SiteGen.Rendering.Views;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// Each paper gives two files: its page, and its YAML-fronted Markdown exactly as SiteGen writes it; and a paper with an
/// arXiv id a third, <c>papers/{arxiv}/</c>, which sends the reader on to its page.
/// </summary>
internal sealed class CreatePaperPages : PerDocumentModule
{
    public const string Layout = "paper";

    protected override IEnumerable<Document> Execute(Document input, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        var paper = input.GetRequired<Paper>(Keys.Paper);
        var view = input.GetRequired<PaperView>(Keys.PaperView);
        // What the page's model is made from handed over to a static function, and the documents returned as an array: a
        // closure and an iterator for every paper of every build were garbage.
        var page = PageDocuments.Create(view.Url, Layout, (Page: new PageView(paper.Title, Layout, view.Url) { DescribedPaper = view }, View: view, Input: input),
            static (siteView, made) => new PageModel(siteView, made.Page)
            {
                Paper = made.View,
                Related = made.Input.Get<IReadOnlyList<PaperLinkView>>(Keys.RelatedPapers) ?? [],
                Newer = made.Input.Get<PaperLinkView>(Keys.NewerPaper),
                Older = made.Input.Get<PaperLinkView>(Keys.OlderPaper),
            }, site, paper);
        // Made only when the paper changed: the last build's file is kept by the paper's fingerprint.
        var markdown = Document.Create(source: input.Source, destination: view.MarkdownUrl, metadata:
        [
            new(Keys.Produce, (Func<byte[]>)(() => System.Text.Encoding.UTF8.GetBytes(FrontMatter.Write(paper)))),
            new(Keys.ProducedFrom, view.PaperFingerprint),
        ]);
        if (paper.Arxiv is not { } arxiv)
        {
            return (Document[])[page, markdown];
        }
        var alias = Urls.PaperByArxiv(arxiv);
        var baseUrl = AbsoluteUrls.BaseOf(site.Settings);
        return (Document[])[page, markdown, Document.Create(source: input.Source, destination: alias,
            metadata: [new(Keys.Produce, (Func<byte[]>)(() => RedirectPage.Html(alias, view.Url, paper.Title, baseUrl)))])];
    }

    protected override bool OutputDependsOnlyOnInput => true;

    /// <summary>Besides the paper's documents, the settings (the site's address, its title) and the navigation: not the vocabulary.</summary>
    protected override ulong? MadeWith(IExecutionContext context) => context.GetService<SiteServices>().SettingsAndNavigationFingerprint;
}

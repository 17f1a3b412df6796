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
        yield return PageDocuments.Create(view.Url, Layout,
                siteView => new PageModel(siteView, new PageView(paper.Title, Layout, view.Url, view.Excerpt))
                {
                    Paper = view,
                    Related = input.Get<IReadOnlyList<PaperLinkView>>(Keys.RelatedPapers) ?? [],
                    Newer = input.Get<PaperLinkView>(Keys.NewerPaper),
                    Older = input.Get<PaperLinkView>(Keys.OlderPaper),
                }, site)
            .With(Keys.Paper, paper);
        // The session's state, not the build's services: a rebuild reuses this document, and with it this function.
        var kept = site.Session.State(static remember => new Kept(remember));
        yield return Document.Create(source: input.Source, destination: view.MarkdownUrl)
            .With(Keys.Produce, (Func<byte[]>)(() => kept.Pages.GetOrAdd(paper, static p => System.Text.Encoding.UTF8.GetBytes(FrontMatter.Write(p)))))
            .With(Keys.ProducedFrom, DocumentCodecs.FingerprintOf(paper));
        if (paper.Arxiv is { } arxiv)
        {
            var alias = Urls.PaperByArxiv(arxiv);
            var baseUrl = AbsoluteUrls.BaseOf(site.Settings);
            yield return Document.Create(source: input.Source, destination: alias)
                .With(Keys.Produce, (Func<byte[]>)(() => RedirectPage.Html(alias, view.Url, paper.Title, baseUrl)));
        }
    }

    protected override bool OutputDependsOnlyOnInput => true;

    /// <summary>What a session keeps: each paper's YAML-fronted page, as written to <c>/papers/{slug}.md</c> (UTF-8), by paper.</summary>
    private sealed class Kept(bool remember) : SessionState
    {
        public Memo<Paper, byte[]> Pages { get; } = new(remember, ReferenceEqualityComparer.Instance);

        // No BasisChanged: a paper's page depends on the paper alone.

        public override void NextBuild() => Pages.NextGeneration();
    }
}

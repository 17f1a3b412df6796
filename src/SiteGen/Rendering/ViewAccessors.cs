using Fluid;
using SiteGen.Rendering.Views;

namespace SiteGen.Rendering;

/// <summary>
/// The view models' members as templates read them (snake_case names), each as a plain delegate: the only way templates
/// reach a CLR object's members, so the program needs no reflection over them (it is published ahead of time, where
/// Fluid's reflection reads each member with <c>PropertyInfo.GetValue</c>). A member left out here is invisible to
/// templates; a test holds every member of every view a page model reaches to be listed.
/// </summary>
internal static class ViewAccessors
{
    public static void Register(MemberAccessStrategy access)
    {
        access.Register<SiteView, string>("title", s => s.Title);
        access.Register<SiteView, string>("description", s => s.Description);
        access.Register<SiteView, string>("root", s => s.Root);
        access.Register<SiteView, string>("language", s => s.Language);
        access.Register<SiteView, IReadOnlyList<MenuLinkView>>("menu", s => s.Menu);
        access.Register<SiteView, bool>("has_search", s => s.HasSearch);
        access.Register<SiteView, string?>("base_url", s => s.BaseUrl);

        access.Register<MenuLinkView, string>("title", m => m.Title);
        access.Register<MenuLinkView, string>("url", m => m.Url);

        access.Register<PageView, string>("title", p => p.Title);
        access.Register<PageView, string>("kind", p => p.Kind);
        access.Register<PageView, string>("url", p => p.Url);
        access.Register<PageView, string?>("description", p => p.Description);

        access.Register<TagLinkView, string>("slug", t => t.Slug);
        access.Register<TagLinkView, string>("name", t => t.Name);
        access.Register<TagLinkView, string>("url", t => t.Url);

        access.Register<PaperView, string>("title", p => p.Title);
        access.Register<PaperView, string>("slug", p => p.Slug);
        access.Register<PaperView, string>("url", p => p.Url);
        access.Register<PaperView, string>("markdown_url", p => p.MarkdownUrl);
        access.Register<PaperView, int?>("author_count", p => p.AuthorCount);
        access.Register<PaperView, string>("author_label", p => p.AuthorLabel);
        access.Register<PaperView, string>("authors_url", p => p.AuthorsUrl);
        access.Register<PaperView, string?>("published", p => p.Published);
        access.Register<PaperView, string?>("published_display", p => p.PublishedDisplay);
        access.Register<PaperView, int?>("comments", p => p.Comments);
        access.Register<PaperView, IReadOnlyList<TagLinkView>>("tags", p => p.Tags);
        access.Register<PaperView, string?>("code_url", p => p.CodeUrl);
        access.Register<PaperView, string>("abstract_html", p => p.AbstractHtml);
        access.Register<PaperView, string>("abstract_markdown", p => p.AbstractMarkdown);
        access.Register<PaperView, string>("excerpt", p => p.Excerpt);
        access.Register<PaperView, IReadOnlyList<string>>("sources", p => p.Sources);
        access.Register<PaperView, string?>("year_url", p => p.YearUrl);
        access.Register<PaperView, string?>("arxiv", p => p.Arxiv);
        access.Register<PaperView, IReadOnlyList<string>>("authors", p => p.Authors);
        access.Register<PaperView, string?>("organization", p => p.Organization);
        access.Register<PaperView, int?>("upvotes", p => p.Upvotes);
        access.Register<PaperView, int?>("github_stars", p => p.GithubStars);
        access.Register<PaperView, string?>("summary", p => p.Summary);
        access.Register<PaperView, IReadOnlyList<string>>("keywords", p => p.Keywords);
        access.Register<PaperView, string?>("submitted_display", p => p.SubmittedDisplay);
        access.Register<PaperView, string?>("arxiv_url", p => p.ArxivUrl);
        access.Register<PaperView, string?>("pdf_url", p => p.PdfUrl);
        access.Register<PaperView, string?>("project_url", p => p.ProjectUrl);
        access.Register<PaperView, ulong>("fingerprint", p => p.Fingerprint);

        access.Register<PaperLinkView, string>("title", p => p.Title);
        access.Register<PaperLinkView, string>("url", p => p.Url);
        access.Register<PaperLinkView, string?>("published_display", p => p.PublishedDisplay);

        access.Register<PageLinkView, int?>("number", p => p.Number);
        access.Register<PageLinkView, string>("url", p => p.Url);
        access.Register<PageLinkView, bool>("is_current", p => p.IsCurrent);
        access.Register<PageLinkView, bool>("after_gap", p => p.AfterGap);
        access.Register<PageLinkView, bool>("is_far", p => p.IsFar);

        access.Register<PaginationView, string?>("previous_url", p => p.PreviousUrl);
        access.Register<PaginationView, string?>("next_url", p => p.NextUrl);
        access.Register<PaginationView, IReadOnlyList<PageLinkView>>("pages", p => p.Pages);

        access.Register<PageModel, SiteView>("site", m => m.Site);
        access.Register<PageModel, PageView>("page", m => m.Page);
        access.Register<PageModel, PaperView?>("paper", m => m.Paper);
        access.Register<PageModel, IReadOnlyList<PaperView>>("papers", m => m.Papers);
        access.Register<PageModel, PaginationView?>("pagination", m => m.Pagination);
        access.Register<PageModel, IReadOnlyList<RawHtml>>("cards_html", m => m.CardsHtml);
        access.Register<PageModel, TagSummaryView?>("tag", m => m.Tag);
        access.Register<PageModel, IReadOnlyList<TagSummaryView>>("tags", m => m.Tags);
        access.Register<PageModel, IReadOnlyList<AuthorBucketView>>("buckets", m => m.Buckets);
        access.Register<PageModel, ChartView?>("chart", m => m.Chart);
        access.Register<PageModel, IReadOnlyList<PaperLinkView>>("related", m => m.Related);
        access.Register<PageModel, PaperLinkView?>("newer", m => m.Newer);
        access.Register<PageModel, PaperLinkView?>("older", m => m.Older);
        access.Register<PageModel, IReadOnlyList<YearSummaryView>>("years", m => m.Years);
        access.Register<PageModel, string?>("content_html", m => m.ContentHtml);
        access.Register<PageModel, string?>("canonical_url", m => m.CanonicalUrl);
        access.Register<PageModel, string>("open_graph_type", m => m.OpenGraphType);
        access.Register<PageModel, IReadOnlyList<FeedLinkView>>("feeds", m => m.Feeds);
        access.Register<PageModel, string?>("json_ld_html", m => m.JsonLdHtml);

        access.Register<TagSummaryView, string>("slug", t => t.Slug);
        access.Register<TagSummaryView, string>("name", t => t.Name);
        access.Register<TagSummaryView, string>("description", t => t.Description);
        access.Register<TagSummaryView, int?>("count", t => t.Count);
        access.Register<TagSummaryView, string>("url", t => t.Url);

        access.Register<AuthorBucketView, string>("key", b => b.Key);
        access.Register<AuthorBucketView, string>("label", b => b.Label);
        access.Register<AuthorBucketView, int>("count", b => b.Count);
        access.Register<AuthorBucketView, string>("url", b => b.Url);
        access.Register<AuthorBucketView, double>("x", b => b.X);
        access.Register<AuthorBucketView, double>("y", b => b.Y);
        access.Register<AuthorBucketView, double>("width", b => b.Width);
        access.Register<AuthorBucketView, double>("height", b => b.Height);

        access.Register<ChartView, double>("width", c => c.Width);
        access.Register<ChartView, double>("height", c => c.Height);
        access.Register<ChartView, double>("baseline_y", c => c.BaselineY);
        access.Register<ChartView, int>("max_count", c => c.MaxCount);

        access.Register<YearSummaryView, string>("key", y => y.Key);
        access.Register<YearSummaryView, string>("label", y => y.Label);
        access.Register<YearSummaryView, int>("count", y => y.Count);
        access.Register<YearSummaryView, string>("url", y => y.Url);

        access.Register<FeedLinkView, string>("title", f => f.Title);
        access.Register<FeedLinkView, string>("type_html", f => f.TypeHtml);
        access.Register<FeedLinkView, string>("url", f => f.Url);
    }
}

using Fluid;
using SiteGen.Rendering.Views;

namespace SiteGen.Rendering;

/// <summary>
/// Reads the members templates use most as plain delegates. The program is published ahead of time (no dynamic code),
/// so Fluid would otherwise read each member with <c>PropertyInfo.GetValue</c>, which took 14% of a 10,000-paper build.
/// Registered after <c>Register&lt;T&gt;()</c>, so a member left out here is still read, by reflection.
/// Names are the snake_case ones templates use.
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

        access.Register<PaperLinkView, string>("title", p => p.Title);
        access.Register<PaperLinkView, string>("url", p => p.Url);
        access.Register<PaperLinkView, string?>("published_display", p => p.PublishedDisplay);

        access.Register<PageLinkView, int>("number", p => p.Number);
        access.Register<PageLinkView, string>("url", p => p.Url);
        access.Register<PageLinkView, bool>("is_current", p => p.IsCurrent);

        access.Register<PaginationView, int>("current", p => p.Current);
        access.Register<PaginationView, int>("total", p => p.Total);
        access.Register<PaginationView, string?>("previous_url", p => p.PreviousUrl);
        access.Register<PaginationView, string?>("next_url", p => p.NextUrl);
        access.Register<PaginationView, IReadOnlyList<PageLinkView>>("pages", p => p.Pages);

        access.Register<PageModel, SiteView>("site", m => m.Site);
        access.Register<PageModel, PageView>("page", m => m.Page);
        access.Register<PageModel, PaperView?>("paper", m => m.Paper);
        access.Register<PageModel, IReadOnlyList<PaperView>>("papers", m => m.Papers);
        access.Register<PageModel, PaginationView?>("pagination", m => m.Pagination);
        access.Register<PageModel, IReadOnlyList<string>>("cards_html", m => m.CardsHtml);
    }
}

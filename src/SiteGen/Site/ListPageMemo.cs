using SiteGen.Engine;
using SiteGen.Rendering.Views;

namespace SiteGen.Site;

/// <summary>
/// The last document of one list page in a session, with what it was made from: reused while the page shows the
/// same paper objects under the same title, layout, navigation and site view.
/// </summary>
internal sealed class ListPageMemo
{
    private (PaperView[] Papers, string Layout, int? Number, int Numbered, PageView Page, TagSummaryView? Tag, SiteView Site)? _made;
    private Document? _document;

    public Document For(ListPage<PaperView> list, string layout, PageView page, TagSummaryView? tag, SiteView site, Func<Document> create)
    {
        lock (this)
        {
            if (_document is not null && _made is { } made
                && made.Layout == layout && made.Number == list.Number && made.Numbered == list.Numbered
                && made.Page == page && made.Tag == tag && ReferenceEquals(made.Site, site)
                && made.Papers.AsSpan().SequenceEqual(list.Items.AsSpan(), ReferenceEqualityComparer.Instance))
            {
                return _document;
            }
            _made = ([.. list.Items], layout, list.Number, list.Numbered, page, tag, site);
            return _document = create();
        }
    }
}

using SiteGen.Engine;
using SiteGen.Listings;
using SiteGen.Modules;

namespace SiteGen.Site;

/// <summary>
/// The site, as a list of pipelines: reading this file tells what the site is made of.
/// Pages are made (with every check of the input) in Process and PostProcess, and rendered as they are
/// written in Output, which starts only when every pipeline got through its checks.
/// </summary>
internal static class SitePipelines
{
    public const string Listings = nameof(Listings);
    public const string Papers = nameof(Papers);
    public const string Pages = nameof(Pages);
    public const string Tags = nameof(Tags);
    public const string AuthorCounts = nameof(AuthorCounts);
    public const string Home = nameof(Home);
    public const string Top = nameof(Top);
    public const string Years = nameof(Years);
    public const string Data = nameof(Data);
    public const string Assets = nameof(Assets);
    public const string Search = nameof(Search);
    public const string Feeds = nameof(Feeds);
    public const string Sitemap = nameof(Sitemap);
    public const string Validate = nameof(Validate);

    /// <summary>The pipelines that make HTML pages: the sitemap lists them, the link check reads their links.</summary>
    private static readonly string[] PagePipelines = [Papers, Pages, Tags, AuthorCounts, Home, Top, Years];

    public static IReadOnlyList<Pipeline> Create() =>
    [
        // Papers from captures of Hugging Face pages (browser copies, dumps, Markdown, HTML, the API's JSON), merged when a
        // paper appears more than once.
        new Pipeline(Listings)
        {
            Input = [new ReadFiles("listings", "*", CaptureReader.FileExtensions, recursive: true)],
            Process = [new ParseListings(), new MergePapers()],
            // The papers as captured are read by the papers' merge alone: not held while every page is written.
            ReadInProcessOnly = true,
        },
        // Every paper: listings plus hand-written pages (which win), tagged, ordered newest first, each page
        // linked to the papers sharing the most tags with it and to its neighbours in that order.
        new Pipeline(Papers)
        {
            Dependencies = [Listings],
            Input = [new ReadFiles("papers", "*.md")],
            Process = [new ExtractFrontMatter(), new MergePapers(Listings), new ApplyTags(), new OrderPapers(), new CreatePaperViews(),
                new LinkPapers()],
            PostProcess = [new CreatePaperPages()],
            Output = [new WriteFiles()],
        },
        // Markdown pages of the input (about) and the 404 page.
        new Pipeline(Pages)
        {
            Input = [new ReadFiles("", "*.md")],
            Process = [new CreateContentPages(), new CreateNotFoundPage()],
            Output = [new WriteFiles()],
        },
        new Pipeline(Tags)
        {
            Dependencies = [Papers],
            Process = [new CreateTagPages(Papers)],
            Output = [new WriteFiles()],
        },
        new Pipeline(AuthorCounts)
        {
            Dependencies = [Papers],
            Process = [new CreateAuthorCountPages(Papers)],
            Output = [new WriteFiles()],
        },
        new Pipeline(Home)
        {
            Dependencies = [Papers],
            Process = [new CreateHomePages(Papers)],
            Output = [new WriteFiles()],
        },
        // The most upvoted papers, paginated.
        new Pipeline(Top)
        {
            Dependencies = [Papers],
            Process = [new CreateTopPages(Papers)],
            Output = [new WriteFiles()],
        },
        // The archive by year: every year with its count, and each year's paginated list.
        new Pipeline(Years)
        {
            Dependencies = [Papers],
            Process = [new CreateYearPages(Papers)],
            Output = [new WriteFiles()],
        },
        // papers.json, the site's data for scripts.
        new Pipeline(Data)
        {
            Dependencies = [Papers],
            Process = [new RenderPapersJson(Papers)],
            Output = [new WriteFiles()],
        },
        // search-index.js, the words of every paper for the search box (unless GenerateSearchIndex is false).
        new Pipeline(Search)
        {
            Dependencies = [Papers],
            Process = [new RenderSearchIndex(Papers)],
            Output = [new WriteFiles()],
        },
        // The theme's stylesheet and any other asset, overridable from input/assets.
        new Pipeline(Assets)
        {
            Input = [new CopyAssets()],
            Output = [new WriteFiles()],
        },
        // Atom and JSON feeds of the newest papers, and an Atom feed per tag (needs Host: feed URLs are absolute).
        new Pipeline(Feeds)
        {
            Dependencies = [Papers],
            Process = [new CreateFeeds(Papers)],
            Output = [new WriteFiles()],
        },
        // sitemap.xml of every page and robots.txt (needs Host). Made in Output, once every page of these exists.
        new Pipeline(Sitemap)
        {
            Dependencies = [.. PagePipelines],
            Output = [new CreateSitemap(PagePipelines), new WriteFiles()],
        },
        // Every internal link of every page, once every other pipeline has written its files: a broken one is a
        // warning (an error with --strict).
        new Pipeline(Validate)
        {
            Dependencies = [.. PagePipelines],
            OutputLast = true,
            Output = [new ValidateLinks(PagePipelines)],
        },
    ];
}

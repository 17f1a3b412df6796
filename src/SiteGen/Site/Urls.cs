namespace SiteGen.Site;

/// <summary>
/// The URL contract of DESIGN.md in one place. Every URL is a path relative to the site root that ends in
/// <c>index.html</c> for pages, so links work from disk as well as from any host and base path.
/// </summary>
internal static class Urls
{
    public const string Index = "index.html";
    public const string TagsIndex = "tags/index.html";
    public const string AuthorsIndex = "authors/index.html";
    public const string PapersJson = "papers.json";
    public const string SearchIndex = "search-index.js";
    public const string NotFound = "404.html";
    public const string UnknownAuthorCount = "unknown";
    public const string AtomFeed = "feed.xml";
    public const string JsonFeed = "feed.json";
    public const string Sitemap = "sitemap.xml";
    public const string Robots = "robots.txt";
    public const string YearsIndex = "years/index.html";
    public const string Undated = "undated";

    public static string Paper(string slug) => $"papers/{slug}/index.html";

    /// <summary>The folder of a paper's page (<c>papers/{slug}/</c>), written into <paramref name="url"/>, which is at least <see cref="PaperFolderLength"/> long.</summary>
    public static ReadOnlySpan<char> PaperFolder(string slug, Span<char> url) =>
        url.TryWrite($"papers/{slug}/", out var written) ? url[..written] : throw new ArgumentException("shorter than the URL", nameof(url));

    public static int PaperFolderLength(string slug) => "papers/".Length + slug.Length + 1;

    public static string PaperMarkdown(string slug) => $"papers/{slug}.md";

    /// <summary>Where a paper with an arXiv id answers too (<c>papers/2405.07960/</c>): a page that sends the reader on.</summary>
    public static string PaperByArxiv(string arxiv) => $"papers/{arxiv}/index.html";

    /// <summary>The most upvoted papers (<c>top/</c>), paginated.</summary>
    public const string TopFolder = "top/";

    public static string TagFolder(string tag) => $"tags/{tag}/";

    public static string TagFeed(string tag) => TagFolder(tag) + AtomFeed;

    public static string AuthorCountFolder(int? authorCount) =>
        $"authors/{(authorCount is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : UnknownAuthorCount)}/";

    /// <summary>A year of the archive, four digits (<c>years/2025/</c>), or <c>years/undated/</c>.</summary>
    public static string YearFolder(int? year) =>
        $"years/{(year is { } y ? y.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) : Undated)}/";

    /// <summary>A list's front page, its newest papers, is the folder's index.</summary>
    public static string ListFront(string folder) => folder + Index;

    /// <summary>Numbered page N of a list (counted from its oldest papers) lives at <c>page/N/</c> under the folder.</summary>
    public static string ListPage(string folder, int page) => $"{folder}page/{page.ToString(System.Globalization.CultureInfo.InvariantCulture)}/{Index}";

    /// <summary>Markdown page <c>about.md</c> becomes <c>about/index.html</c>; <c>index.md</c> stays the home.</summary>
    public static string ContentPage(string name) => $"{name}/{Index}";

    /// <summary>The way back from a page to the site root: "" for /index.html, "../../" for /papers/x/index.html.</summary>
    public static string RootFrom(string destination)
    {
        var depth = destination.AsSpan().Count('/');
        return depth < Roots.Length ? Roots[depth] : Up(depth);
    }

    /// <summary>The way up from the first depths, made once: a page of every paper asks for its own.</summary>
    private static readonly string[] Roots = [.. Enumerable.Range(0, 8).Select(Up)];

    private static string Up(int depth) => string.Concat(Enumerable.Repeat("../", depth));
}

using SiteGen.Settings;

namespace SiteGen.Site;

/// <summary>
/// Absolute URLs (feeds, sitemap, robots.txt, canonical and og:url) are <c>scheme://Host + LinkRoot + path</c>.
/// Without a <c>Host</c> there are none: a relative URL in a feed or a sitemap is wrong, so what needs one is left out.
/// Pages are named by their folder (<c>https://host/papers/x/</c>, not <c>.../x/index.html</c>), as hosts serve them.
/// </summary>
internal static class AbsoluteUrls
{
    /// <summary><c>https://papers.example.org/repo/</c>, or null when the settings have no Host.</summary>
    public static string? BaseOf(SiteSettings settings) =>
        settings.Host is { } host ? $"{(settings.LinksUseHttps ? "https" : "http")}://{host}{settings.LinkRoot}" : null;

    /// <summary>The absolute URL of a root-relative path (<c>papers/x/index.html</c> gives <c>{base}papers/x/</c>).</summary>
    public static string Of(string baseUrl, string rootRelative) => baseUrl + Pretty(rootRelative);

    /// <summary>A page's URL without its <c>index.html</c>: <c>papers/x/</c>, and "" for the home page.</summary>
    public static string Pretty(string rootRelative) =>
        PrettyPart(rootRelative) is var part && part.Length == rootRelative.Length ? rootRelative : part.ToString();

    /// <summary><see cref="Pretty"/> as a part of <paramref name="rootRelative"/>, with no string made.</summary>
    public static ReadOnlySpan<char> PrettyPart(string rootRelative) =>
        rootRelative == Urls.Index || rootRelative.EndsWith("/" + Urls.Index, StringComparison.Ordinal)
            ? rootRelative.AsSpan(0, rootRelative.Length - Urls.Index.Length)
            : rootRelative;
}

namespace SiteGen.Site;

/// <summary>Only absolute http(s) URLs from input ever become links; <c>javascript:</c> and friends never do.</summary>
internal static class SafeUrl
{
    public static bool IsHttp(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host);
}

namespace SiteGen.Listings;

/// <summary>What kind of Hugging Face page a URL is, for the report of what a capture held.</summary>
internal static class CaptureKinds
{
    private static readonly HashSet<string> SiteSections = new(StringComparer.OrdinalIgnoreCase)
    {
        "models", "datasets", "spaces", "docs", "blog", "login", "join", "pricing", "posts", "collections", "enterprise", "settings",
        "learn", "tasks", "organizations", "chat", "search", "new", "notifications",
    };

    public static string? OfUrl(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || !uri.Host.EndsWith("huggingface.co", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var path = uri.AbsolutePath.TrimEnd('/');
        if (path.StartsWith("/papers", StringComparison.Ordinal))
        {
            if (uri.Query.Contains("q=", StringComparison.Ordinal))
            {
                return "search";
            }
            return path switch
            {
                "/papers" => "daily",
                "/papers/trending" => "trending",
                _ when path.StartsWith("/papers/week", StringComparison.Ordinal) => "weekly",
                _ when path.StartsWith("/papers/month", StringComparison.Ordinal) => "monthly",
                _ when path.StartsWith("/papers/date", StringComparison.Ordinal) => "daily",
                _ => "paper",
            };
        }
        if (path.StartsWith("/collections/", StringComparison.Ordinal))
        {
            return "collection";
        }
        // huggingface.co/{name}: an organization's or a user's page, unless it is one of the site's own sections.
        return path.Count(c => c == '/') == 1 && path.Length > 1 && !SiteSections.Contains(path[1..]) ? "organization" : null;
    }
}

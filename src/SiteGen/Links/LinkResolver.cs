namespace SiteGen.Links;

/// <summary>
/// Where an internal link of a page lands in the output folder. A link that needs no file of the site is none of
/// the check's business: another site (<c>https:</c>, <c>//host</c>), another scheme (<c>mailto:</c>, <c>data:</c>),
/// the same page (<c>#main</c>, <c>?q=x</c>), or a root-absolute path outside <c>LinkRoot</c> (another site on the
/// same host). Everything else resolves to a path relative to the output folder, as a host would serve it.
/// </summary>
internal static class LinkResolver
{
    /// <summary>
    /// The path <paramref name="href"/> of the page at <paramref name="page"/> (a destination such as
    /// <c>papers/x/index.html</c>) points at, a folder standing for its <c>index.html</c>; null when there is nothing to check.
    /// <paramref name="outside"/> is true when the link climbs out of the site (then the path starts with <c>../</c>).
    /// </summary>
    public static string? Resolve(string page, string href, string linkRoot, out bool outside)
    {
        outside = false;
        var path = PathOf(href);
        if (NeedsNoFileOf(path))
        {
            return null;
        }
        var decoded = path.Contains('%') ? Uri.UnescapeDataString(path.ToString()) : path.ToString();
        string relative;
        if (decoded.StartsWith('/'))
        {
            if (!decoded.StartsWith(linkRoot, StringComparison.Ordinal))
            {
                return null;
            }
            relative = decoded[linkRoot.Length..];
        }
        else
        {
            relative = page[..(page.LastIndexOf('/') + 1)] + decoded;
        }
        return Normalize(relative, ref outside);
    }

    /// <summary>
    /// True for a reference that needs no file of the site from whatever page: another site, another scheme, the same
    /// page. The link check keeps no such reference: a page's own address, its code and its arXiv links are on no other page.
    /// </summary>
    public static bool NeedsNoFile(ReadOnlySpan<char> href) => NeedsNoFileOf(PathOf(href));

    /// <summary>The reference without its spaces, query and fragment.</summary>
    private static ReadOnlySpan<char> PathOf(ReadOnlySpan<char> href)
    {
        var url = href.Trim(" \t\n\r\f");
        var end = url.IndexOfAny('?', '#');
        return end < 0 ? url : url[..end];
    }

    private static bool NeedsNoFileOf(ReadOnlySpan<char> path) =>
        path.IsEmpty || path.StartsWith("//", StringComparison.Ordinal) || HasScheme(path);

    /// <summary>Removes <c>.</c> and <c>..</c> segments; a trailing slash (or nothing) stands for the folder's index.html.</summary>
    private static string Normalize(string path, ref bool outside)
    {
        var segments = new List<string>();
        var climbs = 0;
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
                else
                {
                    climbs++;
                }
                continue;
            }
            segments.Add(segment);
        }
        if (path.Length == 0 || path.EndsWith('/') || path.EndsWith("/.", StringComparison.Ordinal) || path.EndsWith("/..", StringComparison.Ordinal) || path is "." or "..")
        {
            segments.Add(Site.Urls.Index);
        }
        outside = climbs > 0;
        return string.Concat(Enumerable.Repeat("../", climbs)) + string.Join('/', segments);
    }

    /// <summary>A URL scheme: a letter, then letters, digits, '+', '-' or '.', then ':' (RFC 3986).</summary>
    private static bool HasScheme(ReadOnlySpan<char> url)
    {
        if (url.IsEmpty || !char.IsAsciiLetter(url[0]))
        {
            return false;
        }
        for (var i = 1; i < url.Length; i++)
        {
            var c = url[i];
            if (c == ':')
            {
                return true;
            }
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }
        return false;
    }
}

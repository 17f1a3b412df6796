using System.Buffers;

namespace SiteGen.Papers;

/// <summary>
/// Finds bare http(s) URLs in running text, the way a reader sees them: "Code: https://github.com/a/b." ends
/// before the period, "(see https://x.org/a_(b))" keeps the balanced parenthesis. One finder for the links
/// written into abstracts and for the code link, so both agree on where a URL ends.
/// </summary>
internal static class WebUrls
{
    /// <summary>
    /// Where a URL may start, in any case. A vectorized search: <c>IndexOf("http", OrdinalIgnoreCase)</c> goes a
    /// character at a time when globalization is invariant, and was 2% of a cold build, reading every listing's abstracts.
    /// </summary>
    private static readonly SearchValues<string> Scheme = SearchValues.Create(["http"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Characters that end a sentence or a quotation rather than a URL, when they come last.</summary>
    private const string TrailingPunctuation = ".,:;!?'*_~";

    /// <summary>The URLs in <paramref name="text"/>, in order, as (start, length).</summary>
    public static IEnumerable<(int Start, int Length)> Find(string text)
    {
        var from = 0;
        while (from < text.Length)
        {
            var found = text.AsSpan(from).IndexOfAny(Scheme);
            if (found < 0)
            {
                yield break;
            }
            var start = from + found;
            var end = MatchAt(text, start);
            if (end > start)
            {
                yield return (start, end - start);
                from = end;
            }
            else
            {
                from = start + 4;
            }
        }
    }

    /// <summary>The first URL in <paramref name="text"/> that points into a GitHub repository, or null.</summary>
    public static string? FirstGitHubUrl(string text)
    {
        foreach (var (start, length) in Find(text))
        {
            var url = text.Substring(start, length);
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri)
                && uri.Host is "github.com" or "www.github.com" // Uri lowercases the host
                && uri.AbsolutePath.Trim('/').Length > 0)
            {
                return url;
            }
        }
        return null;
    }

    /// <summary>The end of the URL that starts at <paramref name="start"/>, or <paramref name="start"/> when none does.</summary>
    private static int MatchAt(string text, int start)
    {
        // "xhttp://" is part of a word, not a URL.
        if (start > 0 && char.IsLetterOrDigit(text[start - 1]))
        {
            return start;
        }
        var rest = text.AsSpan(start);
        var scheme = rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8
            : rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7
            : 0;
        var host = start + scheme;
        if (scheme == 0 || host >= text.Length || !char.IsLetterOrDigit(text[host]))
        {
            return start;
        }
        var end = host;
        while (end < text.Length && IsUrlChar(text[end]))
        {
            end++;
        }
        while (end > host + 1 && EndsWithPunctuation(text.AsSpan(start, end - start)))
        {
            end--;
        }
        return end;
    }

    private static bool IsUrlChar(char c) =>
        c is not ('<' or '>' or '"' or '`' or '\\')
        && !char.IsWhiteSpace(c)
        && !char.IsControl(c)
        // Non-ASCII punctuation (a closing ” or a full-width ，) ends a URL; non-ASCII letters may be in one.
        && (char.IsAscii(c) || !(char.IsPunctuation(c) || char.IsSymbol(c) || char.IsSeparator(c)));

    private static bool EndsWithPunctuation(ReadOnlySpan<char> url) => url[^1] switch
    {
        ')' => url.Count('(') < url.Count(')'),
        ']' => url.Count('[') < url.Count(']'),
        var last => TrailingPunctuation.Contains(last),
    };
}

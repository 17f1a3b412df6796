using System.Text.RegularExpressions;

namespace SiteGen.Papers;

/// <summary>
/// arXiv identifiers: the new style <c>YYMM.NNNNN</c> (4 or 5 digits, from 2007) and the old <c>archive/YYMMNNN</c>
/// (<c>hep-th/9901001</c>), without a version (<c>v2</c>): a paper is one paper whatever its version.
/// </summary>
internal static partial class ArxivId
{
    /// <summary>
    /// An id as a Hugging Face page writes it in a paper's URL and its <c>arxiv:</c> line, for the capture readers' patterns;
    /// looser than <see cref="IsValid"/>, which decides.
    /// </summary>
    public const string AsHuggingFaceWritesIt = @"\d{4}\.\d{4,5}|[a-z-]+/\d{7}";

    public static bool IsValid(string id) => Pattern().IsMatch(id);

    /// <summary>The id in <paramref name="text"/> (a URL, <c>arxiv:2405.07960v2</c>, a bare id), without its version; null if none.</summary>
    public static string? Find(string text)
    {
        var match = InText().Match(text);
        return match.Success ? match.Groups["id"].Value : null;
    }

    /// <summary>https://arxiv.org/abs/ID</summary>
    public static string AbsUrl(string id) => $"https://arxiv.org/abs/{id}";

    /// <summary>https://arxiv.org/pdf/ID</summary>
    public static string PdfUrl(string id) => $"https://arxiv.org/pdf/{id}";

    [GeneratedRegex(@"^(\d{4}\.\d{4,5}|[a-z]+(-[a-z]+)?(\.[A-Z]{2})?/\d{7})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"(?<![\w.])(?<id>\d{4}\.\d{4,5}|[a-z]+(-[a-z]+)?(\.[A-Z]{2})?/\d{7})(v\d+)?(?![\w.])", RegexOptions.CultureInvariant)]
    private static partial Regex InText();
}

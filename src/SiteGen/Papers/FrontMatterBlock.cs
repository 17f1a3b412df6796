using SiteGen.Diagnostics;
using YamlDotNet.Core;

namespace SiteGen.Papers;

/// <summary>
/// A page cut into its YAML front matter and its Markdown body, with line endings made "\n" and a byte-order
/// mark dropped. Errors found later in the YAML are reported through <see cref="ErrorAt"/>, which turns a
/// position inside the YAML into a position inside the file.
/// </summary>
internal sealed class FrontMatterBlock
{
    public const string Delimiter = "---";

    /// <summary>The opening <c>---</c> is line 1, so the YAML's line 1 is the file's line 2.</summary>
    private const int FirstYamlLine = 2;

    private FrontMatterBlock(string path, string yaml, string body)
    {
        Path = path;
        Yaml = yaml;
        Body = body;
    }

    public string Path { get; }

    public string Yaml { get; }

    public string Body { get; }

    public static FrontMatterBlock Split(string path, string text)
    {
        // Normalising "\r\n" to "\n" keeps every line and column where it was; a lone "\r" is a line break to
        // YAML too, so it becomes one here and the line numbers still agree.
        text = NormalizeLineEndings(text.TrimStart('\uFEFF'));
        var firstEnd = LineEnd(text, 0);
        if (!IsDelimiter(text.AsSpan(0, firstEnd)))
        {
            throw new ContentException(path, 1, 1,
                "a paper page must start with a `---` line (YAML front matter); "
                + "put `---`, a line such as `title: \"...\"` and a closing `---` above the text");
        }
        var start = Math.Min(firstEnd + 1, text.Length);
        for (var lineStart = start; lineStart < text.Length;)
        {
            var lineEnd = LineEnd(text, lineStart);
            if (IsDelimiter(text.AsSpan(lineStart, lineEnd - lineStart)))
            {
                var bodyStart = Math.Min(lineEnd + 1, text.Length);
                return new FrontMatterBlock(path, text[start..lineStart], TrimBody(text, bodyStart));
            }
            lineStart = lineEnd + 1;
        }
        throw new ContentException(path, 1, 1,
            "the front matter that starts here never ends; did you forget the closing `---`?");
    }

    /// <summary>An error at a position in <see cref="Yaml"/>, reported at the same spot in the file.</summary>
    public ContentException ErrorAt(Mark at, string message) =>
        new(Path, (int)Math.Max(at.Line, 1) + FirstYamlLine - 1, (int)Math.Max(at.Column, 1), message);

    /// <summary>The opening line, where problems with the front matter as a whole are reported.</summary>
    public ContentException ErrorAtStart(string message) => new(Path, 1, 1, message);

    /// <summary>
    /// The body as a paper holds it: "\n" line endings, no blank lines before the text, no whitespace after it.
    /// Writing adds exactly one final newline, so reading and writing agree byte for byte.
    /// </summary>
    public static string NormalizeBody(string body) => TrimBody(NormalizeLineEndings(body), 0);

    /// <summary>
    /// The body that starts at <paramref name="from"/> in <paramref name="text"/> ("\n" line endings already),
    /// trimmed as <see cref="NormalizeBody"/> says, cut out with one copy (none when nothing is trimmed).
    /// </summary>
    private static string TrimBody(string text, int from)
    {
        var start = from;
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                start = i + 1; // every line so far was blank
            }
            else if (text[i] is not (' ' or '\t'))
            {
                break;
            }
        }
        var length = text.AsSpan(start).TrimEnd(" \t\n").Length;
        return text.Substring(start, length);
    }

    /// <summary>
    /// "\r\n" and "\r" become "\n". Not <see cref="string.ReplaceLineEndings()"/>: that also rewrites U+2028 and
    /// U+0085, which are text to Markdown and must survive a round trip.
    /// </summary>
    private static string NormalizeLineEndings(string text) =>
        text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;

    private static int LineEnd(string text, int from)
    {
        var end = text.IndexOf('\n', from);
        return end < 0 ? text.Length : end;
    }

    private static bool IsDelimiter(ReadOnlySpan<char> line) => line.TrimEnd(" \t").SequenceEqual(Delimiter);
}

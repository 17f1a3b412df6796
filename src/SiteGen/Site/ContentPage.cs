using SiteGen.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Site;

/// <summary>
/// A Markdown page of the input with optional front matter: <c>title</c>, <c>description</c>, and
/// <c>menu</c>, the shorter name the navigation shows (default: the title).
/// </summary>
internal sealed record ContentPage(string Title, string? Description, string Body)
{
    public string? MenuTitle { get; init; }

    public static ContentPage Parse(string path, string text)
    {
        var fallbackTitle = Path.GetFileNameWithoutExtension(path);
        fallbackTitle = fallbackTitle.Length == 0 ? "Page" : char.ToUpperInvariant(fallbackTitle[0]) + fallbackTitle[1..];
        text = text.TrimStart('\uFEFF').ReplaceLineEndings("\n");
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            return new ContentPage(fallbackTitle, null, text);
        }
        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new ContentException(path, 1, 1, "front matter starts with `---` but never ends; did you forget the closing `---`?");
        }
        var yaml = text[4..(end + 1)];
        var bodyStart = text.IndexOf('\n', end + 4);
        var body = bodyStart < 0 ? "" : text[(bodyStart + 1)..];
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                return new ContentPage(fallbackTitle, null, body);
            }
            string? Scalar(string key) =>
                map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode s ? s.Value : null;
            return new ContentPage(Scalar("title") ?? fallbackTitle, Scalar("description"), body) { MenuTitle = Scalar("menu") };
        }
        catch (YamlException e)
        {
            // +1: the YAML starts on the line after the opening ---.
            throw new ContentException(path, (int)e.Start.Line + 1, (int)e.Start.Column,
                $"front matter is not valid YAML ({e.Message}); check the quoting and indentation of this line");
        }
    }
}

using System.Text;

namespace SiteGen.Scaffold;

/// <summary>
/// What <c>sitegen new</c> writes: a site that builds as it is, with the built-in theme (a copy of it only when asked):
/// <c>statiq.json</c>, a sample capture, the tag vocabulary, an about page, the GitHub Pages workflow that fetches the
/// day's papers, a <c>.gitignore</c>, and the tool manifest that pins this version of SiteGen for that workflow.
/// </summary>
internal static class NewSite
{
    private const string Prefix = "site/";

    /// <summary>Each file of a new site: its path (forward slashes) and its bytes, in path order.</summary>
    public static IReadOnlyList<(string Path, byte[] Bytes)> Files(bool withTheme)
    {
        var files = BuiltInTheme.EmbeddedFiles(Prefix).Select(f => (Dotted(f.Path), f.Bytes)).ToList();
        files.Add((".config/dotnet-tools.json", Encoding.UTF8.GetBytes(ToolManifest())));
        if (withTheme)
        {
            files.AddRange(BuiltInTheme.Files.Select(f => ("theme/" + f.Path, f.Bytes)));
        }
        return [.. files.OrderBy(f => f.Item1, StringComparer.Ordinal)];
    }

    /// <summary><c>dot-github/workflows/pages.yml</c> is <c>.github/workflows/pages.yml</c>: files and folders whose names start with a dot are stored without it.</summary>
    private static string Dotted(string path) =>
        string.Join('/', path.Split('/').Select(part => part.StartsWith("dot-", StringComparison.Ordinal) ? "." + part[4..] : part));

    /// <summary>The local tool manifest: <c>dotnet tool restore</c> installs this version, and <c>dotnet sitegen</c> runs it.</summary>
    private static string ToolManifest() => $$"""
        {
          "version": 1,
          "isRoot": true,
          "tools": {
            "{{ToolInfo.PackageId.ToLowerInvariant()}}": {
              "version": "{{ToolInfo.Version}}",
              "commands": ["sitegen"],
              "rollForward": false
            }
          }
        }

        """;
}

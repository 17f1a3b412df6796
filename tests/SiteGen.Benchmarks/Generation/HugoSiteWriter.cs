using System.Globalization;
using System.Text;
using SiteGen.Tags;

namespace SiteGen.Benchmarks.Generation;

/// <summary>
/// Writes the same papers as a complete Hugo site: the configuration and layouts of
/// <c>tests/SiteGen.Benchmarks/hugo/</c>, <c>content/papers/{slug}.md</c> per paper (the same slug, so the same
/// URL), <c>content/tags/{slug}/_index.md</c> per tag of the vocabulary (its name and description), and the theme's
/// stylesheet as a static file.
/// </summary>
/// <remarks>
/// The tags written are the ones SiteGen gives each paper (computed with SiteGen's matcher), so both sites have
/// the same tag pages. The author count is a taxonomy whose terms are the counts and <c>unknown</c>, as SiteGen's
/// <c>/authors/{n}/</c> and <c>/authors/unknown/</c>.
/// </remarks>
internal static class HugoSiteWriter
{
    public const string UnknownAuthorCount = "unknown";

    public static void Write(SitePlan plan, string folder, TagVocabulary vocabulary, string hugoSiteFolder, string stylesheet)
    {
        FileTree.CopyFolder(hugoSiteFolder, folder);
        FileTree.Write(folder, Path.Combine("static", "assets", "site.css"), File.ReadAllText(stylesheet));
        foreach (var tag in vocabulary.Definitions)
        {
            FileTree.Write(folder, Path.Combine("content", "tags", tag.Slug, "_index.md"),
                $"---\ntitle: {Quote(tag.Name)}\ndescription: {Quote(tag.Description)}\n---\n");
        }
        foreach (var paper in plan.Papers)
        {
            FileTree.Write(folder, Path.Combine("content", "papers", paper.Slug + ".md"), Page(paper));
        }
    }

    internal static string Page(SyntheticPaper paper)
    {
        var page = new StringBuilder(512 + paper.Body.Length);
        page.Append("---\n");
        page.Append("title: ").Append(Quote(paper.Title)).Append('\n');
        if (paper.Published is { } published)
        {
            page.Append("date: ").Append(published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        }
        var authors = paper.AuthorCount?.ToString(CultureInfo.InvariantCulture) ?? UnknownAuthorCount;
        page.Append("authors: [").Append(Quote(authors)).Append("]\n");
        if (paper.Comments is { } comments)
        {
            page.Append("comments: ").Append(comments.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        if (!paper.Tags.IsEmpty)
        {
            page.Append("tags: [").AppendJoin(", ", paper.Tags.Select(Quote)).Append("]\n");
        }
        if (paper.CodeUrl is { } code)
        {
            page.Append("code: ").Append(Quote(code)).Append('\n');
        }
        if (!paper.Sources.IsEmpty)
        {
            page.Append("sources: [").AppendJoin(", ", paper.Sources.Select(Quote)).Append("]\n");
        }
        page.Append("---\n").Append(paper.Body).Append('\n');
        return page.ToString();
    }

    /// <summary>A YAML double-quoted scalar: backslash, quote and control characters escaped.</summary>
    internal static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    quoted.Append("\\\"");
                    break;
                case '\\':
                    quoted.Append("\\\\");
                    break;
                case < ' ' or '\u007F':
                    quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    break;
                default:
                    quoted.Append(c);
                    break;
            }
        }
        return quoted.Append('"').ToString();
    }
}

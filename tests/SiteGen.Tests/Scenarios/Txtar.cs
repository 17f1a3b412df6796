using System.Text;

namespace SiteGen.Tests.Scenarios;

/// <summary>
/// A txtar archive, as Go's tools and Hugo's integration tests write them: a comment, then files, each after a line
/// <c>-- name --</c>, its text up to the next such line. Text only; every file ends with a newline.
/// </summary>
public sealed record Txtar(string Comment, IReadOnlyList<(string Name, string Text)> Files)
{
    public static Txtar Parse(string text)
    {
        var comment = new StringBuilder();
        var files = new List<(string, string)>();
        string? name = null;
        var body = new StringBuilder();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n').SkipLast(text.EndsWith('\n') ? 1 : 0))
        {
            if (line.StartsWith("-- ", StringComparison.Ordinal) && line.EndsWith(" --", StringComparison.Ordinal) && line.Length > 6)
            {
                if (name is not null)
                {
                    files.Add((name, body.ToString()));
                }
                name = line[3..^3].Trim();
                body.Clear();
                continue;
            }
            (name is null ? comment : body).Append(line).Append('\n');
        }
        if (name is not null)
        {
            files.Add((name, body.ToString()));
        }
        return new Txtar(comment.ToString(), files);
    }

    public string Format()
    {
        var text = new StringBuilder(Comment);
        foreach (var (name, body) in Files)
        {
            text.Append("-- ").Append(name).Append(" --\n").Append(body);
            if (body.Length > 0 && !body.EndsWith('\n'))
            {
                text.Append('\n');
            }
        }
        return text.ToString();
    }
}

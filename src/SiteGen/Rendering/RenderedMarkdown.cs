namespace SiteGen.Rendering;

/// <summary>One Markdown text rendered both ways, from a single parse (see <see cref="MarkdownRenderer.Render"/>).</summary>
/// <param name="Html">As <see cref="MarkdownRenderer.ToHtml"/> gives it.</param>
/// <param name="PlainText">As <see cref="MarkdownRenderer.ToPlainText"/> gives it.</param>
internal sealed record RenderedMarkdown(string Html, string PlainText);

using System.Text;
using Markdig;
using Markdig.Extensions.AutoLinks;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SiteGen.Rendering;

/// <summary>
/// Renders the Markdown of papers and pages, safely: input is never trusted markup.
/// <list type="bullet">
/// <item>Raw HTML is off, so <c>&lt;script&gt;</c> in an abstract is text.</item>
/// <item>Bare http(s) URLs become links; <c>www.</c>, <c>ftp://</c> and <c>mailto:</c> stay text.</item>
/// <item>A link or image whose URL has a scheme other than http(s) (<c>javascript:</c>, <c>data:</c>,
/// <c>vbscript:</c>...) is written as its text. Relative links (<c>../x</c>) and fragments (<c>#x</c>) stay.</item>
/// </list>
/// Links get no <c>target</c> and no <c>rel</c>: they open in the same tab, so the opened page never gets a
/// <c>window.opener</c> (the reason for <c>rel="noopener"</c>), and the links are the site owner's own
/// content, not user comments (the reason for <c>nofollow</c>/<c>ugc</c>).
/// </summary>
internal sealed class MarkdownRenderer
{
    /// <summary>
    /// Built once per renderer and shared by its documents and threads (<see cref="Default"/> is the one the site
    /// uses): a pipeline is immutable and thread-safe, and building one per document would cost more than
    /// rendering the document.
    /// </summary>
    private readonly MarkdownPipeline _pipeline = BuildPipeline();

    public static MarkdownRenderer Default { get; } = new();

    public string ToHtml(string markdown) => Markdown.ToHtml(markdown, _pipeline);

    /// <summary>
    /// The text a reader sees, for excerpts and descriptions: no markup and no HTML escaping (the template
    /// escapes it), blocks separated by a line break, no trailing line break.
    /// </summary>
    /// <remarks>
    /// Not Markdig's <c>Markdown.ToPlainText</c>: with escaping off, its HTML renderer drops '&amp;', '&lt;',
    /// '&gt;' and '"' from autolinks ("https://x.org/?a=1&amp;b=2" came out as "...?a=1b=2"). Walking the
    /// parsed document is short and exact.
    /// </remarks>
    public string ToPlainText(string markdown) => PlainText(Markdown.Parse(markdown, _pipeline), markdown.Length);

    private static string PlainText(MarkdownDocument document, int markdownLength)
    {
        var text = new StringBuilder(markdownLength);
        AppendBlock(text, document);
        // Trimmed in the builder: TrimEnd on the string would copy the whole text once more.
        while (text.Length > 0 && text[^1] == '\n')
        {
            text.Length--;
        }
        return text.ToString();
    }

    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder().DisableHtml();
        // Markdig's AutoLinks extension, with only 'h' as an opening character: it links "http://" and
        // "https://" and never gets to try "ftp://", "mailto:" or "www." (the parser is all the extension adds).
        builder.InlineParsers.Insert(0, new AutoLinkParser(new AutoLinkOptions()) { OpeningCharacters = ['h'] });
        // Runs after every parse, before any rendering; it keeps no state, so it is safe on many threads.
        builder.DocumentProcessed += UnlinkUnsafeUrls;
        return builder.Build();
    }

    private static void AppendBlock(StringBuilder text, Block block)
    {
        switch (block)
        {
            case ContainerBlock container:
                foreach (var child in container)
                {
                    AppendBlock(text, child);
                }
                break;
            case LeafBlock { Inline: { } inline }:
                AppendInline(text, inline);
                text.Append('\n');
                break;
            case LeafBlock leaf when leaf.Lines.Count > 0: // code blocks
                text.Append(leaf.Lines.ToString()).Append('\n');
                break;
        }
    }

    private static void AppendInline(StringBuilder text, Inline inline)
    {
        switch (inline)
        {
            case DelimiterInline delimiter: // a '[' that opened no link; what follows it hangs below it
                text.Append(delimiter.ToLiteral());
                foreach (var child in delimiter)
                {
                    AppendInline(text, child);
                }
                break;
            case ContainerInline container: // emphasis, links (their text), images (their alt text)
                foreach (var child in container)
                {
                    AppendInline(text, child);
                }
                break;
            case LiteralInline literal:
                text.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.AsSpan());
                break;
            case LineBreakInline:
                text.Append('\n');
                break;
        }
    }

    private static void UnlinkUnsafeUrls(MarkdownDocument document)
    {
        // Collected first: unlinking changes the tree being walked.
        foreach (var inline in document.Descendants<Inline>().Where(IsLink).ToList())
        {
            switch (inline)
            {
                case LinkInline link when !IsSafe(link):
                    Unwrap(link);
                    break;
                case AutolinkInline autolink when !IsWebUrl(autolink.Url):
                    // <mailto:a@b>, <ftp://x>, <javascript:...>: the text that was written, as text.
                    autolink.ReplaceBy(new LiteralInline(autolink.Url), copyChildren: false);
                    break;
            }
        }
    }

    private static bool IsLink(Inline inline) => inline is LinkInline or AutolinkInline;

    private static bool IsSafe(LinkInline link) => link.Url is null || !HasScheme(link.Url) || IsWebUrl(link.Url);

    private static bool IsWebUrl(string? url)
    {
        var trimmed = BrowserView(url);
        return trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// True when the URL names a scheme, judged as a browser would: it ignores leading spaces and control
    /// characters and drops tabs and line breaks anywhere, so "java&amp;#9;script:" is "javascript:". Anything
    /// with a colon before the first '/', '?' or '#' counts, which refuses a few odd relative paths ("a:b") too.
    /// </summary>
    private static bool HasScheme(string url)
    {
        var view = BrowserView(url);
        var colon = view.IndexOf(':');
        return colon >= 0 && view.IndexOfAny(['/', '?', '#']) is var slash && (slash < 0 || colon < slash);
    }

    private static string BrowserView(string? url)
    {
        var view = (url ?? "").Replace("\t", "").Replace("\n", "").Replace("\r", "");
        var start = 0;
        while (start < view.Length && view[start] <= ' ')
        {
            start++;
        }
        return view[start..];
    }

    /// <summary>Replaces a link (or an image) by its content, which then renders as plain text.</summary>
    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }
        link.Remove();
    }
}

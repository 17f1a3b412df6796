using SiteGen.Papers;
using SiteGen.Rendering;

namespace SiteGen.Tests.Papers;

public sealed class AbstractMarkdownTests
{
    [Theory]
    // Inline markup: escaped wherever it could act.
    [InlineData("a*b*c and **bold**", @"a\*b\*c and \*\*bold\*\*")]
    [InlineData("_emph_ and __strong__", @"\_emph\_ and \_\_strong\_\_")]
    [InlineData("`code` and [1] and ![x](y)", @"\`code\` and \[1\] and !\[x\](y)")]
    [InlineData("<script>alert(1)</script>", @"\<script>alert(1)\</script>")]
    [InlineData("&amp; &#38; &#x26; &copy;", @"\&amp; \&#38; \&#x26; \&copy;")]
    [InlineData(@"a\*b and a\ b and C:\Users\x", @"a\\\*b and a\ b and C:\Users\x")]
    [InlineData(@"ends with \", @"ends with \\")]
    // ...and left alone where it cannot, so the Markdown stays readable.
    [InlineData("snake_case_name and LLM_Integration", "snake_case_name and LLM_Integration")]
    [InlineData("R&D, 5 > 3, (a) #1 f(x) = y. 3.5 - 2 + 1 ~ 4!", "R&D, 5 > 3, (a) #1 f(x) = y. 3.5 - 2 + 1 ~ 4!")]
    // Line starts: headings, quotes, lists, rules, fences, setext underlines.
    [InlineData("# Title", @"\# Title")]
    [InlineData("###### six", @"\###### six")]
    [InlineData("####### seven", "####### seven")]
    [InlineData("> quoted", @"\> quoted")]
    [InlineData("- item\n+ item", "\\- item\n\\+ item")]
    [InlineData("-1.5 dB", "-1.5 dB")]
    [InlineData("1. first\n2) second\n2024. A year", "1\\. first\n2\\) second\n2024\\. A year")]
    [InlineData("1234567890. not a list", "1234567890. not a list")]
    [InlineData("Heading\n===\nHeading\n--\nx\n---", "Heading\n\\===\nHeading\n\\--\nx\n\\---")]
    [InlineData("~~~\nfence", "\\~~~\nfence")]
    // A rule may have spaces or tabs between its dashes (found by the property test: "--\t-" became <hr>).
    [InlineData("x\n\n- - -\n\n--\t-\n-- x -", "x\n\n\\- - -\n\n\\--\t-\n-- x -")]
    // Whitespace: lines trimmed (no code blocks, no hard breaks), blank runs become one paragraph break.
    [InlineData("    indented\ttab  \n\tnext", "indented\ttab\nnext")]
    [InlineData("\n\npara one\n\n\n\npara two\n\n", "para one\n\npara two")]
    [InlineData("a\r\nb\rc", "a\nb\nc")]
    public void EscapesOnlyWhatWouldBeMarkup(string literal, string markdown)
    {
        Assert.Equal(markdown, AbstractMarkdown.FromLiteral(literal));
    }

    [Theory]
    [InlineData("Code: https://github.com/CVL-hub/GPRN.", "Code: <https://github.com/CVL-hub/GPRN>.")]
    [InlineData("see https://x.org/a_b*c, or (https://x.org/a_(b)).", "see <https://x.org/a_b*c>, or (<https://x.org/a_(b)>).")]
    [InlineData("\"https://x.org\"; https://y.org/?q=1&r=2#f!", "\"<https://x.org>\"; <https://y.org/?q=1&r=2#f>!")]
    [InlineData("https://github.com/pagand/e2etransfuser/tree/cvpr-w to", "<https://github.com/pagand/e2etransfuser/tree/cvpr-w> to")]
    [InlineData("at https://例え.jp/パス。Next", "at <https://例え.jp/パス>。Next")]
    [InlineData("not xhttps://x.org, nor www.x.org, nor ftp://x.org", "not xhttps://x.org, nor www.x.org, nor ftp://x.org")]
    [InlineData("\\https://x.org", "\\\\<https://x.org>")]
    public void WritesUrlsAsAutolinks(string literal, string markdown)
    {
        Assert.Equal(markdown, AbstractMarkdown.FromLiteral(literal));
    }

    [Fact]
    public void TheSeedAbstractsRenderToTheirOwnText()
    {
        var renderer = MarkdownRenderer.Default;
        foreach (var literal in new[]
        {
            "Experiments on four standard CD-FSS datasets demonstrate that our method establishes new state-of-the-art results. Code: https://github.com/CVL-hub/GPRN.",
            "Solving a linear system Ax=b is a fundamental scientific computing primitive ... a bandit online learning algorithm -- using only the number of iterations as feedback -- can select parameters",
            "Adapt-infty, a new multi-way and adaptive data selection approach (i.e., skills) reducing the computational cost by 95.91% and the memory footprint by 94.01%",
        })
        {
            Assert.Equal(literal, renderer.ToPlainText(AbstractMarkdown.FromLiteral(literal)));
        }
    }
}

using BenchmarkDotNet.Attributes;
using SiteGen.Papers;
using SiteGen.Rendering;

namespace SiteGen.Benchmarks.Micro;

/// <summary>
/// One typical abstract: its HTML (the paper's page) and its plain text (the excerpt on every list), both made
/// once per paper per build; and the Markdown a listing's abstract becomes.
/// </summary>
[MemoryDiagnoser]
public class MarkdownRendererBenchmarks
{
    private readonly MarkdownRenderer renderer = MarkdownRenderer.Default;
    private string body = "";
    private string text = "";

    [GlobalSetup]
    public void Setup()
    {
        var paper = BenchmarkInputs.TypicalPaper();
        body = paper.Body;
        text = BenchmarkInputs.Plan.Papers.First(p => p.Slug == paper.Slug).Abstract;
    }

    [Benchmark(Description = "MarkdownRenderer.ToHtml, abstract")]
    public string ToHtml() => renderer.ToHtml(body);

    [Benchmark(Description = "MarkdownRenderer.ToPlainText, abstract")]
    public string ToPlainText() => renderer.ToPlainText(body);

    [Benchmark(Description = "AbstractMarkdown.FromLiteral, abstract")]
    public string FromLiteral() => AbstractMarkdown.FromLiteral(text);
}

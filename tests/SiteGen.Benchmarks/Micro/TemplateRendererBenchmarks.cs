using BenchmarkDotNet.Attributes;
using SiteGen.Papers;
using SiteGen.Rendering;
using SiteGen.Rendering.Views;
using SiteGen.Site;

namespace SiteGen.Benchmarks.Micro;

/// <summary>
/// Rendering with the repository's theme: a paper's page (once per paper) and a list page of 50 cards (home, tag
/// and author-count pages: about three per 50 papers), and the view a paper is shown with (once per paper).
/// </summary>
[MemoryDiagnoser]
public class TemplateRendererBenchmarks
{
    private TemplateRenderer templates = null!;
    private SiteServices services = null!;
    private Paper paper = null!;
    private PageModel paperPage = null!;
    private PageModel homePage = null!;

    [GlobalSetup]
    public void Setup()
    {
        services = BenchmarkInputs.Services;
        templates = services.Templates;
        paper = BenchmarkInputs.TypicalPaper();
        paperPage = BenchmarkInputs.PaperPage(paper);
        homePage = BenchmarkInputs.HomePage3();
    }

    [Benchmark(Description = "TemplateRenderer.Render, paper page")]
    public string RenderPaperPage() => templates.Render("paper", paperPage);

    [Benchmark(Description = "TemplateRenderer.Render, list page of 50")]
    public string RenderListPage() => templates.Render("home", homePage);

    [Benchmark(Description = "PaperViews.Create")]
    public object CreatePaperView() => PaperViews.Create(paper, services);
}

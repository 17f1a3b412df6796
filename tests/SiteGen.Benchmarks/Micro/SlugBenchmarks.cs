using BenchmarkDotNet.Attributes;
using SiteGen.Papers;

namespace SiteGen.Benchmarks.Micro;

/// <summary>A typical title's slug: made several times per paper per build (listing, merge, identity).</summary>
[MemoryDiagnoser]
public class SlugBenchmarks
{
    private string title = "";

    [GlobalSetup]
    public void Setup() => title = BenchmarkInputs.TypicalPaper().Title;

    [Benchmark(Description = "Slug.FromTitle")]
    public string FromTitle() => Slug.FromTitle(title);
}

using BenchmarkDotNet.Attributes;
using SiteGen.Papers;

namespace SiteGen.Benchmarks.Micro;

/// <summary>The YAML-fronted page of one typical paper: written once per paper per build (<c>/papers/{slug}.md</c>), read per hand-written page.</summary>
[MemoryDiagnoser]
public class FrontMatterBenchmarks
{
    private Paper paper = null!;
    private string page = "";

    [GlobalSetup]
    public void Setup()
    {
        paper = BenchmarkInputs.TypicalPaper();
        page = FrontMatter.Write(paper);
    }

    [Benchmark(Description = "FrontMatter.Parse")]
    public object Parse() => FrontMatter.Parse("input/papers/typical.md", page);

    [Benchmark(Description = "FrontMatter.Write")]
    public string Write() => FrontMatter.Write(paper);
}

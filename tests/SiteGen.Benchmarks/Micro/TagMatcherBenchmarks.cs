using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using SiteGen.Papers;
using SiteGen.Tags;

namespace SiteGen.Benchmarks.Micro;

/// <summary>Tagging one typical paper with the repository's vocabulary (title and abstract scanned once per paper per build).</summary>
[MemoryDiagnoser]
public class TagMatcherBenchmarks
{
    private TagMatcher matcher = null!;
    private Paper paper = null!;
    private ImmutableArray<string> ownTags;

    [GlobalSetup]
    public void Setup()
    {
        matcher = BenchmarkInputs.Matcher;
        paper = BenchmarkInputs.TypicalPaper();
        ownTags = [paper.Tags[^1]];
    }

    [Benchmark(Description = "TagMatcher.Apply")]
    public ImmutableArray<string> Apply() => matcher.Apply([], paper.Title, paper.Body);

    [Benchmark(Description = "TagMatcher.Apply, with an own tag")]
    public ImmutableArray<string> ApplyWithOwnTag() => matcher.Apply(ownTags, paper.Title, paper.Body);
}

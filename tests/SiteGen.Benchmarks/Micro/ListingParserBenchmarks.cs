using BenchmarkDotNet.Attributes;
using SiteGen.Listings;

namespace SiteGen.Benchmarks.Micro;

/// <summary>Reading one listing of 1,000 generated cards (header, titles, abstracts, metadata blocks).</summary>
[MemoryDiagnoser]
public class ListingParserBenchmarks
{
    private string listing = "";

    [GlobalSetup]
    public void Setup() => listing = BenchmarkInputs.Listing();

    [Benchmark(Description = "ListingParser.Parse, 1,000 cards")]
    public object Parse() => ListingParser.Parse(BenchmarkInputs.ListingName, listing, 2025);
}

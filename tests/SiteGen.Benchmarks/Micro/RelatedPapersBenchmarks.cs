using BenchmarkDotNet.Attributes;
using SiteGen.Papers;

namespace SiteGen.Benchmarks.Micro;

/// <summary>
/// Related papers for a whole site of 100,000 papers (the Papers pipeline does this once per build). Tags are drawn
/// from 40 with skewed weights (1/(rank+6)), so the largest tag holds about a fifth of the papers (18.8%), as a
/// catch-all tag of a real collection would; each paper gets 1 to 4 distinct tags, as the generator's papers do.
/// The unbounded run shows what the candidate budget saves: the same search walking every tag list to its end when
/// it must (slow: about ten times the bounded one).
/// </summary>
[MemoryDiagnoser]
public class RelatedPapersBenchmarks
{
    private const int Papers = 100_000;
    private const int Tags = 40;

    private IReadOnlyList<string>[] tags = [];

    private const int MaxTagsPerPaper = 4;

    [Params(RelatedPapers.DefaultCandidateBudget, int.MaxValue)]
    public int CandidateBudget { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(BenchmarkInputs.Seed);
        var names = Enumerable.Range(0, Tags).Select(i => $"tag-{i:D2}").ToArray();
        var weights = Enumerable.Range(0, Tags).Select(i => 1.0 / (i + 6)).ToArray();
        tags = new IReadOnlyList<string>[Papers];
        for (var paper = 0; paper < Papers; paper++)
        {
            var wanted = random.Next(1, MaxTagsPerPaper + 1);
            var own = new List<string>(wanted);
            while (own.Count < wanted)
            {
                var tag = names[Pick(random, weights)];
                if (!own.Contains(tag))
                {
                    own.Add(tag);
                }
            }
            tags[paper] = own;
        }
        var largest = tags.SelectMany(t => t).CountBy(t => t).Max(c => c.Value);
        Console.WriteLine($"// {Papers} papers, largest tag: {largest} papers ({100.0 * largest / Papers:F1}%)");
    }

    [Benchmark(Description = "RelatedPapers.Find, 100,000 papers")]
    public int[][] Find() => RelatedPapers.Find(tags, candidateBudget: CandidateBudget);

    private static int Pick(Random random, double[] weights)
    {
        var at = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            at -= weights[i];
            if (at < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }
}

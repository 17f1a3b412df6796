using System.Collections.Immutable;

namespace SiteGen.Benchmarks.Generation;

/// <summary>One generated listing file: its name, its header and the papers on its cards (indexes into the plan's papers).</summary>
internal sealed record SyntheticListing(string FileName, bool DailyPapers, DateOnly PageDate, ImmutableArray<int> Cards);

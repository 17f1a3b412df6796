namespace SiteGen.Benchmarks.Generation;

/// <summary>The options of <c>generate</c>; folders are absolute.</summary>
internal sealed record GenerateOptions
{
    public int Count { get; init; }

    public int Seed { get; init; } = 42;

    public string Out { get; init; } = "";

    public string? Hugo { get; init; }

    public string Seeds { get; init; } = RepositoryPaths.SeedListings;
}

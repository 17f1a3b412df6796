namespace SiteGen.Benchmarks;

/// <summary>The repository's folders, found by walking up from the program to the folder that holds <c>SiteGen.sln</c>.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The real listings the synthetic papers are made from.</summary>
    public static string SeedListings => Path.Combine(Root, "input", "listings");

    public static string Tags => Path.Combine(Root, "input", "tags.yml");

    public static string Theme => Path.Combine(Root, "theme");

    /// <summary>The Hugo site's configuration and layouts, without content.</summary>
    public static string HugoSite => Path.Combine(Root, "tests", "SiteGen.Benchmarks", "hugo");

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "SiteGen.sln")))
                {
                    return folder.FullName;
                }
            }
        }
        throw new InvalidOperationException(
            $"no SiteGen.sln above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}; run the benchmarks from inside the repository");
    }
}

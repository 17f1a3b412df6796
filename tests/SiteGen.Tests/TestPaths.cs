namespace SiteGen.Tests;

/// <summary>Finds the repository's files from the test's output folder, so tests read the real inputs.</summary>
internal static class TestPaths
{
    /// <summary>The folder that holds <c>SiteGen.sln</c>.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Listings => Path.Combine(RepositoryRoot, "input", "listings");

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SiteGen.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No SiteGen.sln above {AppContext.BaseDirectory}; run the tests from inside the repository.");
    }
}

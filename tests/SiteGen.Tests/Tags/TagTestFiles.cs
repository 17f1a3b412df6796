namespace SiteGen.Tests.Tags;

/// <summary>The repository's own input files, found from the test binaries' folder.</summary>
internal static class TagTestFiles
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The folder holding <c>SiteGen.sln</c>.</summary>
    public static string RepositoryRoot => Root.Value;

    public static string TagsFile => Path.Combine(RepositoryRoot, "input", "tags.yml");

    /// <summary>The seed listings (copies of the real Hugging Face pages), in name order.</summary>
    public static IReadOnlyList<string> ListingFiles =>
        [.. Directory.GetFiles(Path.Combine(RepositoryRoot, "input", "listings"), "*.txt").Order(StringComparer.Ordinal)];

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SiteGen.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No SiteGen.sln above {AppContext.BaseDirectory}.");
    }
}

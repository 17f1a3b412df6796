using SiteGen.Listings;
using SiteGen.Papers;

namespace SiteGen.Tests.Golden;

/// <summary>
/// A small listing next to the pages SiteGen must write for it (<c>Golden/expected/{slug}.md</c>), compared byte
/// for byte: listing parser, paper factory, abstract Markdown and front-matter writer end to end.
/// </summary>
/// <remarks>
/// After an intended change of the page format, run the tests once with <c>SITEGEN_UPDATE_GOLDEN=1</c> to
/// rewrite the expected pages, then read the diff line by line before committing it.
/// </remarks>
public sealed class GoldenPapersTests
{
    private const int CaptureYear = 2025;

    private static string Folder => Path.Combine(TestPaths.RepositoryRoot, "tests", "SiteGen.Tests", "Golden");

    private static string ExpectedFolder => Path.Combine(Folder, "expected");

    private static IReadOnlyList<Paper> Papers()
    {
        var path = Path.Combine(Folder, "listing.txt");
        var listing = ListingParser.Parse(path, File.ReadAllText(path), CaptureYear);
        Assert.Empty(listing.Warnings);
        return [.. listing.Entries.Select(PaperFactory.FromListingEntry)];
    }

    [Fact]
    public void WritesTheExpectedPageForEveryPaperOfTheListing()
    {
        var papers = Papers();
        if (Environment.GetEnvironmentVariable("SITEGEN_UPDATE_GOLDEN") == "1")
        {
            foreach (var stale in Directory.EnumerateFiles(ExpectedFolder, "*.md"))
            {
                File.Delete(stale);
            }
            foreach (var paper in papers)
            {
                File.WriteAllText(Path.Combine(ExpectedFolder, paper.Slug + ".md"), FrontMatter.Write(paper));
            }
        }

        Assert.Equal(4, papers.Count);
        Assert.Equal(
            Directory.EnumerateFiles(ExpectedFolder, "*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal),
            papers.Select(paper => paper.Slug).Order(StringComparer.Ordinal));
        foreach (var paper in papers)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(ExpectedFolder, paper.Slug + ".md")), FrontMatter.Write(paper));
        }
    }

    [Fact]
    public void ReadsEveryExpectedPageBackAsItsPaper()
    {
        foreach (var paper in Papers())
        {
            var path = Path.Combine(ExpectedFolder, paper.Slug + ".md");
            Assert.Equal(paper, FrontMatter.Parse(path, File.ReadAllText(path)));
        }
    }
}

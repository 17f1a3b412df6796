using SiteGen.Papers;
using SiteGen.Site;
using SiteGen.Tests.Site;

namespace SiteGen.Tests.Captures;

/// <summary>
/// One paper, wherever it appears: the same paper from a browser copy of a listing (the first seed) and from the API's JSON
/// of its day (a real response in the corpus) is one page with the union of what both show.
/// </summary>
public sealed class CaptureMergeTests
{
    [Fact]
    public async Task ABrowserCopyAndTheApiGiveOnePaperWithEveryFieldOfBoth()
    {
        using var site = new TempFolder().WithEmptySite("{ \"SiteTitle\": \"Papers\", \"ListingCaptureYears\": { \"000_e26a98970d65545d.txt\": 2025 } }");
        Directory.CreateDirectory(site["input/listings"]);
        File.Copy(Path.Combine(TestPaths.Listings, "000_e26a98970d65545d.txt"), site["input/listings/000_e26a98970d65545d.txt"]);
        File.Copy(Path.Combine(TestPaths.RepositoryRoot, "tests/SiteGen.Tests/Captures/Corpus/api/daily_papers-2025-03-21-vecset.json"),
            site["input/listings/daily_papers-2025-03-21.json"]);

        var built = await SiteBuilder.BuildAsync(new BuildRequest(site.Path));

        var slug = "unleashing-vecset-diffusion-model-for-fast-shape-generation";
        var paper = FrontMatter.Parse("x.md", File.ReadAllText(site[$"output/papers/{slug}.md"]));
        Assert.Equal("2503.16302", paper.Arxiv);                                       // the API's
        Assert.Equal(13, paper.Authors.Length);                                        // the API's names, which the copy counts
        Assert.Equal(13, paper.AuthorCount);
        Assert.Equal("Zeqiang Lai", paper.Authors[0]);
        Assert.Equal(new DateOnly(2025, 3, 20), paper.Published);                      // both
        Assert.Equal(new DateOnly(2025, 3, 21), paper.Submitted);                      // the API's
        Assert.Equal(23, paper.Upvotes);                                               // the API's
        Assert.Equal(1, paper.Comments);                                               // the later capture's: 4 in the copy, 1 in the API
        Assert.Contains("Progressive Flow Distillation", paper.Keywords);              // the API's
        Assert.Equal("https://github.com/Tencent/FlashVDM", paper.CodeUrl);            // the API's repository (the copy's abstract names it too)
        Assert.Equal("https://arxiv.org/pdf/2503.16302", paper.Links["pdf"]);
        Assert.Equal(["000_e26a98970d65545d.txt", "daily_papers-2025-03-21.json"], paper.Sources.ToArray());
        Assert.Single(Directory.EnumerateDirectories(site["output/papers"]), d => d.Contains("vecset", StringComparison.Ordinal));
        Assert.True(File.Exists(site["output/papers/2503.16302/index.html"]));   // the page answers at its arXiv id too
        Assert.DoesNotContain(built.Warnings, w => w.Contains("Vecset", StringComparison.Ordinal));
    }
}

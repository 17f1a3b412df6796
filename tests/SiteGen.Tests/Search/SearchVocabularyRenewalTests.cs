using SiteGen.Engine;
using SiteGen.Search;
using SiteGen.Site;
using SiteGen.Tests.Site;

namespace SiteGen.Tests.Search;

/// <summary>
/// The search index's vocabulary, kept in the cache's store, only grows; once most of its words are words no paper has
/// any more, a new one is kept, and the builds after it read the papers' words back as before.
/// </summary>
public sealed class SearchVocabularyRenewalTests
{
    [Fact]
    public async Task AVocabularyMostlyOfWordsNoPaperHasIsStartedAgainAndTheBuildsAfterItEndAsAColdBuild()
    {
        using var site = new TempFolder().WithEmptySite();
        site.WritePaper("one", "Diffusion Models for Fast Shape Generation");
        await Build(site);
        var first = KeptVocabulary(site);
        Assert.NotNull(first);

        // One paper's abstract rewritten with words of its own, then again with others: the first set is left unused.
        site.WritePaper("two", "Sparse Rewards", body: string.Join(' ', Enumerable.Range(0, 40).Select(i => $"alpha{i}")));
        await Build(site);
        var grown = KeptVocabulary(site)!;
        Assert.Equal(first!.Name, grown.Name);
        Assert.True(grown.Count > first.Count + 40);

        site.WritePaper("two", "Sparse Rewards", body: string.Join(' ', Enumerable.Range(0, 40).Select(i => $"beta{i}")));
        await Build(site);
        Assert.Equal(first.Name, KeptVocabulary(site)!.Name); // half of it is still in use

        site.WritePaper("two", "Sparse Rewards", body: string.Join(' ', Enumerable.Range(0, 40).Select(i => $"gamma{i}")));
        await Build(site);
        var renewed = KeptVocabulary(site)!;
        Assert.NotEqual(first.Name, renewed.Name);
        Assert.Equal(0, renewed.Count); // the next process numbers every paper's words into it

        site.WritePaper("one", "Diffusion Models for Fast Shape Generation", body: "An abstract about diffusion models, edited.");
        await Build(site);
        var after = KeptVocabulary(site)!;
        Assert.Equal(renewed.Name, after.Name);
        Assert.InRange(after.Count, 40, 80); // the words the two papers have now, and no others
        Assert.Contains("gamma7", Terms(site));
        Assert.DoesNotContain("alpha7", Terms(site));
        await site.AssertSameAsAColdBuild();
    }

    /// <summary>The vocabulary the last build kept in the cache's store, as the next process reads it.</summary>
    private static SearchVocabulary? KeptVocabulary(TempFolder site)
    {
        using var store = DocumentStore.Open(Directory.EnumerateFiles(site["cache"], "*.documents").Single(), BasisOf(site), FileOperations.Disk);
        return new DocumentCache { Store = store }.Latest("search vocabulary", SearchVocabulary.FromStored);
    }

    /// <summary>The basis the store was written on: its header's second number.</summary>
    private static ulong BasisOf(TempFolder site) =>
        BitConverter.ToUInt64(File.ReadAllBytes(Directory.EnumerateFiles(site["cache"], "*.documents").Single()), 8);

    private static string[] Terms(TempFolder site) =>
        System.Text.RegularExpressions.Regex.Match(File.ReadAllText(site["output/search-index.js"]), "\"terms\":\"([^\"]*)\"").Groups[1].Value.Split(' ');

    private static Task<BuildSummary> Build(TempFolder site) => SiteBuilder.BuildAsync(new BuildRequest(site.Path));
}

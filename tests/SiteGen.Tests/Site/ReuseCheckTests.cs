using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>
/// Verify mode (SITEGEN_VERIFY=1) builds the same input cold beside the output and fails on any difference: here a page
/// changed behind the build's back, with its length and time kept, so that the next build trusts it and keeps it.
/// </summary>
public sealed class ReuseCheckTests
{
    private static TempFolder TwoPapers()
    {
        var site = new TempFolder().WithEmptySite();
        site.WritePaper("one", "Diffusion Models for Fast Shape Generation");
        site.WritePaper("two", "Reinforcement Learning from Sparse Rewards", "2024-11-02");
        return site;
    }

    /// <summary>Deletes the up-to-date stamp, so that the next build runs even though no input changed.</summary>
    private static void ForgetUpToDate(TempFolder site)
    {
        foreach (var stamp in Directory.EnumerateFiles(site["cache"], "*.up-to-date"))
        {
            File.Delete(stamp);
        }
    }

    /// <summary>
    /// Writes <paramref name="with"/> over the start of each <paramref name="find"/> in the records of the cache's store,
    /// with their checksums made again: a record that checks, but holds what the module would not make. Returns how many.
    /// </summary>
    private static int ReplaceInStoredRecords(TempFolder site, ReadOnlySpan<byte> find, ReadOnlySpan<byte> with)
    {
        var store = Directory.EnumerateFiles(site["cache"], "*.documents").Single();
        var bytes = File.ReadAllBytes(store);
        var replaced = 0;
        for (var offset = 16; offset < bytes.Length;)
        {
            var size = BitConverter.ToInt32(bytes, offset);
            var payload = bytes.AsSpan(offset + 28, size);
            var at = payload.IndexOf(find);
            if (at >= 0)
            {
                with.CopyTo(payload[at..]);
                BitConverter.TryWriteBytes(bytes.AsSpan(offset + 20), System.IO.Hashing.XxHash3.HashToUInt64(payload));
                replaced++;
            }
            offset += 28 + size;
        }
        File.WriteAllBytes(store, bytes);
        // The store's table of contents holds each record's checksum as the build wrote it: without it, the next build
        // walks the file and takes the changed records as they are.
        File.Delete(Engine.DocumentStore.IndexPathOf(store));
        return replaced;
    }

    /// <summary>
    /// Builds, changes the store's records (<see cref="ReplaceInStoredRecords"/>), and builds again as a new process would,
    /// without verify mode, which trusts a record that checks. Returns how many records were changed.
    /// </summary>
    private static async Task<int> BuildAgainWithStoredRecordsChanged(TempFolder site, byte[] find, byte[] with)
    {
        await Build(site, verify: false);
        var changed = ReplaceInStoredRecords(site, find, with);
        ForgetUpToDate(site);
        await Build(site, verify: false);
        return changed;
    }

    /// <summary>
    /// A build in verify mode (all of it: the up-to-date stamp forgotten) fails on what the store gave, with exit code 1
    /// and one line that starts with <paramref name="start"/>.
    /// </summary>
    private static async Task<Engine.StoredWorkMismatchException> VerifyFailsInOneLine(TempFolder site, string start)
    {
        ForgetUpToDate(site);
        var failure = await Assert.ThrowsAsync<Engine.PipelineFailedException>(() => Build(site, verify: true));
        var stored = Assert.IsType<Engine.StoredWorkMismatchException>(failure.InnerException);
        var (exitCode, message) = SiteGen.Cli.CommandLine.Describe(failure);
        Assert.Equal(1, exitCode);
        Assert.StartsWith(start, message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
        return stored;
    }

    private static Task<BuildSummary> Build(TempFolder site, bool verify, BuildSession? session = null) =>
        SiteBuilder.BuildAsync(new BuildRequest(site.Path, Session: session,
            Environment: new Dictionary<string, string?> { [ReuseCheck.Variable] = verify ? "1" : null }));

    [Fact]
    public async Task APageKeptFromTheLastBuildThatIsNotWhatAColdBuildMakesFailsTheBuildNamingIt()
    {
        using var site = TwoPapers();
        await Build(site, verify: true);
        Assert.False(Directory.Exists(site["cache/verify"]), "a build that matches leaves no cold copy behind");

        var page = site["output/papers/reinforcement-learning-from-sparse-rewards/index.html"];
        var time = File.GetLastWriteTimeUtc(page);
        var text = File.ReadAllText(page);
        File.WriteAllText(page, text.Replace("Sparse", "Spare", StringComparison.Ordinal).Replace("</html>", "</html>" + new string(' ', 5), StringComparison.Ordinal));
        Assert.Equal(text.Length, File.ReadAllText(page).Length);
        File.SetLastWriteTimeUtc(page, time);
        // Without the up-to-date stamp the whole build runs, and keeps the page, as it should: nothing it reads changed it.
        ForgetUpToDate(site);

        var mismatch = await Assert.ThrowsAsync<ReuseMismatchException>(() => Build(site, verify: true));

        Assert.Equal("papers/reinforcement-learning-from-sparse-rewards/index.html differs from a cold build's", mismatch.Difference);
        Assert.True(File.Exists(site["cache/verify/output/papers/reinforcement-learning-from-sparse-rewards/index.html"]), "the cold build is kept to compare");
    }

    [Fact]
    public async Task WorkTheStoreOfDocumentsGivesThatTheModuleWouldNotMakeFailsTheBuildInOneLineNamingTheInput()
    {
        using var site = TwoPapers();
        // A record of the store changed with its checksum: what a module that reads something it does not declare leaves.
        Assert.True(await BuildAgainWithStoredRecordsChanged(site, "Sparse Rewards"u8.ToArray(), "Sharse"u8.ToArray()) > 0);
        Assert.Contains("Sharse Rewards", File.ReadAllText(site["output/papers/reinforcement-learning-from-sparse-rewards/index.html"]), StringComparison.Ordinal);
        var stored = await VerifyFailsInOneLine(site, "error: verify: Papers/Process/");
        Assert.Contains("input/papers/two.md", stored.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchWordsTheStoreGivesThatThePaperDoesNotHaveFailTheBuildInOneLine()
    {
        using var site = TwoPapers();
        // Papers' words are kept as numbers of the vocabulary, which is kept beside them, each word after its length:
        // "rewards" is 7 bytes long. Its number now stands for "rewordz", which no paper has.
        Assert.Equal(1, await BuildAgainWithStoredRecordsChanged(site, "\u0007rewards"u8.ToArray(), "\u0007rewordz"u8.ToArray()));
        var terms = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(site["output/search-index.js"]), "\"terms\":\"([^\"]*)\"").Groups[1].Value.Split(' ');
        Assert.Contains("rewordz", terms);
        Assert.DoesNotContain("rewards", terms);
        await VerifyFailsInOneLine(site, "error: verify: search words makes other outputs");
    }

    [Fact]
    public async Task TagsTheStoreGivesThatTheVocabularyDoesNotMatchFailTheBuildInOneLine()
    {
        using var site = TwoPapers();
        // A paper's tags are kept as their count, then each slug after its length: 22 for "reinforcement-learning". Its view
        // keeps them the same way and is changed too; only a failure naming the tags shows that the tags were read back.
        Assert.True(await BuildAgainWithStoredRecordsChanged(site, "\u0002\u0016reinforcement-learning"u8.ToArray(),
            "\u0002\u0016reinforcement-leaxning"u8.ToArray()) > 0);
        Assert.True(File.Exists(site["output/tags/reinforcement-leaxning/index.html"]), "the stored tag is the paper's");
        await VerifyFailsInOneLine(site, "error: verify: tags makes other outputs");
    }

    /// <summary>
    /// Three papers of one day with the same tag (the abstract's "diffusion models"): each is related to the other two, in the
    /// site's order (by title), kept in the store as <see cref="ThreeRelated"/>.
    /// </summary>
    private static TempFolder ThreePapersOfOneDay()
    {
        var site = new TempFolder().WithEmptySite();
        site.WritePaper("alpha", "Alpha");
        site.WritePaper("beta", "Beta");
        site.WritePaper("gamma", "Gamma");
        return site;
    }

    /// <summary>
    /// The related papers of <see cref="ThreePapersOfOneDay"/> as stored, after the count of papers and a hash of each:
    /// that there are first candidates, each paper's (the first of the day), then each list after its length.
    /// </summary>
    private static readonly byte[] ThreeRelated = [1, 0, 0, 0, 2, 1, 2, 2, 0, 2, 2, 0, 1];

    /// <summary>Whether the first paper's page lists its related papers in the site's order: beta, then gamma.</summary>
    private static bool AlphaListsBetaFirst(TempFolder site)
    {
        var page = File.ReadAllText(site["output/papers/alpha/index.html"]);
        return page.IndexOf("papers/beta/", StringComparison.Ordinal) < page.IndexOf("papers/gamma/", StringComparison.Ordinal);
    }

    [Fact]
    public async Task RelatedPapersTheStoreGivesInAnotherOrderFailTheBuildInOneLine()
    {
        using var site = ThreePapersOfOneDay();
        // Swapping the first paper's two related papers gives it them the other way round.
        Assert.Equal(1, await BuildAgainWithStoredRecordsChanged(site, ThreeRelated, [1, 0, 0, 0, 2, 2, 1]));
        Assert.False(AlphaListsBetaFirst(site), "the stored order is the page's");
        await VerifyFailsInOneLine(site, "error: verify: related papers makes other outputs");
    }

    [Fact]
    public async Task RelatedPapersTheStoreGivesOutOfRangeAreFoundAgain()
    {
        using var site = ThreePapersOfOneDay();
        // The first paper's second related paper made number 9 of 3: the record checks but does not read.
        Assert.Equal(1, await BuildAgainWithStoredRecordsChanged(site, ThreeRelated, [1, 0, 0, 0, 2, 1, 9]));
        Assert.True(AlphaListsBetaFirst(site), "the related papers found again, in the site's order");
    }

    [Fact]
    public async Task WhatTheLinkCheckKeptThatAColdBuildWouldNotFindFailsTheBuildNamingTheWarning()
    {
        using var site = TwoPapers();
        site.Write("input/about.md", "# About\n\nSee [the notes](nowhere.html).\n");
        var first = await Build(site, verify: true);
        var broken = Assert.Single(first.Warnings, w => w.Contains("broken link", StringComparison.Ordinal));
        // What the about page's links came to, kept in cache/, changed: what a wrong reuse of the link check leaves.
        var linksFile = Directory.EnumerateFiles(site["cache"], "*.links").Single();
        var table = SiteGen.Links.PageLinksFile.Read(linksFile)!;
        SiteGen.Links.PageLinksFile.Write(FileOperations.Disk, linksFile, table with
        {
            Results = table.Results!.ToDictionary(r => r.Key, r => r.Value with { Broken = [] }, StringComparer.Ordinal),
        });
        ForgetUpToDate(site);

        var trusted = await Build(site, verify: false); // without verify mode, the file is trusted
        Assert.DoesNotContain(trusted.Warnings, w => w.Contains("broken link", StringComparison.Ordinal));
        ForgetUpToDate(site);
        var mismatch = await Assert.ThrowsAsync<ReuseMismatchException>(() => Build(site, verify: true));

        Assert.Equal($"the build warns '(nothing)' where a cold build warns '{broken}'", mismatch.Difference);
    }

    /// <summary>
    /// A build reuses each paper's view (from the store in a new process, from memory in a session) unless what the view
    /// is made with changed: here a tag's name, which changes no paper but what every page of one calls the tag.
    /// </summary>
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task ATagRenamedIsCalledByItsNewNameOnThePagesOfItsPapersInTheNextBuild(bool verify, bool inOneSession)
    {
        var session = inOneSession ? new BuildSession() : null;
        using var site = new TempFolder().WithEmptySite();
        site.Write("input/tags.yml", "diffusion-models:\n  name: Diffusion models\n  match: [diffusion]\n");
        site.WritePaper("one", "Diffusion Models for Fast Shape Generation");
        site.WritePaper("two", "Reinforcement Learning from Sparse Rewards", "2024-11-02");
        await Build(site, verify: false, session);
        var page = site["output/papers/diffusion-models-for-fast-shape-generation/index.html"];
        Assert.Contains(">Diffusion models<", File.ReadAllText(page), StringComparison.Ordinal);

        site.Write("input/tags.yml", "diffusion-models:\n  name: Denoising diffusion\n  match: [diffusion]\n");
        await Build(site, verify, session);
        if (session is not null)
        {
            await session.FlushAsync();
        }

        Assert.Contains(">Denoising diffusion<", File.ReadAllText(page), StringComparison.Ordinal);
        Assert.DoesNotContain(">Diffusion models<", File.ReadAllText(page), StringComparison.Ordinal);
    }

    [Fact]
    public void TheFirstDifferenceInPathOrderIsNamedWithWhatIsWrong()
    {
        using var built = new TempFolder();
        using var cold = new TempFolder();
        built.Write("a.html", "same");
        cold.Write("a.html", "same");
        built.Write("b/extra.html", "x");
        cold.Write("c.html", "only cold");

        Assert.Equal("b/extra.html is in the output but a cold build does not make it", ReuseCheck.FirstDifference(built.Path, cold.Path));
        File.Delete(built["b/extra.html"]);
        Assert.Equal("c.html is missing from the output", ReuseCheck.FirstDifference(built.Path, cold.Path));
        built.Write("c.html", "only cold");
        Assert.Null(ReuseCheck.FirstDifference(built.Path, cold.Path));
    }
}

using System.Collections.Immutable;
using SiteGen.Engine;
using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>
/// Rebuilds reuse what did not change (pages whose inputs have the same fingerprint are neither rendered
/// nor written), and whatever the sequence of edits, the output equals a cold build of the same input.
/// </summary>
public sealed class IncrementalBuildTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("papers.example.org", false)] // with feeds, the sitemap and robots.txt
    [InlineData(null, true)] // in one session, as the preview server builds: documents and pages reused from memory
    [InlineData("papers.example.org", true)]
    public async Task AnySequenceOfRebuildsEndsByteIdenticalToAColdBuildOfTheSameInput(string? host, bool inOneSession)
    {
        using var site = new TempFolder().WithDefaultSite();
        var session = inOneSession ? new BuildSession() : null;
        Task<BuildSummary> Build(string root) => IncrementalBuildTests.Build(root, host, session);
        await Build(site.Path);

        // A new hand-written paper, then an edit of a listing paper's abstract, a template change, a removal.
        site.Write("input/papers/new.md", "---\ntitle: A New Paper on Diffusion Models\nauthor_count: 2\npublished: 2025-11-01\n---\nWe study diffusion models.\n");
        await Build(site.Path);
        var listing = site["input/listings/001_c65d2d98e23c96f3.txt"];
        File.WriteAllText(listing, File.ReadAllText(listing).Replace("Solving a linear system Ax=b", "Solving a large linear system Ax=b"));
        await Build(site.Path);
        File.AppendAllText(site["theme/partials/site-footer.liquid"], "<!-- footer changed -->\n");
        await Build(site.Path);
        File.Delete(site["input/papers/new.md"]);
        var last = await Build(site.Path);

        var incremental = await AssertSameAsAColdBuild(site, host);
        Assert.Equal(host is not null, incremental.ContainsKey("feed.xml") && incremental.ContainsKey("sitemap.xml"));
        Assert.True(last.FilesRemoved >= 2, "the removed paper's page and Markdown file are deleted");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ChangingOnePapersTagsRewritesTheRelatedPapersOfAnotherAsAColdBuildWould(bool inOneSession)
    {
        using var site = new TempFolder().WithDefaultSite();
        var session = inOneSession ? new BuildSession() : null;
        Task<BuildSummary> Build(string root) => IncrementalBuildTests.Build(root, session: session);
        // Tags of their own (not in the vocabulary) and abstracts that match none of it: each paper has only the tag given.
        site.Write("input/papers/first.md", "---\ntitle: First Standalone Note\npublished: 2025-12-02\ntags: [zz-left]\n---\nNothing else.\n");
        site.Write("input/papers/second.md", "---\ntitle: Second Standalone Note\npublished: 2025-12-01\ntags: [zz-right]\n---\nNothing else.\n");
        site.Write("input/papers/third.md", "---\ntitle: Third Standalone Note\npublished: 2020-01-01\ntags: [zz-left]\n---\nNothing else.\n");
        await Build(site.Path);
        const string First = "papers/first-standalone-note/index.html";
        Assert.Equal(["third-standalone-note"], RelatedOf(site, First));

        site.Write("input/papers/second.md", "---\ntitle: Second Standalone Note\npublished: 2025-12-01\ntags: [zz-left]\n---\nNothing else.\n");
        var after = await Build(site.Path);

        Assert.Equal(["second-standalone-note", "third-standalone-note"], RelatedOf(site, First));
        Assert.True(after.FilesWritten < 30, $"{after.FilesWritten} files written for one paper's tags");
        await AssertSameAsAColdBuild(site);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ANewerPaperIsNoOlderPapersRelatedPaperUnlessTheSettingAsksForIt(bool includeNewer)
    {
        using var site = new TempFolder().WithDefaultSite();
        KeyValuePair<string, string>[] settings = includeNewer ? [new("RelatedIncludeNewer", "true")] : [];
        Task<BuildSummary> Build() => SiteBuilder.BuildAsync(new BuildRequest(site.Path, Settings: settings));
        site.Write("input/papers/older.md", "---\ntitle: An Older Standalone Note\npublished: 2025-11-01\ntags: [zz-day]\n---\nNothing else.\n");
        site.Write("input/papers/same-day.md", "---\ntitle: A Standalone Note of the Same Day\npublished: 2025-11-01\ntags: [zz-day]\n---\nNothing else.\n");
        await Build();
        const string Older = "papers/an-older-standalone-note/index.html";
        var before = File.ReadAllBytes(site["output/" + Older]);
        Assert.Equal(["a-standalone-note-of-the-same-day"], RelatedOf(site, Older)); // its own day counts, either way

        // The next day's paper, sharing the tag.
        site.Write("input/papers/newer.md", "---\ntitle: A Newer Standalone Note\npublished: 2025-11-02\ntags: [zz-day]\n---\nNothing else.\n");
        await Build();

        Assert.Equal(["a-standalone-note-of-the-same-day", "an-older-standalone-note"], RelatedOf(site, "papers/a-newer-standalone-note/index.html"));
        if (includeNewer)
        {
            Assert.Equal(["a-newer-standalone-note", "a-standalone-note-of-the-same-day"], RelatedOf(site, Older));
        }
        else
        {
            Assert.Equal(before, File.ReadAllBytes(site["output/" + Older])); // not even written again
        }
    }

    [Fact]
    public async Task APaperRedatedOrRetitledInOneSessionEndsAsAColdBuildWould()
    {
        // Neither changes the number of papers: the session mends its order, and sees that the links changed.
        using var site = new TempFolder().WithDefaultSite();
        var session = new BuildSession();
        site.Write("input/papers/moving.md", "---\ntitle: A Paper That Moves Through Time\npublished: 2025-11-01\ntags: [zz-moving]\n---\nNothing else.\n");
        await Build(site.Path, session: session);

        site.Write("input/papers/moving.md", "---\ntitle: A Paper That Moves Through Time\npublished: 2019-03-04\ntags: [zz-moving]\n---\nNothing else.\n");
        await Build(site.Path, session: session);
        await AssertSameAsAColdBuild(site);

        // Newest of all, then retitled under the same slug: the same place in the order and the same URL, but its
        // neighbour's link to it shows the new title.
        site.Write("input/papers/moving.md", "---\ntitle: A Paper That Moves Through Time\nslug: moving\npublished: 2030-01-01\ntags: [zz-moving]\n---\nNothing else.\n");
        await Build(site.Path, session: session);
        site.Write("input/papers/moving.md", "---\ntitle: A Paper That Stays Put\nslug: moving\npublished: 2030-01-01\ntags: [zz-moving]\n---\nNothing else.\n");
        await Build(site.Path, session: session);
        await AssertSameAsAColdBuild(site);
    }

    [Fact]
    public async Task AnEditedPageThatOverridesAListingPaperMergesAgainInOneSessionAsAColdBuildWould()
    {
        // The page stays the same paper (same title): the session merges only its group again, listing copy included.
        using var site = new TempFolder().WithDefaultSite();
        var session = new BuildSession();
        const string Title = "title: Activation Space Selectable Kolmogorov-Arnold Networks";
        site.Write("input/papers/kan.md", $"---\n{Title}\ntags: [zz-kan]\n---\nMy own abstract.\n");
        site.Write("input/papers/other.md", "---\ntitle: A Paper Of Its Own\n---\nNothing else.\n");
        await Build(site.Path, session: session);

        site.Write("input/papers/kan.md", $"---\n{Title}\nauthor_count: 7\ntags: [zz-kan, zz-more]\n---\nMy own abstract, edited.\n");
        site.Write("input/papers/other.md", "---\ntitle: A Paper Of Its Own\npublished: 2024-02-03\n---\nNothing else, edited.\n");
        await Build(site.Path, session: session);

        var files = await AssertSameAsAColdBuild(site);
        var page = System.Text.Encoding.UTF8.GetString(files["papers/activation-space-selectable-kolmogorov-arnold-networks/index.html"]);
        Assert.Contains("My own abstract, edited.", page, StringComparison.Ordinal);
        Assert.Contains("7 authors", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APaperEditedInOneSessionToTakeAnothersSlugStopsTheBuildAsAColdBuildWould()
    {
        using var site = new TempFolder().WithDefaultSite();
        var session = new BuildSession();
        site.Write("input/papers/first.md", "---\ntitle: The First Paper\nslug: shared\n---\nOne.\n");
        site.Write("input/papers/second.md", "---\ntitle: The Second Paper\n---\nTwo.\n");
        await Build(site.Path, session: session);

        // A free slug is taken in place; a taken one stops the build, naming both papers.
        site.Write("input/papers/second.md", "---\ntitle: The Second Paper\nslug: second-free\n---\nTwo.\n");
        await Build(site.Path, session: session);
        Assert.True(File.Exists(site["output/papers/second-free/index.html"]));
        site.Write("input/papers/second.md", "---\ntitle: The Second Paper\nslug: shared\n---\nTwo.\n");
        var inSession = await Assert.ThrowsAsync<SiteGen.Engine.PipelineFailedException>(() => Build(site.Path, session: session));
        var cold = await Assert.ThrowsAsync<SiteGen.Engine.PipelineFailedException>(() => Build(site.Path));

        Assert.Contains("both set the slug 'shared'", inSession.InnerException!.Message, StringComparison.Ordinal);
        Assert.Equal(cold.InnerException!.Message, inSession.InnerException.Message);
    }

    /// <summary>
    /// A new process copies the lines of papers.json for the papers that did not change from the last file, each checked
    /// against the hash of the line it wrote: a file changed by hand since (its lines moved by a character put in) gives
    /// no line, and the papers it no longer holds as written get theirs made again.
    /// </summary>
    [Fact]
    public async Task PapersJsonChangedByHandIsMadeRightByTheNextBuild()
    {
        using var site = new TempFolder().WithDefaultSite();
        await Build(site.Path);
        var json = site["output/papers.json"];
        var text = File.ReadAllText(json);
        var at = text.IndexOf("\"abstract\":\"", text.Length / 3, StringComparison.Ordinal) + "\"abstract\":\"".Length;
        Assert.True(at > text.Length / 3);
        File.WriteAllText(json, text[..at] + "Edited. " + text[at..]);
        var listing = site["input/listings/001_c65d2d98e23c96f3.txt"];
        File.WriteAllText(listing, File.ReadAllText(listing).Replace("Solving a linear system Ax=b", "Solving a large linear system Ax=b"));

        await Build(site.Path);

        Assert.DoesNotContain("Edited. ", File.ReadAllText(json), StringComparison.Ordinal);
        await AssertSameAsAColdBuild(site);
    }

    /// <summary>
    /// The last papers.json is read back only when it is the file the last build wrote: a named pipe put in its place (a
    /// read of which waits for a writer that never comes) is not opened, and is replaced by the file.
    /// </summary>
    [Fact]
    public async Task ANamedPipeInPlaceOfPapersJsonIsNotReadAndIsReplaced()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // mkfifo is Linux's here
        }
        using var site = new TempFolder().WithDefaultSite();
        await Build(site.Path);
        var json = site["output/papers.json"];
        File.Delete(json);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [json]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        var listing = site["input/listings/001_c65d2d98e23c96f3.txt"];
        File.WriteAllText(listing, File.ReadAllText(listing).Replace("Solving a linear system Ax=b", "Solving a large linear system Ax=b"));

        await Build(site.Path).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(new FileInfo(json).Length > 0, "papers.json is a file again"); // a pipe's length is 0
        await AssertSameAsAColdBuild(site);
    }

    private static List<string> RelatedOf(TempFolder site, string page) =>
        [.. SiteLinks.Parse(File.ReadAllText(site["output/" + page])).QuerySelectorAll("main .related a").Select(a => a.GetAttribute("href")!.Split('/')[^2])];

    /// <summary>The site's output, built incrementally, equals a cold build of its input into a fresh folder.</summary>
    private static Task<SortedDictionary<string, byte[]>> AssertSameAsAColdBuild(TempFolder site, string? host = null) =>
        site.AssertSameAsAColdBuild(HostSetting(host));

    [Theory]
    [InlineData(null)]
    [InlineData("papers.example.org")]
    public async Task ARebuildWithNothingChangedWritesNothingAndTouchesNoTimestamp(string? host)
    {
        using var site = new TempFolder().WithDefaultSite();
        await Build(site.Path, host);
        var before = Directory.EnumerateFiles(site["output"], "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        // Without the up-to-date stamp (UpToDateTests), the whole build runs: it must still write nothing.
        foreach (var stamp in Directory.EnumerateFiles(site["cache"], "*.up-to-date"))
        {
            File.Delete(stamp);
        }

        var again = await Build(site.Path, host);

        Assert.False(again.UpToDate);
        Assert.Equal(0, again.FilesWritten);
        Assert.Equal(before.Count, again.FilesProduced);
        Assert.All(before, file => Assert.Equal(file.Value, File.GetLastWriteTimeUtc(file.Key)));
    }

    [Fact]
    public async Task OneChangedAbstractRewritesOnlyThePagesThatShowIt()
    {
        using var site = new TempFolder().WithDefaultSite();
        await Build(site.Path);
        var before = Directory.EnumerateFiles(site["output"], "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);

        var listing = site["input/listings/001_c65d2d98e23c96f3.txt"];
        File.WriteAllText(listing, File.ReadAllText(listing).Replace("Solving a linear system Ax=b", "Solving a large linear system Ax=b"));
        var after = await Build(site.Path);

        var changed = before.Where(f => !f.Value.AsSpan().SequenceEqual(File.ReadAllBytes(f.Key)))
            .Select(f => Path.GetRelativePath(site["output"], f.Key).Replace('\\', '/'))
            .ToHashSet();
        Assert.Equal(changed.Count, after.FilesWritten);
        Assert.Contains("papers/learning-to-relax-setting-solver-parameters-across-a-sequence-of-linear-system/index.html", changed);
        Assert.Contains("papers.json", changed);
        Assert.Contains("authors/unknown/index.html", changed);
        Assert.InRange(after.FilesWritten, 4, 12); // its page and .md, papers.json, a home page, its tags' and author-count pages
    }

    [Fact]
    public async Task ANewestPaperLeavesTheOlderPagesOfItsListAsTheyWere()
    {
        using var site = new TempFolder().WithDefaultSite();
        await Build(site.Path);
        var before = TempFolder.Snapshot(site["output"]);
        Assert.True(before.ContainsKey("page/2/index.html") && !before.ContainsKey("page/3/index.html"), "the default site's home list has two numbered pages");

        site.Write("input/papers/newest.md", "---\ntitle: The Newest Paper of All\npublished: 2030-01-01\n---\nNothing else.\n");
        await Build(site.Path);
        var after = TempFolder.Snapshot(site["output"]);

        // The front page takes the new paper and passes its oldest on to page 2, the newest numbered page; page 1 keeps its papers.
        Assert.False(before["index.html"].AsSpan().SequenceEqual(after["index.html"]));
        Assert.False(before["page/2/index.html"].AsSpan().SequenceEqual(after["page/2/index.html"]));
        Assert.True(before["page/1/index.html"].AsSpan().SequenceEqual(after["page/1/index.html"]), "page 1 of the home list was written again");
        await AssertSameAsAColdBuild(site);
    }

    [Fact]
    public async Task AFeedOrSitemapIsMadeFromWhatItShowsAndKeptWhileThatIsTheSame()
    {
        using var site = new TempFolder().WithDefaultSite();
        const string host = "papers.example.org";
        string[] files = ["feed.xml", "feed.json", "tags/reinforcement-learning/feed.xml", "tags/diffusion-models/feed.xml", "sitemap.xml"];
        async Task<Dictionary<string, ulong>> Inputs()
        {
            await Build(site.Path, host);
            var manifest = ManifestFile.Read(Directory.GetFiles(site["cache"], "output-*.manifest").Single());
            return files.ToDictionary(file => file, file => manifest.Files[file].Inputs);
        }
        string[] Changed(Dictionary<string, ulong> before, Dictionary<string, ulong> after) => [.. files.Where(f => before[f] != after[f])];

        var first = await Inputs();
        Assert.All(files, file => Assert.NotEqual(0UL, first[file])); // kept by what they are made from, as pages are

        site.Write("input/tags.yml", File.ReadAllText(site["input/tags.yml"]).Replace(
            "Agents that learn from rewards by acting in an environment.", "Agents that learn by trial and error."));
        var retold = await Inputs();
        Assert.Equal(["tags/reinforcement-learning/feed.xml"], Changed(first, retold));
        Assert.Contains("Agents that learn by trial and error.", File.ReadAllText(site["output/tags/reinforcement-learning/feed.xml"]), StringComparison.Ordinal);

        site.Write("statiq.json", File.ReadAllText(site["statiq.json"]).Replace("Research papers collected", "Papers collected"));
        var described = await Inputs();
        Assert.Equal(["feed.xml", "feed.json"], Changed(retold, described));

        // The site's newest paper: every feed that shows it shows its abstract.
        var listing = site["input/listings/000_e26a98970d65545d.txt"];
        File.WriteAllText(listing, File.ReadAllText(listing).Replace("Our source codes are available at", "Our source code is at"));
        var edited = await Inputs();
        Assert.Equal(["feed.xml", "feed.json"], Changed(described, edited).Where(f => !f.StartsWith("tags/", StringComparison.Ordinal)));
        Assert.Equal(described["sitemap.xml"], edited["sitemap.xml"]); // no page or date changed
        await AssertSameAsAColdBuild(site, host);
    }

    [Fact]
    public async Task ATagDescriptionEditedInOneSessionKeepsEveryPapersPageAsItWasAndEndsAsAColdBuildWould()
    {
        using var site = new TempFolder().WithDefaultSite();
        const string host = "papers.example.org";
        var session = new BuildSession();
        // The sitemap's last run holds the page documents of the build, as the page pipelines passed them on.
        ImmutableArray<Document> Pages() =>
            session.Reuse.Last<LastRun<(string Path, DateOnly? Date)[]>>("sitemap")!.Inputs;
        await Build(site.Path, host, session);
        var before = Pages().Where(d => d.Destination?.StartsWith("papers/", StringComparison.Ordinal) == true).ToArray();

        site.Write("input/tags.yml", File.ReadAllText(site["input/tags.yml"]).Replace(
            "Agents that learn from rewards by acting in an environment.", "Agents that learn by trial and error."));
        var edited = await Build(site.Path, host, session);

        // Every paper's page and Markdown file is the very document it was: its tags were not matched, nor its view,
        // page or file made, again. The tag's own page and feed show the new description.
        var after = Pages().ToHashSet(ReferenceEqualityComparer.Instance);
        Assert.True(before.Length > 200, "the default site's papers have pages");
        Assert.All(before, page => Assert.Contains(page, after));
        Assert.Contains("Agents that learn by trial and error.", File.ReadAllText(site["output/tags/reinforcement-learning/index.html"]), StringComparison.Ordinal);
        Assert.InRange(edited.FilesWritten, 1, 4);
        await AssertSameAsAColdBuild(site, host);
    }

    private static Task<BuildSummary> Build(string root, string? host = null, BuildSession? session = null) =>
        SiteBuilder.BuildAsync(new BuildRequest(root, Settings: HostSetting(host), Session: session));

    private static KeyValuePair<string, string>[] HostSetting(string? host) => host is null ? [] : [new("Host", host)];
}

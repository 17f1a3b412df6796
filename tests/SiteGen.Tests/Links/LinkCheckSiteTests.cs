using SiteGen.Links;
using SiteGen.Site;
using SiteGen.Tests.Site;

namespace SiteGen.Tests.Links;

/// <summary>The link check of whole builds and dry runs: what it reports, what it writes (nothing, in a dry run), and kept pages.</summary>
public sealed class LinkCheckSiteTests
{
    /// <summary>The about page's layout, with a link to a hand-written paper's page.</summary>
    private const string LinkToNote = "<a href=\"{{ site.root }}papers/a-standalone-note/index.html\">note</a></article>";

    private const string Note = "---\ntitle: A Standalone Note\npublished: 2025-12-02\n---\nNothing else.\n";

    [Fact]
    public async Task ADryRunOfTheDefaultSiteRendersEveryPageFindsNoBrokenLinkAndWritesNothing()
    {
        using var site = new TempFolder().WithDefaultSite();

        var check = await SiteBuilder.BuildAsync(new BuildRequest(site.Path, Strict: true, DryRun: true));

        Assert.Empty(check.Links.Broken);
        Assert.Equal(0, check.FilesWritten);
        Assert.False(Directory.Exists(site["output"]));
        TempFolder.AssertOnlyTheBuiltInThemeIn(site["cache"]);
        var build = await SiteBuilder.BuildAsync(new BuildRequest(site.Path, Strict: true));
        var pages = Directory.EnumerateFiles(site["output"], "*.html", SearchOption.AllDirectories).Count();
        Assert.Equal(pages, check.Links.Pages);
        Assert.Equal(build.FilesProduced, check.FilesProduced);
        Assert.Equal(build.Links.Links, check.Links.Links);
        Assert.True(check.Links.Links > 20 * pages, $"{check.Links.Links} links on {pages} pages");
    }

    [Fact]
    public async Task ADryRunOverAnOutputFolderLeavesItsFilesAndManifestAsTheyWere()
    {
        using var site = new TempFolder().WithDefaultSite();
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        var output = TempFolder.Snapshot(site["output"]);
        var cache = TempFolder.Snapshot(site["cache"]);
        var times = Directory.EnumerateFiles(site.Path, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        File.Delete(site["input/about.md"]);

        var check = await SiteBuilder.BuildAsync(new BuildRequest(site.Path, DryRun: true));

        Assert.Equal(1, check.FilesRemoved); // about/index.html would go
        Assert.Equal(output, TempFolder.Snapshot(site["output"]));
        Assert.Equal(cache, TempFolder.Snapshot(site["cache"]));
        Assert.All(times.Where(t => File.Exists(t.Key)), t => Assert.Equal(t.Value, File.GetLastWriteTimeUtc(t.Key)));
    }

    [Fact]
    public async Task ABrokenLinkInALayoutIsOneWarningNamingThePageAndTheLinkAndFailsAStrictBuildOrCheck()
    {
        using var site = new TempFolder().WithDefaultSite();
        site.Write("input/layouts/paper.liquid", File.ReadAllText(site["theme/layouts/paper.liquid"]) + "<a href=\"nowhere/index.html\">x</a>\n");

        var build = await SiteBuilder.BuildAsync(new BuildRequest(site.Path));

        var warning = Assert.Single(build.Warnings, w => w.Contains("broken link", StringComparison.Ordinal));
        var first = Directory.EnumerateDirectories(site["output/papers"]).Select(Path.GetFileName).Order(StringComparer.Ordinal).First();
        Assert.StartsWith($"papers/{first}/index.html: warning: broken link 'nowhere/index.html' (-> papers/{first}/nowhere/index.html), and on ", warning);
        Assert.Equal("nowhere/index.html", Assert.Single(build.Links.Broken).Href);

        // A strict build stops before its files replace the published ones: the folder stays as the last build left it.
        var before = TempFolder.Snapshot(site["output"]);
        File.AppendAllText(site["input/about.md"], "\nA line added before a failing build.\n");
        var strict = await Assert.ThrowsAsync<BrokenLinksException>(() => SiteBuilder.BuildAsync(new BuildRequest(site.Path, Strict: true)));
        Assert.Contains(warning, strict.Warnings);
        TempFolder.AssertSameFiles(before, TempFolder.Snapshot(site["output"]));
        using var other = new TempFolder();
        var check = await Assert.ThrowsAsync<BrokenLinksException>(() =>
            SiteBuilder.BuildAsync(new BuildRequest(site.Path, other["output"], Strict: true, DryRun: true)));
        Assert.Contains(warning, check.Warnings);
        Assert.False(Directory.Exists(other["output"]));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)] // the links of kept pages read back from the pages, without the file of links
    [InlineData(true, false)] // in one session, as the preview server builds
    public async Task AKeptPageThatLinksToARemovedPaperIsReportedAsAColdBuildWould(bool inOneSession, bool withoutLinksFile)
    {
        using var site = new TempFolder().WithDefaultSite();
        var session = inOneSession ? new BuildSession() : null;
        site.Write("input/layouts/page.liquid", File.ReadAllText(site["theme/layouts/page.liquid"]).Replace("</article>", LinkToNote));
        site.Write("input/papers/note.md", Note);
        var first = await SiteBuilder.BuildAsync(new BuildRequest(site.Path, Session: session));
        Assert.Empty(first.Links.Broken);
        var about = site["output/about/index.html"];
        var written = File.GetLastWriteTimeUtc(about);

        File.Delete(site["input/papers/note.md"]);
        if (withoutLinksFile)
        {
            File.Delete(Assert.Single(Directory.GetFiles(site["cache"], "*.links")));
        }
        var rebuild = await SiteBuilder.BuildAsync(new BuildRequest(site.Path, Session: session));

        Assert.Equal(written, File.GetLastWriteTimeUtc(about)); // kept, not rendered again
        var broken = Assert.Single(rebuild.Links.Broken);
        Assert.Equal(("about/index.html", "../papers/a-standalone-note/index.html"), (broken.Page, broken.Href));
        using var cold = new TempFolder();
        var coldBuild = await SiteBuilder.BuildAsync(new BuildRequest(site.Path, cold["output"], Settings: [new("CachePath", cold["cache"])]));
        Assert.Equal((coldBuild.Links.Pages, coldBuild.Links.Links), (rebuild.Links.Pages, rebuild.Links.Links));
        Assert.Equal(coldBuild.Links.Broken.ToArray(), rebuild.Links.Broken.ToArray());
    }

    [Fact]
    public async Task InOneSessionALinkBrokenThenMendedOnAPageIsReportedThenNoLonger()
    {
        using var site = new TempFolder().WithDefaultSite();
        var session = new BuildSession();
        var about = File.ReadAllText(site["input/about.md"]);
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path, Session: session));

        // The same files each time: the session's check reuses what it found for every page but the one rendered again.
        site.Write("input/about.md", about + "\nSee [nowhere](nowhere/index.html).\n");
        var broken = await SiteBuilder.BuildAsync(new BuildRequest(site.Path, Session: session));
        site.Write("input/about.md", about);
        var mended = await SiteBuilder.BuildAsync(new BuildRequest(site.Path, Session: session));
        var again = await SiteBuilder.BuildAsync(new BuildRequest(site.Path, Session: session));

        Assert.Equal(("about/index.html", "nowhere/index.html"), (Assert.Single(broken.Links.Broken).Page, broken.Links.Broken[0].Href));
        Assert.Empty(mended.Links.Broken);
        Assert.Empty(again.Links.Broken);
        Assert.Equal(mended.Links.Links + 1, broken.Links.Links);
        Assert.Equal((mended.Links.Pages, mended.Links.Links), (again.Links.Pages, again.Links.Links));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // in one session, as the preview server builds
    public async Task AKeptPagesBrokenLinkIsNoLongerReportedOnceItsFileComes(bool inOneSession)
    {
        using var site = new TempFolder().WithDefaultSite();
        var session = inOneSession ? new BuildSession() : null;
        site.Write("input/layouts/page.liquid", File.ReadAllText(site["theme/layouts/page.liquid"]).Replace("</article>", LinkToNote));
        var first = await SiteBuilder.BuildAsync(new BuildRequest(site.Path, Session: session));
        Assert.Equal(("about/index.html", "../papers/a-standalone-note/index.html"), (Assert.Single(first.Links.Broken).Page, first.Links.Broken[0].Href));
        var about = site["output/about/index.html"];
        var written = File.GetLastWriteTimeUtc(about);

        site.Write("input/papers/note.md", Note);
        var rebuild = await SiteBuilder.BuildAsync(new BuildRequest(site.Path, Session: session));

        Assert.Equal(written, File.GetLastWriteTimeUtc(about)); // kept: what its links came to is the last check's, looked at again
        Assert.Empty(rebuild.Links.Broken);
        await AssertCountedAsAColdBuildAsync(site, rebuild);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AKeptPagesLinkToAFilePutThereByHandIsReportedOnceTheFileIsGone(bool inOneSession)
    {
        using var site = new TempFolder().WithDefaultSite();
        var session = inOneSession ? new BuildSession() : null;
        site.Write("input/layouts/page.liquid",
            File.ReadAllText(site["theme/layouts/page.liquid"]).Replace("</article>", "<a href=\"{{ site.root }}extra.pdf\">pdf</a></article>"));
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path, Session: session));
        site.Write("output/extra.pdf", "%PDF-1.4 by hand");
        site.Write("input/papers/note.md", Note); // a change, so that the build runs and keeps the about page
        var withFile = await SiteBuilder.BuildAsync(new BuildRequest(site.Path, Session: session));
        Assert.Empty(withFile.Links.Broken);
        var about = site["output/about/index.html"];
        var written = File.GetLastWriteTimeUtc(about);

        File.Delete(site["output/extra.pdf"]);
        var rebuild = await SiteBuilder.BuildAsync(new BuildRequest(site.Path, Session: session));

        Assert.Equal(written, File.GetLastWriteTimeUtc(about));
        Assert.Equal(("about/index.html", "../extra.pdf"), (Assert.Single(rebuild.Links.Broken).Page, rebuild.Links.Broken[0].Href));
        Assert.Equal((withFile.Links.Pages, withFile.Links.Links), (rebuild.Links.Pages, rebuild.Links.Links));
        await AssertCountedAsAColdBuildAsync(site, rebuild);
    }

    [Fact]
    public async Task AcrossProcessesAFewPagesWithOtherLinksLeaveTheLinksFileAndAreReadBackWhileKept()
    {
        using var site = new TempFolder().WithDefaultSite();
        var about = File.ReadAllText(site["input/about.md"]);
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        var linksFile = Assert.Single(Directory.GetFiles(site["cache"], "*.links"));
        var saved = File.ReadAllBytes(linksFile);

        // One page with other links: not worth writing the file again.
        site.Write("input/about.md", about + "\nSee [nowhere](nowhere/index.html).\n");
        var broken = await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        Assert.Equal(saved, File.ReadAllBytes(linksFile));
        // The page is kept, and the file's links for it are the old ones: they are read back from the page.
        var written = File.GetLastWriteTimeUtc(site["output/about/index.html"]);
        site.Write("input/papers/note.md", Note);
        var kept = await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        Assert.Equal(written, File.GetLastWriteTimeUtc(site["output/about/index.html"]));

        Assert.Equal(("about/index.html", "nowhere/index.html"), (Assert.Single(broken.Links.Broken).Page, broken.Links.Broken[0].Href));
        Assert.Equal(broken.Links.Broken.ToArray(), kept.Links.Broken.ToArray());
        await AssertCountedAsAColdBuildAsync(site, kept);
        Assert.NotEqual(saved, File.ReadAllBytes(linksFile)); // a new paper adds files: the file is written again
    }

    /// <summary>A cold build of the site into a fresh folder counts the same pages and links and finds the same broken ones.</summary>
    private static async Task AssertCountedAsAColdBuildAsync(TempFolder site, BuildSummary rebuild)
    {
        using var cold = new TempFolder();
        var coldBuild = await SiteBuilder.BuildAsync(new BuildRequest(site.Path, cold["output"], Settings: [new("CachePath", cold["cache"])]));
        Assert.Equal((coldBuild.Links.Pages, coldBuild.Links.Links), (rebuild.Links.Pages, rebuild.Links.Links));
        Assert.Equal(coldBuild.Links.Broken.ToArray(), rebuild.Links.Broken.ToArray());
    }
}

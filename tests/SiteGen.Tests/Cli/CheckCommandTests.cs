using SiteGen.Tests.Site;

namespace SiteGen.Tests.Cli;

/// <summary><c>sitegen check</c> as a user runs it, and the link check of <c>build</c> on the command line.</summary>
public sealed class CheckCommandTests
{
    private const string BrokenLink = "<a href=\"nowhere/index.html\">nowhere</a></article>";

    [Fact]
    public async Task CheckingTheDefaultSiteFindsNoBrokenLinkAndWritesNothing()
    {
        using var site = new TempFolder().WithDefaultSite();

        var result = await SiteGenProcess.RunAsync("check", "--root", site.Path, "--strict");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"Checked \d+ papers: \d+ files would be written, \d+ internal links on \d+ pages, 0 broken, 0 warnings", result.StandardOutput);
        Assert.False(Directory.Exists(site["output"]));
        TempFolder.AssertOnlyTheBuiltInThemeIn(site["cache"]);
    }

    [Fact]
    public async Task CheckReportsBrokenFrontMatterWithFileLineAndColumn()
    {
        using var site = new TempFolder().WithDefaultSite();
        site.Write("input/papers/x.md", "---\ntitle: \"An unclosed title\nauthor_count: 3\n---\nBody.\n");

        var result = await SiteGenProcess.RunAsync("check", "--root", site.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"(?m)^input/papers/x\.md:\d+:\d+: error: .+", result.StandardError);
        Assert.DoesNotContain("   at ", result.StandardError);
        Assert.False(Directory.Exists(site["output"]));
    }

    [Fact]
    public async Task ABrokenLinkIsAWarningOfBuildAndFailsBuildAndCheckWithStrict()
    {
        using var site = new TempFolder().WithDefaultSite();
        site.Write("input/layouts/page.liquid", File.ReadAllText(site["theme/layouts/page.liquid"]).Replace("</article>", BrokenLink));
        const string Warning = "about/index.html: warning: broken link 'nowhere/index.html' (-> about/nowhere/index.html)";

        var build = await SiteGenProcess.RunAsync("build", "--root", site.Path);
        Assert.Equal(0, build.ExitCode);
        Assert.Contains(Warning, build.StandardError);
        Assert.Contains("1 warning,", build.StandardOutput);

        File.AppendAllText(site["input/about.md"], "\nA line added before a failing build.\n");
        var before = TempFolder.Snapshot(site["output"]);
        var strict = await SiteGenProcess.RunAsync("build", "--root", site.Path, "--strict");
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains(Warning, strict.StandardError);
        Assert.Contains("nothing was written", strict.StandardError);
        TempFolder.AssertSameFiles(before, TempFolder.Snapshot(site["output"]));

        Directory.Delete(site["output"], recursive: true);
        Directory.Delete(site["cache"], recursive: true);
        var check = await SiteGenProcess.RunAsync("check", "--root", site.Path, "--strict");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains(Warning, check.StandardError);
        Assert.False(Directory.Exists(site["output"]));
        TempFolder.AssertOnlyTheBuiltInThemeIn(site["cache"]);
    }

    [Fact]
    public async Task HelpExplainsTheCheckOptions()
    {
        var result = await SiteGenProcess.RunAsync("check", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--root", "--strict", "--setting" })
        {
            Assert.Contains(option, result.StandardOutput);
        }
    }
}

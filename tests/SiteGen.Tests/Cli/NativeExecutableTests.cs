using System.Diagnostics;
using SiteGen.Site;
using SiteGen.Tests.Site;

namespace SiteGen.Tests.Cli;

/// <summary>
/// `dotnet publish` makes a native executable (NativeAOT), which trims what reflection does not show it.
/// This builds that executable once, as a user would, and checks it makes exactly the site the JIT build makes,
/// and still reports a user's mistake as one line.
/// </summary>
public sealed class NativeExecutableTests(NativeExecutable native) : IClassFixture<NativeExecutable>
{
    private string Executable => native.Path;

    [Fact]
    public async Task BuildsTheDefaultSiteByteForByteAsTheJitBuildDoes()
    {
        using var site = new TempFolder().WithDefaultSite();
        // Titles whose URLs and search words need folding and transliteration: the native executable has no ICU, the
        // tests' JIT build has it, and both must fold the same way.
        site.WritePaper("accents", "Schrödinger Bridges for Café Naïve Models");
        site.WritePaper("turkish", "İstanbul Dataset for ASR");
        site.WritePaper("russian", "Глубокое обучение");
        site.WritePaper("chinese", "深度学习");
        var result = await SiteGenProcess.RunExecutableAsync(Executable, "build", "--root", site.Path, "--output", site["native"]);
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path, site["jit"], Settings: [new("CachePath", site["jit-cache"])]));

        Assert.Equal(0, result.ExitCode);
        TempFolder.AssertSameFiles(TempFolder.Snapshot(site["jit"]), TempFolder.Snapshot(site["native"]));
        Assert.True(File.Exists(site["native/papers/schrodinger-bridges-for-cafe-naive-models/index.html"]));
        Assert.True(File.Exists(site["native/papers/istanbul-dataset-for-asr/index.html"]));
        Assert.True(File.Exists(site["native/papers/glubokoe-obuchenie/index.html"]));
    }

    [Fact]
    public async Task BuildsTheFeedsSitemapAndJsonLdOfAHostedSiteByteForByteAsTheJitBuildDoes()
    {
        using var site = new TempFolder().WithDefaultSite();
        var result = await SiteGenProcess.RunExecutableAsync(Executable, "build", "--root", site.Path, "--output", site["native"],
            "--setting", "Host=papers.example.org", "--setting", "LinkRoot=/repo/");
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path, site["jit"],
            Settings: [new("CachePath", site["jit-cache"]), new("Host", "papers.example.org"), new("LinkRoot", "/repo/")]));

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(site["native/feed.xml"]) && File.Exists(site["native/sitemap.xml"]));
        TempFolder.AssertSameFiles(TempFolder.Snapshot(site["jit"]), TempFolder.Snapshot(site["native"]));
    }

    [Fact]
    public async Task ReportsBrokenFrontMatterAsOneLineWithExitCodeOne()
    {
        using var site = new TempFolder().WithDefaultSite();
        site.Write("input/papers/x.md", "---\ntitle: [unclosed\n---\nBody.\n");
        var result = await SiteGenProcess.RunExecutableAsync(Executable, "build", "--root", site.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"^input/papers/x\.md:\d+:\d+: error: ", result.StandardError.Trim());
        Assert.DoesNotContain("   at ", result.StandardError);
    }
}

/// <summary>The native executable, published once for the tests that use it.</summary>
public sealed class NativeExecutable : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public string Path => _folder["publish/sitegen"];

    public async Task InitializeAsync()
    {
        var publish = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = TestPaths.RepositoryRoot,
        };
        foreach (var arg in new[] { "publish", "src/SiteGen", "-c", "Release", "-o", _folder["publish"] })
        {
            publish.ArgumentList.Add(arg);
        }
        using var process = Process.Start(publish)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        Assert.True(process.ExitCode == 0, $"dotnet publish failed:\n{await output}\n{await errors}");
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

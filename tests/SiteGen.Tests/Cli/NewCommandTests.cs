using System.Text.Json;
using SiteGen.Site;
using SiteGen.Tests.Site;

namespace SiteGen.Tests.Cli;

/// <summary>
/// <c>sitegen new</c> makes a site that builds as it is, strict, with the built-in theme; it refuses a folder that is not
/// empty unless --force, and never overwrites a file.
/// </summary>
public sealed class NewCommandTests
{
    private static readonly string[] SiteFiles =
    [
        ".config/dotnet-tools.json", ".github/workflows/pages.yml", ".gitignore", "input/about.md",
        "input/listings/hf/daily_papers-2025-06-09.json", "input/tags.yml", "statiq.json",
    ];

    [Fact]
    public async Task ANewSiteHasItsFilesAndBuildsStrictIntoTheSamplesPapers()
    {
        using var folder = new TempFolder();
        var site = folder["my-papers"];

        var made = await SiteGenProcess.RunAsync("new", site);

        Assert.Equal(0, made.ExitCode);
        Assert.Equal(SiteFiles, TempFolder.Snapshot(site).Keys);
        Assert.All(SiteFiles, f => Assert.Contains($"created {site}/{f}", made.StandardOutput, StringComparison.Ordinal));
        Assert.EndsWith($"Made a site in {site}: 7 files written. Next: cd {site} && sitegen preview\n", made.StandardOutput, StringComparison.Ordinal);

        var built = await SiteGenProcess.RunAsync("build", "--root", site, "--strict");
        Assert.Equal(0, built.ExitCode);
        // The sample holds five papers of 2025-06-09 (its SOURCES.md): each has a page.
        Assert.StartsWith("Built 5 papers into ", built.StandardOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(site, "output/papers/audio-aware-large-language-models-as-judges-for-speaking-styles/index.html")));
        Assert.False(Directory.Exists(Path.Combine(site, "theme")), "the site uses the built-in theme, without a copy");
    }

    [Fact]
    public async Task TheToolManifestNamesThisVersionOfTheTool()
    {
        using var folder = new TempFolder();
        await SiteGenProcess.RunAsync("new", folder.Path);
        var version = (await SiteGenProcess.RunAsync("--version")).StandardOutput.Trim();
        // The one place the version is set, read as a person would: the program and the manifest must both say it.
        var set = System.Xml.Linq.XDocument.Load(Path.Combine(TestPaths.RepositoryRoot, "Directory.Build.props")).Descendants("Version").Single().Value;

        using var manifest = JsonDocument.Parse(File.ReadAllText(folder[".config/dotnet-tools.json"]));
        var tool = manifest.RootElement.GetProperty("tools").GetProperty("sitegen.tool");
        Assert.Equal(set, version);
        Assert.Equal(set, tool.GetProperty("version").GetString());
        Assert.Equal("sitegen", tool.GetProperty("commands")[0].GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+$", version);
    }

    [Fact]
    public async Task WithThemeTheSiteGetsACopyOfTheBuiltInThemeAndBuildsTheSameSite()
    {
        using var plain = new TempFolder();
        using var themed = new TempFolder();
        await SiteGenProcess.RunAsync("new", plain.Path);
        var made = await SiteGenProcess.RunAsync("new", themed.Path, "--theme");

        Assert.Equal(0, made.ExitCode);
        Assert.True(File.Exists(themed["theme/layouts/paper.liquid"]));
        Assert.Equal(
            Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, "theme"), "*", SearchOption.AllDirectories).Count(),
            Directory.EnumerateFiles(themed["theme"], "*", SearchOption.AllDirectories).Count());
        await SiteBuilder.BuildAsync(new BuildRequest(plain.Path));
        await SiteBuilder.BuildAsync(new BuildRequest(themed.Path));
        TempFolder.AssertSameFiles(TempFolder.Snapshot(plain["output"]), TempFolder.Snapshot(themed["output"]));
    }

    [Fact]
    public async Task AFolderThatIsNotEmptyIsRefusedAndWithForceNoFileIsOverwritten()
    {
        using var folder = new TempFolder();
        folder.Write("statiq.json", "{ \"SiteTitle\": \"Mine\" }\n");

        var refused = await SiteGenProcess.RunAsync("new", folder.Path);
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal($"error: '{folder.Path}' is not empty; choose an empty or new folder, or add --force to add the site's files that are missing (none is overwritten)\n", refused.StandardError);
        Assert.Equal(["statiq.json"], TempFolder.Snapshot(folder.Path).Keys);

        var forced = await SiteGenProcess.RunAsync("new", folder.Path, "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Contains($"kept {folder.Path}/statiq.json (it exists)", forced.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("{ \"SiteTitle\": \"Mine\" }\n", File.ReadAllText(folder["statiq.json"]));
        Assert.Equal(SiteFiles, TempFolder.Snapshot(folder.Path).Keys);
    }

    [Fact]
    public async Task AFileInsteadOfAFolderIsAUsageError()
    {
        using var folder = new TempFolder();
        folder.Write("file.txt", "x");
        var result = await SiteGenProcess.RunAsync("new", folder["file.txt"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: '{folder["file.txt"]}' is a file; name a folder for the new site\n", result.StandardError);
    }
}

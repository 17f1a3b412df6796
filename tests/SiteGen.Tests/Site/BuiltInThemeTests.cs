using SiteGen.Diagnostics;
using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>
/// The theme inside the program: a site without a theme folder builds as one with the repository's theme/ does; a file of
/// the site's theme replaces the built-in one; a ThemePaths folder that was named must exist.
/// </summary>
public sealed class BuiltInThemeTests
{
    [Fact]
    public async Task ASiteWithoutAThemeFolderBuildsAsWithTheRepositorysTheme()
    {
        using var without = new TempFolder().WithEmptySite();
        using var with = new TempFolder().WithEmptySite();
        Directory.Delete(without["theme"], recursive: true);
        foreach (var site in new[] { without, with })
        {
            site.WritePaper("one", "Diffusion Models for Fast Shape Generation");
            await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        }

        TempFolder.AssertSameFiles(TempFolder.Snapshot(with["output"]), TempFolder.Snapshot(without["output"]));
        Assert.Equal(
            Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, "theme"), "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Path.Combine(TestPaths.RepositoryRoot, "theme"), f)).Order(StringComparer.Ordinal),
            TempFolder.Snapshot(without["cache/theme"]).Keys);
    }

    [Fact]
    public async Task AFileOfTheSitesThemeReplacesTheBuiltInOneAndTheRestStaysBuiltIn()
    {
        using var site = new TempFolder().WithEmptySite();
        Directory.Delete(site["theme"], recursive: true);
        site.Write("theme/partials/site-footer.liquid", "<footer>My own footer</footer>\n");
        site.WritePaper("one", "Diffusion Models for Fast Shape Generation");

        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));

        var home = File.ReadAllText(site["output/index.html"]);
        Assert.Contains("<footer>My own footer</footer>", home, StringComparison.Ordinal);
        Assert.Contains("assets/site.css", home, StringComparison.Ordinal);
        Assert.True(File.Exists(site["output/assets/site.css"]));
    }

    [Fact]
    public async Task AThemeFolderThatIsNamedMustExist()
    {
        using var site = new TempFolder().WithEmptySite("{ \"ThemePaths\": [\"my-theme\"] }");
        var failure = await Assert.ThrowsAsync<ContentException>(() => SiteBuilder.BuildAsync(new BuildRequest(site.Path)));
        Assert.Contains("ThemePaths names 'my-theme', which is not a folder of", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABuildWritesTheBuiltInThemeOnceAndThenLeavesItAlone()
    {
        using var site = new TempFolder().WithEmptySite();
        Directory.Delete(site["theme"], recursive: true); // the built-in theme is then the only one: its footer is the one used
        site.WritePaper("one", "Diffusion Models for Fast Shape Generation");
        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));
        var times = Directory.EnumerateFiles(site["cache/theme"], "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        File.WriteAllText(site["cache/theme/partials/site-footer.liquid"], "edited in the cache\n");
        File.WriteAllText(site["cache/theme/stray.txt"], "not the theme's\n");
        site.WritePaper("two", "Reinforcement Learning from Sparse Rewards");

        await SiteBuilder.BuildAsync(new BuildRequest(site.Path));

        Assert.DoesNotContain("edited in the cache", File.ReadAllText(site["output/index.html"]), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Path.Combine(TestPaths.RepositoryRoot, "theme", "partials", "site-footer.liquid")),
            File.ReadAllBytes(site["cache/theme/partials/site-footer.liquid"]));
        Assert.False(File.Exists(site["cache/theme/stray.txt"]));
        Assert.All(times.Where(t => !t.Key.EndsWith("site-footer.liquid", StringComparison.Ordinal)),
            t => Assert.Equal(t.Value, File.GetLastWriteTimeUtc(t.Key)));
    }
}

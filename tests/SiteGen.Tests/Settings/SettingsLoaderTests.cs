using SiteGen.Diagnostics;
using SiteGen.Settings;
using SiteGen.Tests.Site;

namespace SiteGen.Tests.Settings;

public sealed class SettingsLoaderTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Fact]
    public void UsesTheDefaultsWhenThereIsNoStatiqJson()
    {
        using var site = new TempFolder();
        var settings = SettingsLoader.Load(site.Path, [], NoEnvironment, []);

        Assert.Equal("Papers", settings.SiteTitle);
        Assert.Equal("output", settings.OutputPath);
        Assert.Equal(["input"], settings.InputPaths.ToArray());
        Assert.Equal(["theme"], settings.ThemePaths.ToArray());
        Assert.Equal(50, settings.ArchivePageSize);
        Assert.Equal("/", settings.LinkRoot);
        Assert.Null(settings.Host);
        Assert.Equal(20, settings.FeedSize);
    }

    [Theory]
    [InlineData("papers.example.org", "papers.example.org")]
    [InlineData(" localhost:8080 ", "localhost:8080")]
    [InlineData("", null)]
    public void HostIsAHostNameWithAnOptionalPort(string value, string? expected)
    {
        using var site = new TempFolder();
        Assert.Equal(expected, SettingsLoader.Load(site.Path, [new("Host", value)], NoEnvironment, []).Host);
    }

    [Theory]
    [InlineData("https://papers.example.org")]
    [InlineData("papers.example.org/repo")]
    [InlineData("two words")]
    public void AHostWithASchemeOrAPathIsAMistakeThatSaysWhereThePathGoes(string value)
    {
        using var site = new TempFolder();
        var error = Assert.Throws<UsageException>(() => SettingsLoader.Load(site.Path, [new("Host", value)], NoEnvironment, []));

        Assert.Contains("host name such as", error.Message);
        Assert.Contains("LinkRoot", error.Message);
    }

    [Fact]
    public void FeedSizeIsAWholeNumberAboveZero()
    {
        using var site = new TempFolder();
        Assert.Equal(5, SettingsLoader.Load(site.Path, [new("FeedSize", "5")], NoEnvironment, []).FeedSize);
        Assert.Throws<UsageException>(() => SettingsLoader.Load(site.Path, [new("FeedSize", "0")], NoEnvironment, []));
    }

    [Fact]
    public void ReadsStatiqJsonWithCommentsThenEnvironmentThenCommandLineEachWinningOverTheLast()
    {
        using var site = new TempFolder();
        site.Write("statiq.json", """
            {
              // a comment, as Statiq allows
              "SiteTitle": "From the file",
              "ArchivePageSize": 10,
              "LinkRoot": "repo",
              "ListingCaptureYears": { "a.txt": 2024 },
            }
            """);
        var environment = new Dictionary<string, string?> { ["SITEGEN_SiteTitle"] = "From the environment", ["SITEGEN_ArchivePageSize"] = "20", ["HOST"] = "shell-host" };
        var settings = SettingsLoader.Load(site.Path, [new("ArchivePageSize", "30")], environment, []);

        Assert.Equal("From the environment", settings.SiteTitle);
        Assert.Equal(30, settings.ArchivePageSize);
        Assert.Equal("/repo/", settings.LinkRoot);
        Assert.Null(settings.Host); // a shell's HOST is not ours
        Assert.Equal(2024, settings.CaptureYearOf("a.txt"));
        Assert.Null(settings.CaptureYearOf("b.txt"));
    }

    [Fact]
    public void BrokenJsonIsAContentErrorWithLineAndColumn()
    {
        using var site = new TempFolder();
        site.Write("statiq.json", "{\n  \"SiteTitle\": \"x\"\n  \"Host\": \"y\"\n}\n");
        var error = Assert.Throws<ContentException>(() => SettingsLoader.Load(site.Path, [], NoEnvironment, []));

        Assert.Equal("statiq.json", error.Diagnostic.Path);
        Assert.Equal(3, error.Diagnostic.Line);
        Assert.Contains("not valid JSON", error.Message);
    }

    [Fact]
    public void AWrongTypeNamesTheKeyAndTheExpectedValue()
    {
        using var site = new TempFolder();
        site.Write("statiq.json", "{ \"ArchivePageSize\": \"many\" }");
        var error = Assert.Throws<ContentException>(() => SettingsLoader.Load(site.Path, [], NoEnvironment, []));

        Assert.Contains("ArchivePageSize", error.Message);
        Assert.Contains("whole number", error.Message);
    }

    [Fact]
    public void AnUnknownKeyIsAWarningThatListsTheKnownOnes()
    {
        using var site = new TempFolder();
        site.Write("statiq.json", "{\n  \"SiteTitel\": \"typo\"\n}");
        var warnings = new List<Diagnostic>();
        SettingsLoader.Load(site.Path, [], NoEnvironment, warnings);

        var warning = Assert.Single(warnings);
        Assert.StartsWith("statiq.json:2: warning: unknown setting 'SiteTitel'", warning.ToString());
        Assert.Contains("SiteTitle", warning.Message);
    }

    [Fact]
    public void AnUnknownKeyOnTheCommandLineIsAUsageError()
    {
        using var site = new TempFolder();
        Assert.Throws<UsageException>(() => SettingsLoader.Load(site.Path, [new("Nope", "1")], NoEnvironment, []));
    }
}

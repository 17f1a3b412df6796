using SiteGen.Cli;
using SiteGen.Site;
using SiteGen.Tests.Site;

namespace SiteGen.Tests.Scenarios;

/// <summary>
/// Golden site scenarios, in the style of Hugo's txtar tests: each <c>*.txtar</c> beside this file holds a site's input
/// files and what one build of it must give: output files (<c>output/...</c>), byte for byte, the warnings it reports
/// (<c>warnings</c>, a line each), or the one line it fails with (<c>error</c>), and the list of every file under output/
/// (<c>output files</c>). The repository's theme is used unless the scenario has files under <c>theme/</c>.
/// </summary>
/// <remarks>
/// <c>UPDATE_SCENARIOS=1 dotnet test --filter ScenarioTests</c> rewrites the expected files from the build (the
/// same names, in the same order); read the diff before committing it.
/// </remarks>
public sealed class ScenarioTests
{
    private static readonly string Folder = Path.Combine(TestPaths.RepositoryRoot, "tests", "SiteGen.Tests", "Scenarios");

    private static bool Update => System.Environment.GetEnvironmentVariable("UPDATE_SCENARIOS") == "1";

    public static TheoryData<string> Scenarios => [.. Directory.EnumerateFiles(Folder, "*.txtar").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task TheBuildGivesWhatTheScenarioExpects(string scenario)
    {
        var path = Path.Combine(Folder, scenario);
        var archive = Txtar.Parse(File.ReadAllText(path));
        var expected = archive.Files.Where(f => IsExpectation(f.Name)).ToList();
        Assert.NotEmpty(expected);
        using var site = new TempFolder();
        foreach (var (name, text) in archive.Files.Where(f => !IsExpectation(f.Name)))
        {
            site.Write(name, text);
        }
        if (!archive.Files.Any(f => f.Name.StartsWith("theme/", StringComparison.Ordinal)))
        {
            site.WithTheme();
        }

        string? error = null;
        var warnings = "";
        try
        {
            var summary = await SiteBuilder.BuildAsync(new BuildRequest(site.Path, Environment: new Dictionary<string, string?>()));
            warnings = string.Concat(summary.Warnings.Select(w => w + "\n"));
        }
        catch (Exception exception)
        {
            error = CommandLine.Describe(exception).Message.Replace(site.Path, "SITE", StringComparison.Ordinal) + "\n";
        }
        var actual = expected.Select(f => (f.Name, Text: f.Name switch
        {
            "error" => error ?? "(the build succeeded)\n",
            "warnings" => warnings,
            "output files" => Directory.Exists(site["output"])
                ? string.Concat(Directory.EnumerateFiles(site["output"], "*", SearchOption.AllDirectories)
                    .Select(file => Path.GetRelativePath(site["output"], file).Replace('\\', '/') + "\n").Order(StringComparer.Ordinal))
                : "(no output folder)\n",
            _ => File.Exists(site[f.Name]) ? File.ReadAllText(site[f.Name]) : "(no such file)\n",
        })).ToList();

        if (Update)
        {
            var files = archive.Files.Select(f => IsExpectation(f.Name) ? actual.First(a => a.Name == f.Name) : f).ToList();
            File.WriteAllText(path, (archive with { Files = files }).Format());
            return;
        }
        // The name in both strings, so that a failure says which file.
        Assert.All(expected.Zip(actual), pair => Assert.Equal($"-- {pair.First.Name} --\n{pair.First.Text}", $"-- {pair.Second.Name} --\n{pair.Second.Text}"));
    }

    private static bool IsExpectation(string name) => name is "error" or "warnings" or "output files" || name.StartsWith("output/", StringComparison.Ordinal);
}

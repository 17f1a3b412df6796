using SiteGen.Tests.Site;

namespace SiteGen.Tests.Cli;

/// <summary>
/// Every mistake is one line on standard error and an exit code, never a stack trace: 2 for a mistake on the command line
/// (an option, a value, a setting given there, a folder that may not be written), 1 for a mistake in the site's files.
/// </summary>
public sealed class ErrorLineTests
{
    public static TheoryData<string[]> UsageMistakes => new()
    {
        new[] { "nope" },
        new[] { "build", "--no-such-option" },
        new[] { "build", "extra-argument" },
        new[] { "build", "--output" },
        new[] { "build", "--output", "" },
        new[] { "build", "--output", "/" },
        new[] { "build", "--output", "input" },
        new[] { "build", "--setting" },
        new[] { "build", "--setting", "Key" },
        new[] { "build", "--setting", "=value" },
        new[] { "build", "--setting", "NoSuchSetting=1" },
        new[] { "build", "--setting", "ArchivePageSize=0" },
        new[] { "build", "--setting", "ArchivePageSize=many" },
        new[] { "build", "--setting", "Host=http://papers.example.org/" },
        new[] { "build", "--setting", "LinksUseHttps=maybe" },
        new[] { "build", "--setting", "OutputPath=/" },
        new[] { "build", "--setting", "CachePath=.." },
        new[] { "build", "--setting", "InputPaths=[1]" },
        new[] { "build", "--root", "/no/such/folder" },
        new[] { "build", "--lock-timeout", "soon" },
        new[] { "build", "--lock-timeout", "-1" },
        new[] { "check", "--no-such-option" },
        new[] { "check", "--setting" },
        new[] { "check", "--setting", "FeedSize=-3" },
        new[] { "check", "--root", "/no/such/folder" },
        new[] { "preview", "--port", "abc" },
        new[] { "preview", "--port", "70000" },
        new[] { "preview", "--setting", "Key" },
        new[] { "preview", "--output", "/" },
        new[] { "fetch" },
        new[] { "fetch", "--date", "yesterday" },
        new[] { "fetch", "--date", "2025-06-09", "--week", "2025-W10" },
        new[] { "fetch", "--from", "2025-06-09" },
        new[] { "fetch", "--from", "2025-06-09", "--to", "2025-06-01" },
        new[] { "fetch", "--week", "2025-W60" },
        new[] { "fetch", "--week", "0000-W01" },
        new[] { "fetch", "--month", "2025-13" },
        new[] { "fetch", "--paper", "not-an-id" },
        new[] { "fetch", "--search", " " },
        new[] { "fetch", "--date", "2025-06-09", "--api-base", "ftp://mirror" },
        new[] { "fetch", "--date", "2025-06-09", "--timeout", "0" },
        new[] { "import" },
        new[] { "import", "no-such-listing.txt" },
    };

    [Theory]
    [MemberData(nameof(UsageMistakes))]
    public async Task AUsageMistakeIsOneLineAndExitTwo(string[] args)
    {
        using var site = new TempFolder().WithEmptySite();
        site.WritePaper("one", "A Paper");
        var before = TempFolder.Snapshot(site.Path);

        var result = await SiteGenProcess.RunAsync([.. args, .. args[0] is "nope" ? Array.Empty<string>() : ["--root", site.Path]]);

        AssertOneErrorLine(result, 2);
        Assert.Equal(before.Keys, TempFolder.Snapshot(site.Path).Keys);
    }

    public static TheoryData<string, string, string> ContentMistakes => new()
    {
        { "statiq.json", "{ \"SiteTitle\": ", "statiq.json:" },
        { "statiq.json", "{ \"ArchivePageSize\": 0 }", "statiq.json" },
        { "statiq.json", "{ \"InputPaths\": [\"inptu\"] }", "statiq.json" },
        { "statiq.json", "{ \"ThemePaths\": [\"them\"] }", "statiq.json" },
        { "input/papers/bad.md", "---\ntitle: [unclosed\n---\nBody.\n", "input/papers/bad.md:" },
        { "input/papers/bad.md", "---\ntitle: A\nauthor_count: many\n---\nBody.\n", "input/papers/bad.md:" },
        { "input/papers/latin1.md", "---\ntitle: Caf\u00E9\n---\nBody.\n", "input/papers/latin1.md:2:" },
        { "input/listings/latin1.txt", "Caf\u00E9 Models\n\nAn abstract.\n", "input/listings/latin1.txt:1:" },
        { "input/about.md", "---\ntitle: About \u00E9\n---\nText.\n", "input/about.md:" },
        { "input/tags.yml", "diffusion:\n  name: [\n", "input/tags.yml:" },
        { "theme/layouts/paper.liquid", "{% if %}", "theme/layouts/paper.liquid:" },
    };

    [Theory]
    [MemberData(nameof(ContentMistakes))]
    public async Task AContentMistakeIsOneLineNamingTheFileAndExitOne(string file, string text, string named)
    {
        using var site = new TempFolder().WithEmptySite();
        site.WritePaper("one", "A Paper");
        // The latin1 cases hold an é as one byte, 0xE9: not UTF-8.
        var bytes = file.Contains("latin1", StringComparison.Ordinal) || file == "input/about.md"
            ? System.Text.Encoding.Latin1.GetBytes(text)
            : System.Text.Encoding.UTF8.GetBytes(text);
        Directory.CreateDirectory(Path.GetDirectoryName(site[file])!);
        File.WriteAllBytes(site[file], bytes);

        foreach (var command in new[] { "check", "build" })
        {
            var result = await SiteGenProcess.RunAsync(command, "--root", site.Path);

            var line = AssertOneErrorLine(result, 1);
            Assert.Contains(named, line);
        }
        Assert.False(Directory.Exists(site["output"]));
    }

    private static string AssertOneErrorLine(SiteGenProcess.Result result, int exitCode)
    {
        Assert.True(exitCode == result.ExitCode, $"exit {result.ExitCode}, not {exitCode}:\n{result.StandardError}");
        Assert.DoesNotContain("   at ", result.StandardError);
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"one line, not {lines.Length}:\n{result.StandardError}");
        Assert.Contains("error", lines[0]);
        return lines[0];
    }
}

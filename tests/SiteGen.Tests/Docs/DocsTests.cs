using System.CommandLine;
using System.CommandLine.Help;
using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Cli;
using SiteGen.Settings;

namespace SiteGen.Tests.Docs;

/// <summary>
/// The manual matches the program: every setting, command and option appears in docs/, each command's help in
/// docs/command-line.md is what the program prints, the workflow in docs/deploy.md is the one <c>sitegen new</c> writes,
/// and every relative link of README.md and docs/ leads to a file (and a heading) that exists.
/// </summary>
/// <remarks><c>UPDATE_DOCS=1 dotnet test --filter DocsTests</c> rewrites the help blocks of docs/command-line.md.</remarks>
public sealed partial class DocsTests
{
    private static readonly string Root = TestPaths.RepositoryRoot;
    private static readonly string Docs = Path.Combine(Root, "docs");

    /// <summary>The width help is wrapped at in the manual (a terminal wraps it at its own).</summary>
    private const int HelpWidth = 120;

    private static string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    [Fact]
    public void EverySettingIsInTheSettingsPageWithItsEnvironmentVariable()
    {
        var page = Read("docs/settings.md");
        Assert.All(SettingsLoader.Keys, key =>
        {
            Assert.Contains($"| `{key}` |", page, StringComparison.Ordinal);
            Assert.Contains($"`{SettingsLoader.EnvironmentPrefix}{key}`", page, StringComparison.Ordinal);
        });
        Assert.All(SettingsLoader.ProgramVariables, variable => Assert.Contains($"`{variable}=", page, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryCommandHasASectionAndEveryOptionIsInTheCommandLinePage()
    {
        var page = Read("docs/command-line.md");
        var root = CommandLine.CreateRoot();
        Assert.All(root.Subcommands, command =>
        {
            Assert.Contains($"## `sitegen {command.Name}`", page, StringComparison.Ordinal);
            Assert.All(command.Options.Where(o => o is not HelpOption), option =>
                Assert.All(option.Aliases.Append(option.Name), name => Assert.Contains(name, page, StringComparison.Ordinal)));
        });
    }

    [Fact]
    public void TheHelpOfEachCommandInTheManualIsWhatTheProgramPrints()
    {
        var path = Path.Combine(Docs, "command-line.md");
        var page = File.ReadAllText(path);
        var root = CommandLine.CreateRoot();
        string[] commands = ["", .. root.Subcommands.Select(c => c.Name)];
        var updated = page;
        foreach (var command in commands)
        {
            var marker = $"<!-- help: sitegen{(command.Length == 0 ? "" : " " + command)} -->\n```text\n";
            var start = page.IndexOf(marker, StringComparison.Ordinal);
            Assert.True(start >= 0, $"docs/command-line.md has no help block for 'sitegen {command}' (a line '{marker.Split('\n')[0]}' then a text block)");
            var bodyStart = start + marker.Length;
            var end = page.IndexOf("```\n", bodyStart, StringComparison.Ordinal);
            var expected = Help(command);
            if (System.Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
            {
                updated = updated.Replace(page[start..end], marker + expected, StringComparison.Ordinal);
                continue;
            }
            Assert.Equal(expected, page[bodyStart..end]);
        }
        if (updated != page)
        {
            File.WriteAllText(path, updated);
        }
    }

    /// <summary>What <c>sitegen [command] --help</c> prints, wrapped at <see cref="HelpWidth"/>, without trailing spaces.</summary>
    private static string Help(string command)
    {
        var root = CommandLine.CreateRoot();
        var help = root.Options.OfType<HelpOption>().Single();
        ((HelpAction)help.Action!).MaxWidth = HelpWidth;
        var output = new StringWriter();
        root.Parse(command.Length == 0 ? ["--help"] : [command, "--help"]).Invoke(new InvocationConfiguration { Output = output });
        // The usage line names the running executable: the test host here, sitegen for a user.
        var text = output.ToString().Replace(RootCommand.ExecutableName, "sitegen", StringComparison.Ordinal);
        var lines = text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Select(l => l.TrimEnd());
        return string.Join('\n', lines) + "\n";
    }

    [Fact]
    public void TheWorkflowInTheDeployPageIsTheOneANewSiteGets()
    {
        var page = Read("docs/deploy.md");
        var workflow = Read("src/SiteGen/Scaffold/site/dot-github/workflows/pages.yml");
        Assert.Contains($"```yaml\n{workflow}```\n", page, StringComparison.Ordinal);
    }

    public static TheoryData<string> Pages => [.. Directory.EnumerateFiles(Docs, "*.md").Select(f => Path.GetRelativePath(Root, f)).Append("README.md").Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Pages))]
    public void EveryRelativeLinkLeadsToAFileAndHeadingThatExist(string page)
    {
        var text = Read(page);
        var folder = Path.GetDirectoryName(Path.Combine(Root, page))!;
        var links = Link().Matches(WithoutCode(text)).Select(m => m.Groups["target"].Value)
            .Where(t => !t.Contains("://", StringComparison.Ordinal) && !t.StartsWith("mailto:", StringComparison.Ordinal))
            .ToList();
        Assert.All(links, target =>
        {
            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var (file, anchor) = hash < 0 ? (target, null) : (target[..hash], target[(hash + 1)..]);
            var path = file.Length == 0 ? Path.Combine(Root, page) : Path.GetFullPath(Path.Combine(folder, file));
            Assert.True(File.Exists(path) || Directory.Exists(path), $"{page}: the link '{target}' leads to nothing");
            Assert.True(path.StartsWith(Root, StringComparison.Ordinal), $"{page}: the link '{target}' leaves the repository");
            if (anchor is not null)
            {
                Assert.True(Anchors(File.ReadAllText(path)).Contains(anchor), $"{page}: the link '{target}' names a heading that {file} does not have");
            }
        });
    }

    [Fact]
    public void TheReadmeIsAFrontDoorOfAtMostTenKilobytes() =>
        Assert.InRange(new FileInfo(Path.Combine(Root, "README.md")).Length, 1_000, 10 * 1024);

    [Theory]
    [MemberData(nameof(Pages))]
    public void TheManualSpeaksOfTheProjectOnly(string page)
    {
        var text = Read(page);
        Assert.DoesNotMatch(@"\.\./shared|\bissues?\b", text);
    }

    /// <summary>The text without fenced code blocks and inline code, where brackets are not links.</summary>
    private static string WithoutCode(string markdown) => InlineCode().Replace(FencedCode().Replace(markdown, ""), "");

    /// <summary>The anchors GitHub gives a page's headings: lowercase, punctuation dropped, spaces as hyphens.</summary>
    private static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match heading in Heading().Matches(FencedCode().Replace(markdown, "")))
        {
            var slug = new StringBuilder();
            foreach (var c in heading.Groups["text"].Value.ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(c) || c is '-' or '_')
                {
                    slug.Append(c);
                }
                else if (c == ' ')
                {
                    slug.Append('-');
                }
            }
            var anchor = slug.ToString();
            for (var n = 1; !anchors.Add(anchor); n++)
            {
                anchor = $"{slug}-{n}";
            }
        }
        return anchors;
    }

    [GeneratedRegex(@"!?\[[^\]]*\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#{1,6} +(?<text>.+?) *$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedCode();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();
}

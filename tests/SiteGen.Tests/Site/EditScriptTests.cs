using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SiteGen.Diagnostics;
using SiteGen.Engine;
using SiteGen.Site;
using Xunit.Abstractions;

namespace SiteGen.Tests.Site;

/// <summary>
/// Generated edit scripts on a site of about 1,000 papers (the default site's listings and about 860 hand-written pages):
/// after every step the build runs in verify mode (<see cref="ReuseCheck"/>), which builds the same input cold and fails
/// on any byte that differs. Scripts mix small edits with bulk ones (more than a sixteenth of the papers, where reuse
/// gives way to doing it all again), broken edits and their fixes, and builds killed half way. Run in one session, as
/// the preview builds, and as new processes do, from what cache/ and the output folder hold.
/// </summary>
/// <remarks>EDIT_SCRIPTS=N runs N scripts per case instead of the default few (CI runs more).</remarks>
public sealed class EditScriptTests(ITestOutputHelper log)
{
    private const int GeneratedPapers = 860;

    private static readonly int Scripts =
        int.TryParse(System.Environment.GetEnvironmentVariable("EDIT_SCRIPTS"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 3;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AnyEditScriptEndsEachStepAsAColdBuildOfTheSameInputWould(bool inOneSession)
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(Scripts).WithQuietOnSuccess(true);
        Prop.ForAll(Arb.From(EditScript.Steps, EditScript.Shrink), steps => Run(steps, inOneSession)).Check(config);
    }

    /// <summary>
    /// A session's build killed at each of its first changes on disk, then built by a new session: every kill point the
    /// generated scripts may hit, each time. (A session commits once its build has returned, beside the next edit: what the
    /// commit saves must outlive the build's own method.)
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void ASessionsBuildKilledAtAnyOfItsFirstChangesEndsAsAColdBuildWould(int failAt) =>
        Assert.True(Run([new Step(EditKind.Killed, Pick: failAt - 1, Seed: 6469)], inOneSession: true));

    private bool Run(Step[] steps, bool inOneSession)
    {
        log.WriteLine($"{(inOneSession ? "one session" : "new processes")}: {string.Join(", ", steps.Select(s => s.ToString()))}");
        using var site = new TempFolder().WithDefaultSite();
        site.Write("statiq.json", File.ReadAllText(site["statiq.json"]).Replace("\"SiteTitle\": \"Papers\",", "\"SiteTitle\": \"Papers\", \"Host\": \"papers.example.org\","));
        var papers = new List<string>();
        for (var i = 0; i < GeneratedPapers; i++)
        {
            papers.Add(EditScript.WritePaper(site, $"p{i:D4}", i));
        }
        var session = inOneSession ? new BuildSession() : null;
        Build(site, session).GetAwaiter().GetResult();

        foreach (var step in steps)
        {
            switch (step.Kind)
            {
                case EditKind.Broken:
                    var broken = site[$"input/papers/{papers[step.Pick % papers.Count]}.md"];
                    var text = File.ReadAllText(broken);
                    var before = TempFolder.Snapshot(site["output"]);
                    File.WriteAllText(broken, text.Replace("title:", "title: [unclosed", StringComparison.Ordinal));
                    var failure = Assert.ThrowsAnyAsync<Exception>(() => Build(site, session)).GetAwaiter().GetResult();
                    Assert.True(failure is ContentException or PipelineFailedException { InnerException: ContentException }, failure.ToString());
                    TempFolder.AssertSameFiles(before, TempFolder.Snapshot(site["output"]));
                    File.WriteAllText(broken, text);
                    break;
                case EditKind.Killed:
                    // A process killed at that change on disk makes no other: the undo fails as everything after it would. A
                    // retitle's build makes more than 8 changes (its pages, the lists, the journal, the manifest), so it is hit.
                    var files = new FailingFileOperations(failAt: 1 + step.Pick % 8, persistent: true);
                    EditScript.Apply(site, papers, step with { Kind = EditKind.Retitle });
                    try
                    {
                        Build(site, session, files, verify: false).GetAwaiter().GetResult();
                    }
                    catch (Exception e) when (files.Failed && e is IOException or PipelineFailedException { InnerException: IOException })
                    {
                    }
                    Assert.True(files.Failed, $"the build was not stopped: it made {files.Count} changes, fewer than {files.FailAt}");
                    session = inOneSession ? new BuildSession() : null;
                    break;
                default:
                    EditScript.Apply(site, papers, step);
                    break;
            }
            Build(site, session).GetAwaiter().GetResult();
        }
        return true;
    }

    private static Task<BuildSummary> Build(TempFolder site, BuildSession? session, FileOperations? files = null, bool verify = true) =>
        SiteBuilder.BuildAsync(new BuildRequest(site.Path, Session: session, Files: files,
            Environment: new Dictionary<string, string?> { [ReuseCheck.Variable] = verify ? "1" : null }));
}

internal enum EditKind { Add, Remove, Retitle, Redate, Retag, Bulk, EditListing, Vocabulary, Setting, Template, Broken, Killed }

/// <summary>One edit of a script: what, and numbers that choose where and how.</summary>
internal sealed record Step(EditKind Kind, int Pick, int Seed)
{
    public override string ToString() => $"{Kind}({Pick},{Seed})";
}

internal static class EditScript
{
    private static readonly string[] Adjectives = ["Scalable", "Efficient", "Robust", "Sparse", "Adaptive", "Causal", "Latent", "Compact", "Unified", "Noisy"];
    private static readonly string[] Subjects = ["Diffusion Models", "Language Models", "Graph Networks", "Vision Transformers", "Reward Models", "Retrieval", "Agents", "Speech Encoders"];
    private static readonly string[] Purposes = ["for Video Generation", "for Code", "under Distribution Shift", "at Scale", "without Labels", "for Robotics", "in Medicine"];
    private static readonly string[] Tags = ["zz-alpha", "zz-beta", "reinforcement-learning", "diffusion-models", "zz-gamma", "large-language-models"];
    private static readonly string[] Templates = ["theme/partials/site-footer.liquid", "theme/partials/paper-card.liquid", "theme/layouts/paper.liquid", "theme/layouts/tag.liquid"];

    /// <summary>Scripts of 2 to 6 steps; every kind of edit is as likely as the others.</summary>
    public static Gen<Step[]> Steps =>
        Gen.Elements(Enum.GetValues<EditKind>())
            .SelectMany(kind => Gen.Choose(0, 100_000).SelectMany(pick => Gen.Choose(0, 100_000).Select(seed => new Step(kind, pick, seed))))
            .ArrayOf()
            .Where(steps => steps.Length is >= 2 and <= 6);

    /// <summary>Shorter scripts first, so a failure is reported with the fewest steps that show it.</summary>
    public static IEnumerable<Step[]> Shrink(Step[] steps) =>
        Enumerable.Range(0, steps.Length).Select(skip => steps.Where((_, i) => i != skip).ToArray()).Where(s => s.Length > 0);

    public static string Title(int seed) =>
        $"{Adjectives[seed % Adjectives.Length]} {Subjects[seed / 10 % Subjects.Length]} {Purposes[seed / 80 % Purposes.Length]} {seed / 560}";

    /// <summary>A hand-written page with a title, date, tags and a short abstract made from <paramref name="seed"/>.</summary>
    public static string WritePaper(TempFolder site, string name, int seed, string? title = null, string? date = null, string? tags = null)
    {
        var published = date ?? new DateOnly(2019, 1, 1).AddDays(seed * 7 % 2900).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        site.Write($"input/papers/{name}.md",
            $"---\ntitle: \"{title ?? Title(seed)}\"\npublished: {published}\nauthor_count: {1 + seed % 9}\n" +
            $"tags: [{tags ?? Tags[seed % Tags.Length]}]\n---\nWe study {Subjects[seed % Subjects.Length].ToLowerInvariant()} {Purposes[seed % Purposes.Length]} (paper {seed}).\n");
        return name;
    }

    public static void Apply(TempFolder site, List<string> papers, Step step)
    {
        string Pick(int offset = 0) => papers[(step.Pick + offset) % papers.Count];
        int SeedOf(string name) => int.Parse(name.AsSpan(1), CultureInfo.InvariantCulture);
        switch (step.Kind)
        {
            case EditKind.Add:
                papers.Add(WritePaper(site, $"n{step.Seed:D6}", step.Seed));
                break;
            case EditKind.Remove:
                var removed = Pick();
                File.Delete(site[$"input/papers/{removed}.md"]);
                papers.Remove(removed);
                break;
            case EditKind.Retitle:
                WritePaper(site, Pick(), SeedOf(Pick()), title: Title(step.Seed) + " Revisited");
                break;
            case EditKind.Redate:
                WritePaper(site, Pick(), SeedOf(Pick()), date: new DateOnly(2018, 1, 1).AddDays(step.Seed % 3300).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case EditKind.Retag:
                WritePaper(site, Pick(), SeedOf(Pick()), tags: $"{Tags[step.Seed % Tags.Length]}, {Tags[step.Seed / 7 % Tags.Length]}");
                break;
            case EditKind.Bulk:
                // More than a sixteenth of the papers: past every threshold where a step mends its last result.
                for (var i = 0; i < 70 + step.Seed % 60; i++)
                {
                    WritePaper(site, Pick(i * 13), SeedOf(Pick(i * 13)), tags: Tags[(step.Seed + i) % Tags.Length], title: Title(step.Seed + i));
                }
                break;
            case EditKind.EditListing:
                var listing = site["input/listings/001_c65d2d98e23c96f3.txt"];
                var lines = File.ReadAllLines(listing);
                var at = Array.FindIndex(lines, step.Pick % lines.Length, l => l.Length > 80);
                if (at >= 0)
                {
                    lines[at] = lines[at].Replace(" the ", $" the {Adjectives[step.Seed % Adjectives.Length].ToLowerInvariant()} ", StringComparison.Ordinal);
                }
                File.WriteAllLines(listing, lines);
                break;
            case EditKind.Vocabulary when step.Seed % 2 == 0:
                File.AppendAllText(site["input/tags.yml"],
                    $"\nzz-term-{step.Seed}:\n  name: Term {step.Seed}\n  match: [{Subjects[step.Seed % Subjects.Length].ToLowerInvariant()}]\n");
                break;
            case EditKind.Vocabulary:
                // A tag the generated papers have, renamed: no paper's tags change, only what every page that shows it calls it.
                var tags = File.ReadAllText(site["input/tags.yml"]);
                var name = tags.IndexOf("\n  name: ", tags.IndexOf("\ndiffusion-models:", StringComparison.Ordinal), StringComparison.Ordinal) + "\n  name: ".Length;
                site.Write("input/tags.yml", tags.Insert(tags.IndexOf('\n', name), $" {step.Seed}"));
                break;
            case EditKind.Setting:
                var settings = File.ReadAllText(site["statiq.json"]);
                site.Write("statiq.json", step.Seed % 2 == 0
                    ? System.Text.RegularExpressions.Regex.Replace(settings, "\"ArchivePageSize\": \\d+", $"\"ArchivePageSize\": {10 + step.Seed % 50}")
                    : System.Text.RegularExpressions.Regex.Replace(settings, "\"SiteTitle\": \"[^\"]*\"", $"\"SiteTitle\": \"Papers {step.Seed}\""));
                break;
            case EditKind.Template:
                File.AppendAllText(site[Templates[step.Pick % Templates.Length]], $"<!-- edit {step.Seed} -->\n");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step.Kind, "handled by the test");
        }
    }
}

using System.Globalization;
using SiteGen.Listings;
using SiteGen.Site;
using YamlDotNet.RepresentationModel;
using Xunit.Abstractions;

namespace SiteGen.Tests.Captures;

/// <summary>
/// Every real capture of the corpus (<c>Corpus/*/</c>, each with its source in its folder's SOURCES.md) reads as exactly
/// the papers its golden file lists, written by a person reading the capture: no paper missing, none made of the page's
/// chrome, and every field the capture shows, the same; no field the golden leaves out.
/// </summary>
public sealed class CaptureCorpusTests(ITestOutputHelper log)
{
    private static readonly string Corpus = Path.Combine(TestPaths.RepositoryRoot, "tests", "SiteGen.Tests", "Captures", "Corpus");

    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Corpus, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".expected.yml", StringComparison.Ordinal) && Path.GetFileName(f) != "SOURCES.md")
            .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Corpus, file).Replace('\\', '/'));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void ACaptureReadsAsTheGoldenFileSays(string capture)
    {
        var path = Path.Combine(Corpus, capture);
        var result = CaptureReader.Read(capture, SourceText.Decode(File.ReadAllBytes(path), capture));
        var golden = Golden(path + ".expected.yml");
        log.WriteLine($"{capture}: {result.Entries.Length} papers, format {result.Format}, page {result.PageKind}");
        foreach (var warning in result.Warnings)
        {
            log.WriteLine(warning.ToString());
        }

        Assert.Equal(golden.Page, result.PageKind);
        Assert.Equal(golden.Papers.Select(p => p["title"]), result.Entries.Select(e => e.Title));
        for (var i = 0; i < golden.Papers.Count; i++)
        {
            AssertPaper(golden.Papers[i], result.Entries[i], golden.CaptureDate);
        }
    }

    private static void AssertPaper(Dictionary<string, object> expected, ListingEntry actual, DateOnly? captureDate)
    {
        var title = actual.Title;
        string? Text(string key) => expected.TryGetValue(key, out var value) ? (string)value : null;
        int? Number(string key) => Text(key) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
        string List(string key) => expected.TryGetValue(key, out var value) ? string.Join(" | ", (List<string>)value) : "";
        Assert.Equal((title, Text("arxiv")), (title, actual.Arxiv));
        Assert.Equal((title, List("authors")), (title, string.Join(" | ", actual.Authors.IsDefault ? [] : actual.Authors)));
        Assert.Equal((title, Number("author_count")), (title, actual.Authors.IsDefaultOrEmpty ? actual.AuthorCount : actual.Authors.Length));
        Assert.Equal((title, Text("organization")), (title, actual.Organization));
        Assert.Equal((title, Number("upvotes")), (title, actual.Upvotes));
        Assert.Equal((title, Number("comments")), (title, actual.Comments));
        Assert.Equal((title, Number("github_stars")), (title, actual.GithubStars));
        Assert.Equal((title, Text("summary")), (title, actual.Summary));
        Assert.Equal((title, List("keywords")), (title, string.Join(" | ", actual.Keywords.IsDefault ? [] : actual.Keywords)));
        AssertSameText(title, "abstract", Collapse(Text("abstract") ?? ""), Collapse(actual.Abstract));
        var links = expected.TryGetValue("links", out var map) ? (Dictionary<string, string>)map : [];
        Assert.Equal((title, links.GetValueOrDefault("code")), (title, actual.CodeUrl));
        Assert.Equal((title, links.GetValueOrDefault("project")), (title, actual.ProjectUrl));
        Assert.Equal((title, DateOf(Text("published"), captureDate)), (title, actual.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.Equal((title, DateOf(Text("submitted"), captureDate)), (title, actual.Submitted?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    private static void AssertSameText(string title, string field, string expected, string actual)
    {
        if (expected == actual)
        {
            return;
        }
        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
        {
            at++;
        }
        string Around(string text) => text.Substring(Math.Max(0, at - 40), Math.Min(text.Length - Math.Max(0, at - 40), 100));
        Assert.Fail($"{title}: {field} differs at {at}:\n  expected ...{Around(expected)}...\n  actual   ...{Around(actual)}...");
    }

    /// <summary>
    /// A golden date as the reader gives it: full, or month and day (<c>--05-30</c>) in the capture's year when it says; a
    /// year-less date in a capture that does not say stays as the golden writes it, which no reader's date equals.
    /// </summary>
    private static string? DateOf(string? golden, DateOnly? captureDate) =>
        golden is null ? null
        : golden.StartsWith("--", StringComparison.Ordinal) && captureDate is { } captured ? $"{captured.Year:D4}-{golden[2..]}"
        : golden;

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private sealed record GoldenFile(DateOnly? CaptureDate, string? Page, List<Dictionary<string, object>> Papers);

    private static GoldenFile Golden(string path)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(path)));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        DateOnly? captureDate = root.Children.TryGetValue(new YamlScalarNode("capture_date"), out var date)
            ? DateOnly.ParseExact(((YamlScalarNode)date).Value!, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
        var papers = new List<Dictionary<string, object>>();
        if (root.Children.TryGetValue(new YamlScalarNode("papers"), out var list) && list is YamlSequenceNode sequence)
        {
            foreach (var paper in sequence.Children.Cast<YamlMappingNode>())
            {
                papers.Add(paper.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => Plain(p.Value)));
            }
        }
        var page = root.Children.TryGetValue(new YamlScalarNode("page"), out var kind) ? ((YamlScalarNode)kind).Value : null;
        return new GoldenFile(captureDate, page == "none" ? null : page, papers);
    }

    private static object Plain(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? "",
        YamlSequenceNode sequence => sequence.Children.Select(c => ((YamlScalarNode)c).Value ?? "").ToList(),
        YamlMappingNode mapping => mapping.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value ?? ""),
        _ => "",
    };
}

using System.Globalization;
using System.Text.Json;
using SiteGen.Papers;

namespace SiteGen.Benchmarks.Generation;

/// <summary>
/// <c>generate-api --count N --seed S --out DIR --pages DIR</c>: the same N papers twice, as the Hugging Face API's JSON (one
/// <c>daily_papers-*.json</c> of 50 a day in <c>input/listings/hf/</c>, with names, ids, upvotes and keywords) and as
/// YAML-fronted pages (<c>input/papers/*.md</c> with the same fields), so a build of each can be timed side by side.
/// Synthetic: for the benchmark only.
/// </summary>
internal static class ApiSiteWriter
{
    private const int PerDay = 50;

    public static int Run(IReadOnlyList<string> args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        if (Value("--count") is not { } countText || !int.TryParse(countText, CultureInfo.InvariantCulture, out var count) || Value("--out") is not { } api || Value("--pages") is not { } pages)
        {
            Console.Error.WriteLine("usage: generate-api --count N [--seed S] --out DIR --pages DIR");
            return 2;
        }
        var seed = int.TryParse(Value("--seed"), CultureInfo.InvariantCulture, out var s) ? s : 42;
        var plan = SitePlan.Create(count, seed, SeedCorpus.Load(RepositoryPaths.SeedListings), new Tags.TagMatcher(Tags.TagVocabulary.Empty));
        var random = new Random(seed);
        var papers = plan.Papers.Select((p, i) => Paper(p, i, IdOf(i), $"daily_papers-{new DateOnly(2024, 1, 1).AddDays(i / PerDay):yyyy-MM-dd}.json", random)).ToArray();
        foreach (var folder in new[] { api, pages })
        {
            FileTree.Write(folder, "statiq.json", "{ \"SiteTitle\": \"Papers\", \"Host\": \"papers.example.org\" }\n");
            FileTree.Write(folder, Path.Combine("input", "tags.yml"), File.ReadAllText(RepositoryPaths.Tags));
            FileTree.CopyFolder(RepositoryPaths.Theme, Path.Combine(folder, "theme"));
        }
        for (var day = 0; day * PerDay < papers.Length; day++)
        {
            var date = new DateOnly(2024, 1, 1).AddDays(day);
            var items = papers.Skip(day * PerDay).Take(PerDay).ToArray();
            FileTree.Write(api, Path.Combine("input", "listings", "hf", $"daily_papers-{date:yyyy-MM-dd}.json"), Json(items, date));
        }
        foreach (var paper in papers)
        {
            FileTree.Write(pages, Path.Combine("input", "papers", paper.Slug + ".md"), FrontMatter.Write(paper));
        }
        Console.WriteLine($"{papers.Length} papers: {api} (API JSON, {(papers.Length + PerDay - 1) / PerDay} days), {pages} (YAML-fronted pages)");
        return 0;
    }

    private static string IdOf(int index) => string.Create(CultureInfo.InvariantCulture, $"24{index / 99_999 % 100:D2}.{index % 99_999 + 1:D5}");

    /// <summary>Generated paper number <paramref name="index"/> as the API gives it: arXiv id <paramref name="id"/>, from the day's file <paramref name="source"/>.</summary>
    internal static Paper Paper(SyntheticPaper synthetic, int index, string id, string source, Random random)
    {
        var authors = Enumerable.Range(1, synthetic.AuthorCount ?? 3).Select(n => $"Author {(char)('A' + n % 26)}. Number{index % 97}-{n}").ToArray();
        return new Paper
        {
            Title = synthetic.Title,
            Slug = synthetic.Slug,
            Arxiv = id,
            Authors = [.. authors],
            AuthorCount = authors.Length,
            Published = synthetic.Published ?? new DateOnly(2024, 1, 1),
            Upvotes = random.Next(0, 200),
            Comments = synthetic.Comments ?? 0,
            Keywords = [.. synthetic.Abstract.Split(' ').Where(w => w.Length > 8).Take(6).Distinct(StringComparer.Ordinal)],
            Links = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
            {
                ["arxiv"] = ArxivId.AbsUrl(id),
                ["pdf"] = ArxivId.PdfUrl(id),
            }),
            Sources = [source],
            Body = synthetic.Body,
        };
    }

    /// <summary>The day's file of the API (<c>daily_papers</c>) for <paramref name="papers"/>.</summary>
    internal static string Json(Paper[] papers, DateOnly date)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var paper in papers)
            {
                json.WriteStartObject();
                json.WriteStartObject("paper");
                json.WriteString("id", paper.Arxiv);
                json.WriteStartArray("authors");
                foreach (var name in paper.Authors)
                {
                    json.WriteStartObject();
                    json.WriteString("name", name);
                    json.WriteBoolean("hidden", false);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteString("publishedAt", $"{paper.Published:yyyy-MM-dd}T12:00:00.000Z");
                json.WriteString("title", paper.Title);
                json.WriteString("summary", Markdig.Markdown.ToPlainText(paper.Body).Trim());
                json.WriteNumber("upvotes", paper.Upvotes ?? 0);
                json.WriteStartArray("ai_keywords");
                foreach (var keyword in paper.Keywords)
                {
                    json.WriteStringValue(keyword);
                }
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteString("publishedAt", $"{date:yyyy-MM-dd}T08:00:00.000Z");
                json.WriteNumber("numComments", paper.Comments ?? 0);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}

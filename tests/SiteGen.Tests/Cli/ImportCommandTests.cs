using System.Text.Json;
using System.Text.Json.Nodes;
using SiteGen.Site;
using SiteGen.Tests.Site;

namespace SiteGen.Tests.Cli;

/// <summary><c>sitegen import FILE...</c> as a user runs it: pages written once, curated pages kept, one-line errors.</summary>
public sealed class ImportCommandTests
{
    private const string StackTraceMarker = "   at ";

    [Fact]
    public async Task ImportingTheListingsThenBuildingGivesTheSamePapersAsBuildingWithTheListings()
    {
        using var fromListings = new TempFolder().WithDefaultSite();
        using var imported = new TempFolder().WithDefaultSite();
        var listings = MoveListingsOutOfInput(imported);

        var result = await SiteGenProcess.RunAsync(["import", "--root", imported.Path, .. listings]);
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(Directory.EnumerateFiles(imported["input/listings"]));

        await SiteBuilder.BuildAsync(new BuildRequest(fromListings.Path, fromListings["output"], Strict: true));
        await SiteBuilder.BuildAsync(new BuildRequest(imported.Path, imported["output"], Strict: true));

        // Each page is byte for byte what the build serves at /papers/{slug}.md, tags of tags.yml included.
        var served = Directory.EnumerateFiles(fromListings["output/papers"], "*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        var written = Directory.EnumerateFiles(imported["input/papers"], "*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(served, written);
        Assert.Equal(138, written.Length);
        Assert.All(written, name => Assert.Equal(File.ReadAllText(fromListings["output/papers/" + name]), File.ReadAllText(imported["input/papers/" + name])));
        Assert.Contains(written, name => File.ReadAllText(imported["input/papers/" + name]).Contains("tags: [", StringComparison.Ordinal));

        // The built papers are the same, in the same order; a hand-written page only adds its own file to `sources`.
        Assert.Equal(PapersJsonWithoutOwnPage(fromListings["output/papers.json"]), PapersJsonWithoutOwnPage(imported["output/papers.json"]));
        Assert.Equal(File.ReadAllText(fromListings["output/index.html"]), File.ReadAllText(imported["output/index.html"]));
    }

    [Fact]
    public async Task ACuratedPageIsKeptAndNamedUnlessForced()
    {
        using var site = new TempFolder().WithDefaultSite();
        var listings = MoveListingsOutOfInput(site);
        Assert.Equal(0, (await SiteGenProcess.RunAsync(["import", "--root", site.Path, .. listings])).ExitCode);
        const string page = "input/papers/unleashing-vecset-diffusion-model-for-fast-shape-generation.md";
        var curated = File.ReadAllText(site[page]).Replace("tags: [", "tags: [hand-picked, ", StringComparison.Ordinal);
        File.WriteAllText(site[page], curated);

        var again = await SiteGenProcess.RunAsync(["import", "--root", site.Path, .. listings]);

        Assert.Equal(0, again.ExitCode);
        Assert.Equal(curated, File.ReadAllText(site[page]));
        Assert.Contains("kept ", again.StandardOutput);
        Assert.Contains("unleashing-vecset-diffusion-model-for-fast-shape-generation.md (it exists; --force overwrites it)", again.StandardOutput);
        Assert.Contains("Imported 138 papers from 2 listings: 0 written, 138 kept", again.StandardOutput);

        var forced = await SiteGenProcess.RunAsync(["import", "--root", site.Path, "--force", .. listings]);

        Assert.Equal(0, forced.ExitCode);
        Assert.DoesNotContain("hand-picked", File.ReadAllText(site[page]));
        Assert.Contains("overwrote ", forced.StandardOutput);
        Assert.Contains("138 written, 0 kept", forced.StandardOutput);
    }

    [Fact]
    public async Task ANewPaperIsWrittenBesideKeptOnes()
    {
        using var site = new TempFolder().WithDefaultSite();
        site.Write("new.txt", "A Brand New Paper\n\nIts abstract.\n\n  • 3 authors\n·\nJan 5, 2026\n");
        site.Write("input/papers/a-brand-new-paper.md", "---\ntitle: \"A Brand New Paper\"\n---\nMine.\n");
        site.Write("other.txt", "Another New Paper\n\nIts abstract.\n\n  • 2 authors\n·\nJan 6, 2026\n");

        var result = await SiteGenProcess.RunAsync("import", "--root", site.Path, site["new.txt"], site["other.txt"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("---\ntitle: \"A Brand New Paper\"\n---\nMine.\n", File.ReadAllText(site["input/papers/a-brand-new-paper.md"]));
        Assert.Equal(
            "---\ntitle: \"Another New Paper\"\nslug: another-new-paper\nauthor_count: 2\npublished: 2026-01-06\nsources: [other.txt]\n---\nIts abstract.\n",
            File.ReadAllText(site["input/papers/another-new-paper.md"]));
        Assert.Contains("1 written, 1 kept", result.StandardOutput);
    }

    [Fact]
    public async Task CaptureYearGivesTheYearToDatesWithoutOne()
    {
        using var site = new TempFolder().WithDefaultSite();
        site.Write("yearless.txt", "A Paper Without Its Year\n\nAn abstract of the paper.\n\n  • 2 authors\n·\nMar 3 7\n");

        var without = await SiteGenProcess.RunAsync("import", "--root", site.Path, site["yearless.txt"]);
        Assert.Equal(0, without.ExitCode);
        Assert.Contains("yearless.txt:7: warning:", without.StandardError);
        Assert.DoesNotContain("published:", File.ReadAllText(site["input/papers/a-paper-without-its-year.md"]));

        var with = await SiteGenProcess.RunAsync("import", "--root", site.Path, "--force", "--capture-year", "2024", site["yearless.txt"]);
        Assert.Equal(0, with.ExitCode);
        Assert.Equal("", with.StandardError);
        Assert.Contains("published: 2024-03-03\ncomments: 7\n", File.ReadAllText(site["input/papers/a-paper-without-its-year.md"]));
    }

    [Fact]
    public async Task AListingThatIsNotUtf8IsOneErrorLineAtItsBadByteAndNothingIsWritten()
    {
        using var site = new TempFolder().WithDefaultSite();
        site.Write("good.txt", "A Good Paper\n\nIts abstract.\n");
        File.WriteAllBytes(site["bad.txt"], [.. "Title\n\nabc "u8, 0xFF, .. " def\n"u8]);

        var result = await SiteGenProcess.RunAsync("import", "--root", site.Path, site["good.txt"], site["bad.txt"]);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"{site["bad.txt"]}:3:5: error: is not UTF-8 text (byte 0xFF); save it again as UTF-8, which browsers and editors do by default", line);
        Assert.Empty(Directory.EnumerateFiles(site["input/papers"], "*.md"));
    }

    [Theory]
    [InlineData]
    [InlineData("no-such-listing.txt")]
    [InlineData("--capture-year", "twenty", "x.txt")]
    [InlineData("--capture-year", "0", "x.txt")]
    [InlineData("--no-such-option", "x.txt")]
    public async Task MisuseExitsWithTwoAndNoStackTrace(params string[] args)
    {
        using var site = new TempFolder().WithDefaultSite();
        site.Write("x.txt", "A Paper\n\nIts abstract.\n");
        var result = await SiteGenProcess.RunAsync(["import", "--root", site.Path, .. args.Select(a => a.EndsWith(".txt", StringComparison.Ordinal) ? site[a] : a)]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error:", result.StandardError);
        Assert.DoesNotContain(StackTraceMarker, result.StandardError);
        Assert.Empty(Directory.EnumerateFiles(site["input/papers"], "*.md"));
    }

    [Fact]
    public async Task HelpExplainsTheImportOptions()
    {
        var result = await SiteGenProcess.RunAsync("import", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "FILE", "--root", "--force", "--capture-year" })
        {
            Assert.Contains(option, result.StandardOutput);
        }
    }

    /// <summary>Moves the site's listings to a folder beside input/, as a person's downloads; returns their paths.</summary>
    private static string[] MoveListingsOutOfInput(TempFolder site)
    {
        Directory.CreateDirectory(site["downloads"]);
        foreach (var file in Directory.EnumerateFiles(site["input/listings"]))
        {
            File.Move(file, Path.Combine(site["downloads"], Path.GetFileName(file)));
        }
        return [.. Directory.EnumerateFiles(site["downloads"]).Order(StringComparer.Ordinal)];
    }

    /// <summary>papers.json with each paper's own page (slug.md) left out of its sources.</summary>
    private static string PapersJsonWithoutOwnPage(string path)
    {
        var papers = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
        foreach (var paper in papers)
        {
            var sources = paper!["sources"]!.AsArray();
            var own = sources.FirstOrDefault(s => s!.GetValue<string>() == paper["slug"]!.GetValue<string>() + ".md");
            if (own is not null)
            {
                sources.Remove(own);
            }
        }
        return papers.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}

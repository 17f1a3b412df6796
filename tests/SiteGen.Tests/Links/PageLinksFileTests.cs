using SiteGen.Links;
using SiteGen.Site;
using SiteGen.Tests.Site;

namespace SiteGen.Tests.Links;

public sealed class PageLinksFileTests
{
    private static PageLinkTable Table() => new(
        new Dictionary<string, PageLinks>(StringComparer.Ordinal)
        {
            ["papers/b/index.html"] = new(7, ["../../tags/a/", "../a/", "https://arxiv.org/abs/1"]),
            ["index.html"] = new(ulong.MaxValue, ["tags/a/", "papers/b/", "café/ü.html", "../up.html"]),
            ["tags/a/index.html"] = new(0, []),
        },
        new Dictionary<string, PageResult>(StringComparer.Ordinal)
        {
            ["papers/b/index.html"] = new(2, [], ReachesOther: true),
            ["index.html"] = new(4, [new("index.html", "café/ü.html", "café/ü.html", false, 1), new("index.html", "../up.html", "../up.html", true, 1)], false),
            ["tags/a/index.html"] = new(0, [], false),
        },
        Files: 0x0123456789abcdef);

    /// <summary>A table as text, to compare two: its files, then each page with its links and what they came to.</summary>
    private static string Show(PageLinkTable table) =>
        $"{table.Files:x16}\n" + string.Join('\n', table.Pages.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
            $"{p.Key} {p.Value.Inputs} [{string.Join(' ', p.Value.Links)}] {table.Results![p.Key].Links} {table.Results[p.Key].ReachesOther} " +
            string.Join(' ', table.Results[p.Key].Broken.Select(b => b.ToString()))));

    [Fact]
    public void ATableReadsBackAsItWasWritten()
    {
        using var folder = new TempFolder();
        var path = folder["x.links"];
        PageLinksFile.Write(FileOperations.Disk, path, Table());

        var read = PageLinksFile.Read(path);

        Assert.NotNull(read);
        Assert.Equal(Show(Table()), Show(read));
        // Each href is one string, whichever pages have it: the link check resolves it once by that string.
        var hrefs = read.Pages.Values.SelectMany(p => p.Links).ToArray();
        Assert.Equal(hrefs.Distinct(StringComparer.Ordinal).Count(), hrefs.Distinct(ReferenceEqualityComparer.Instance).Count());
    }

    [Fact]
    public void APagesPathIsTheManifestsStringForItWhenTheManifestListsThePage()
    {
        using var folder = new TempFolder();
        var path = folder["x.links"];
        PageLinksFile.Write(FileOperations.Disk, path, Table());
        // Made at run time, so that none is the literal the table was written from.
        var known = new[] { "index.html", "papers/b/index.html" }.Select(p => new string(p.AsSpan()))
            .ToDictionary(p => p, _ => FileStamp.Unknown, StringComparer.Ordinal);

        var read = PageLinksFile.Read(path, known);

        Assert.NotNull(read);
        Assert.Equal(Show(Table()), Show(read));
        foreach (var page in read.Pages.Keys)
        {
            Assert.Equal(known.TryGetValue(page, out _), known.Keys.Any(k => ReferenceEquals(k, page)));
        }
        Assert.Equal(2, read.Pages.Keys.Count(page => known.Keys.Any(k => ReferenceEquals(k, page))));
    }

    /// <summary>The table <paramref name="read"/> with one page rendered again (other links) and one page added.</summary>
    private static PageLinkTable Edited(PageLinkTable read)
    {
        var pages = new Dictionary<string, PageLinks>(read.Pages, StringComparer.Ordinal)
        {
            ["papers/b/index.html"] = new(8, ["../../tags/a/", "../c/"]),
            ["papers/c/index.html"] = new(9, ["../new-0/", "../b/"]),
        };
        var results = new Dictionary<string, PageResult>(read.Results!, StringComparer.Ordinal)
        {
            ["papers/b/index.html"] = new(2, [new("papers/b/index.html", "../c/", "papers/c", false, 1)], false),
            ["papers/c/index.html"] = new(2, [], false),
        };
        return new PageLinkTable(pages, results, 42);
    }

    /// <summary><paramref name="table"/> written to <paramref name="path"/> (keeping the numbers of <paramref name="last"/>), then read back.</summary>
    private static PageLinkTable WrittenAndRead(string path, PageLinkTable table, PageLinkTable? last = null)
    {
        PageLinksFile.Write(FileOperations.Disk, path, table, last);
        var read = PageLinksFile.Read(path);
        Assert.NotNull(read);
        return read;
    }

    /// <summary><paramref name="table"/> with one more page, which has <paramref name="links"/> and came to <paramref name="result"/>.</summary>
    private static PageLinkTable WithPage(PageLinkTable table, string page, PageLinks links, PageResult result, bool alone = false) => table with
    {
        Pages = new Dictionary<string, PageLinks>(alone ? [] : table.Pages, StringComparer.Ordinal) { [page] = links },
        Results = new Dictionary<string, PageResult>(alone ? [] : table.Results!, StringComparer.Ordinal) { [page] = result },
    };

    /// <summary>The hrefs a file lists, in its order (as the pages' numbers index them).</summary>
    private static string[] HrefsOf(PageLinkTable table) => [.. table.Hrefs!];

    [Fact]
    public void WrittenAgainAFileKeepsTheNumbersOfThePagesKeptAndAddsTheNewHrefsAfterTheLastOnes()
    {
        using var folder = new TempFolder();
        var path = folder["x.links"];
        // A page with twenty hrefs of its own, so that the four the edit brings are under a quarter of the list.
        var hrefs = Enumerable.Range(0, 20).Select(i => $"../../tags/t{i}/").ToArray();
        var read = WrittenAndRead(path, WithPage(Table(), "tags/index.html", new(3, hrefs), new(20, [], false)));
        var edited = Edited(read);

        var again = WrittenAndRead(path, edited, read);

        Assert.Equal(Show(edited), Show(again));
        // The last file's hrefs first, as they were, even those no page links to now ("../a/"); then those the rendered
        // pages brought that it lacks.
        Assert.Equal([.. HrefsOf(read), "../c/", "../new-0/", "../b/"], HrefsOf(again));
        Assert.Equal(read.Pages["index.html"].Numbers(), again.Pages["index.html"].Numbers());
        Assert.Equal(read.Pages["tags/index.html"].Numbers(), again.Pages["tags/index.html"].Numbers());
    }

    [Theory]
    [InlineData("many hrefs unused")]
    [InlineData("a page removed")]
    public void WrittenAgainAFileNumbersEveryLinkAnewWhenKeepingWouldNotPay(string why)
    {
        using var folder = new TempFolder();
        var path = folder["x.links"];
        var read = WrittenAndRead(path, Table());
        var edited = why == "a page removed"
            ? read with { Pages = read.Pages.Where(p => p.Key != "papers/b/index.html").ToDictionary(StringComparer.Ordinal) }
            : Edited(read); // two of seven hrefs no longer linked to: more than a quarter (the removed page's three, likewise)

        var again = WrittenAndRead(path, edited, read);

        Assert.Equal(Show(edited), Show(again));
        // Numbered anew: each href once, and only those the pages have.
        var linked = edited.Pages.Values.SelectMany(p => p.Links).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        Assert.Equal(linked, HrefsOf(again).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LinksWhoseNumbersAreAnotherFilesAreLookedUpByTheirText()
    {
        using var folder = new TempFolder();
        var path = folder["x.links"];
        var read = WrittenAndRead(path, Table());
        // The last file numbers hrefs otherwise, and its pages are other objects: the pages' numbers are not its.
        var other = WrittenAndRead(folder["other.links"], WithPage(Table(), "a.html", new(1, ["https://arxiv.org/abs/1", "../up.html"]), new(1, [], false), alone: true));
        var last = other with { Pages = read.Pages.ToDictionary(p => p.Key, p => new PageLinks(p.Value.Inputs, p.Value.Links), StringComparer.Ordinal) };

        var again = WrittenAndRead(path, read, last);

        Assert.Equal(Show(read), Show(again));
    }

    [Theory]
    [InlineData("cut")]
    [InlineData("longer")]
    [InlineData("huge count")]
    [InlineData("json")]
    [InlineData("empty")]
    [InlineData("not UTF-8")]
    public void AFileThatDoesNotReadWholeIsNone(string damage)
    {
        using var folder = new TempFolder();
        var path = folder["x.links"];
        PageLinksFile.Write(FileOperations.Disk, path, Table());
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, damage switch
        {
            "cut" => bytes[..^3],
            "longer" => [.. bytes, 0],
            // The count of hrefs, just after the header, made larger than the file.
            "huge count" => [.. bytes[..(bytes[0] + 1)], 0xff, 0xff, 0xff, 0xff, 0x07, .. bytes[(bytes[0] + 2)..]],
            "json" => """{"Strings":["a"],"Pages":[{"Page":"index.html","Inputs":1,"Links":[0]}]}"""u8.ToArray(),
            // The first byte of "é" in an href (0xC3 0xA9) made one that UTF-8 never has: the file has no checksum, so only
            // the check of the hrefs' text can tell.
            "not UTF-8" => [.. bytes[..Array.IndexOf(bytes, (byte)0xC3)], 0xFF, .. bytes[(Array.IndexOf(bytes, (byte)0xC3) + 1)..]],
            _ => [],
        });

        Assert.Null(PageLinksFile.Read(path));
    }
}

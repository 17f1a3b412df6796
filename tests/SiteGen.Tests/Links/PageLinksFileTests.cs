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

    [Theory]
    [InlineData("cut")]
    [InlineData("longer")]
    [InlineData("huge count")]
    [InlineData("json")]
    [InlineData("empty")]
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
            _ => [],
        });

        Assert.Null(PageLinksFile.Read(path));
    }
}

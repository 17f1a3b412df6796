using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>The manifest's own format: a header with the build's key and the count, then one line per file, by path.</summary>
public sealed class ManifestFileTests
{
    private static readonly BuildKey Key = new(0x1, 0xabc, 0xffffffffffffffff);

    [Fact]
    public void LinesAreSortedByPathAfterAHeaderThatCountsThem()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "output-x.manifest");
        ManifestFile.Write(FileOperations.Disk, path, Key, ManifestFile.Sorted(new Dictionary<string, FileStamp>
        {
            ["tags/b/index.html"] = new(0x10, 0x2f, 120),
            ["index.html"] = new(0xfedcba9876543210, 0, 0),
            ["Tags/a.html"] = new(0x1, 0x1, 7),
        }));

        // Ordinal order: upper case before lower case.
        Assert.Equal(
            [
                "sitegen manifest 2 program=0000000000000001 settings=0000000000000abc theme=ffffffffffffffff files=3",
                "0000000000000001 0000000000000001 7 Tags/a.html",
                "fedcba9876543210 0000000000000000 0 index.html",
                "0000000000000010 000000000000002f 120 tags/b/index.html",
            ],
            File.ReadAllLines(path));
    }

    [Fact]
    public void WhatIsWrittenReadsBackWholeWithALongPathAsItWas()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "output-x.manifest");
        var longPath = "papers/" + new string('a', 300) + "/index.html";
        var stamps = new Dictionary<string, FileStamp>
        {
            [longPath] = new(0x0123456789abcdef, 0x42, long.MaxValue),
            ["papers/ü/index.html"] = new(2, 3, 4),
        };
        ManifestFile.Write(FileOperations.Disk, path, Key, ManifestFile.Sorted(stamps));

        var read = ManifestFile.Read(path);

        Assert.Equal(ManifestState.Whole, read.State);
        Assert.Equal(Key, read.Key);
        Assert.Equal(stamps.OrderBy(s => s.Key, StringComparer.Ordinal), read.Files.OrderBy(s => s.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void TheLastManifestsOrderIsTakenOnlyWhenItListsTheSameFilesRisingByPath()
    {
        var stamps = new Dictionary<string, FileStamp>
        {
            ["tags/b/index.html"] = new(1, 1, 1),
            ["index.html"] = new(2, 2, 2),
            ["Tags/a.html"] = new(3, 3, 3),
        };
        string[] sorted = ["Tags/a.html", "index.html", "tags/b/index.html"];

        // Each case: the last manifest's paths, in its order; the result is the same, in path order, whatever they are.
        string[][] lasts =
        [
            sorted,                                              // the same files: taken as they are
            ["index.html", "Tags/a.html", "tags/b/index.html"],  // not rising: sorted again
            ["Tags/a.html", "index.html"],                       // a file fewer
            ["Tags/a.html", "index.html", "tags/b/index.html", "tags/c/index.html"], // one more
            ["Tags/a.html", "index.html", "tags/c/index.html"],  // another
            ["Tags/a.html", "Tags/a.html", "index.html"],        // one twice
        ];
        foreach (var last in lasts)
        {
            Assert.Equal(sorted.Select(path => new KeyValuePair<string, FileStamp>(path, stamps[path])), ManifestFile.Sorted(stamps, last));
        }
    }
}

using FsCheck.Xunit;
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

    /// <summary>The key a build can learn before it reads the whole manifest (whether the last build's pages can stand): its header's.</summary>
    [Fact]
    public void TheKeyIsReadFromTheHeaderAloneAndIsNoneWithoutOne()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "output-x.manifest");
        Assert.Null(ManifestFile.KeyOf(path));

        ManifestFile.Write(FileOperations.Disk, path, Key, ManifestFile.Sorted(new Dictionary<string, FileStamp> { ["index.html"] = new(1, 2, 3) }));
        Assert.Equal(Key, ManifestFile.KeyOf(path));
        Assert.Equal(1, ManifestFile.CountOf(path));

        File.WriteAllText(path, "0000000000000001 0000000000000001 7 index.html\n"); // an older SiteGen's: no header
        Assert.Null(ManifestFile.KeyOf(path));
        Assert.Equal(0, ManifestFile.CountOf(path));
    }

    /// <summary>
    /// A build's entries are ordered from the last manifest's paths with its new files merged in: whatever the last build
    /// left (files gone, files added, at any place), the order is the order of a sort by path.
    /// </summary>
    [Property(MaxTest = 300)]
    public bool TheOrderFromTheLastManifestIsTheOrderOfASort(string[] made, string[] before, bool[] keep)
    {
        var stamps = (made ?? []).Where(path => path is not null).Distinct().Select((path, i) => (path, i))
            .ToDictionary(entry => entry.path, entry => new FileStamp((ulong)entry.i, 0, entry.i), StringComparer.Ordinal);
        // The last manifest: some of this build's files and some others, rising by path as a manifest is.
        var paths = stamps.Keys.Where((_, i) => keep is { Length: > 0 } && keep[i % keep.Length])
            .Concat((before ?? []).Where(path => path is not null))
            .Distinct().Order(StringComparer.Ordinal).ToArray();

        var expected = stamps.OrderBy(entry => entry.Key, StringComparer.Ordinal);
        // The files the build made anew, as it tells them: those the last manifest does not list; and, as a caller could
        // get them wrong, with one left out or one it lists, which must still give the order of a sort.
        var added = stamps.Keys.Except(paths, StringComparer.Ordinal).ToArray();
        string[][] told = [added, added.Skip(1).ToArray(), [.. added, .. paths.Where(stamps.ContainsKey).Take(1)]];
        return told.All(t => ManifestFile.Sorted(stamps, paths, t).SequenceEqual(expected));
    }

    [Fact]
    public void TheLastManifestsOrderIsTakenOnlyWhereItRisesByPath()
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
            ["Tags/a.html", "index.html"],                       // a file fewer: the new one merged in
            ["index.html"],                                      // two fewer, one before and one after it
            [],                                                  // none
            ["Tags/a.html", "index.html", "tags/b/index.html", "tags/c/index.html"], // one more
            ["Tags/a.html", "index.html", "tags/c/index.html"],  // another
            ["Tags/a.html", "Tags/a.html", "index.html"],        // one twice
        ];
        foreach (var last in lasts)
        {
            var added = stamps.Keys.Except(last, StringComparer.Ordinal).ToArray();
            Assert.Equal(sorted.Select(path => new KeyValuePair<string, FileStamp>(path, stamps[path])), ManifestFile.Sorted(stamps, last, added));
        }
    }
}

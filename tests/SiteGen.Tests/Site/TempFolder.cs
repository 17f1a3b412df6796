namespace SiteGen.Tests.Site;

/// <summary>A scratch folder, deleted with the test.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(Scratch, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    /// <summary>
    /// Where tests build sites: a tmpfs when the machine has a writable one (/dev/shm), else the system temp folder. The
    /// tests make and remove tens of thousands of small files; on a virtual machine's disk that is most of their time.
    /// </summary>
    private static readonly string Scratch = System.IO.Path.Combine(
        OperatingSystem.IsLinux() && IsWritableFolder("/dev/shm") ? "/dev/shm" : System.IO.Path.GetTempPath(), "sitegen-tests");

    private static bool IsWritableFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(System.IO.Path.Combine(folder, "sitegen-tests"));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public string Path { get; }

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine: the OS cleans the temp folder.
        }
    }

    /// <summary>Copies the repository's default site (statiq.json, input/, theme/) here, to change it freely.</summary>
    public TempFolder WithDefaultSite()
    {
        File.Copy(System.IO.Path.Combine(TestPaths.RepositoryRoot, "statiq.json"), this["statiq.json"]);
        CopyFolder(System.IO.Path.Combine(TestPaths.RepositoryRoot, "input"), this["input"]);
        CopyFolder(System.IO.Path.Combine(TestPaths.RepositoryRoot, "theme"), this["theme"]);
        return this;
    }

    /// <summary>The repository's theme and tag vocabulary, and no papers: a small site for tests that build it many times.</summary>
    public TempFolder WithEmptySite(string settings = "{ \"SiteTitle\": \"Test papers\" }")
    {
        File.WriteAllText(this["statiq.json"], settings);
        CopyFolder(System.IO.Path.Combine(TestPaths.RepositoryRoot, "theme"), this["theme"]);
        Directory.CreateDirectory(this["input"]);
        File.Copy(System.IO.Path.Combine(TestPaths.RepositoryRoot, "input", "tags.yml"), this["input/tags.yml"]);
        return this;
    }

    /// <summary>The repository's theme, copied to theme/.</summary>
    public TempFolder WithTheme()
    {
        CopyFolder(System.IO.Path.Combine(TestPaths.RepositoryRoot, "theme"), this["theme"]);
        return this;
    }

    /// <summary>A hand-written paper, input/papers/{name}.md.</summary>
    public void WritePaper(string name, string title, string published = "2025-03-20", string body = "An abstract about diffusion models.") =>
        Write($"input/papers/{name}.md", $"---\ntitle: \"{title}\"\npublished: {published}\n---\n{body}\n");

    public void Write(string relative, string text)
    {
        var full = this[relative];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    /// <summary>Every file under <paramref name="folder"/> with its bytes, to compare two outputs exactly.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string folder)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            files[System.IO.Path.GetRelativePath(folder, file).Replace('\\', '/')] = File.ReadAllBytes(file);
        }
        return files;
    }

    /// <summary>A check writes nothing but the built-in theme's files, in theme/ of the cache folder (or nothing at all).</summary>
    public static void AssertOnlyTheBuiltInThemeIn(string cache)
    {
        var entries = Directory.Exists(cache) ? Directory.EnumerateFileSystemEntries(cache).Select(System.IO.Path.GetFileName).ToList() : [];
        Assert.True(entries is [] or ["theme"], $"the cache folder holds {string.Join(", ", entries)}");
    }

    /// <summary>Both snapshots hold the same files with the same bytes (names the first file that differs).</summary>
    public static void AssertSameFiles(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.All(expected, file => Assert.True(file.Value.AsSpan().SequenceEqual(actual[file.Key]), file.Key));
    }

    /// <summary>
    /// Builds this site cold, with <paramref name="settings"/>, into an output and cache folder of its own, and asserts that
    /// this site's output holds the same files with the same bytes; returns this site's output.
    /// </summary>
    public async Task<SortedDictionary<string, byte[]>> AssertSameAsAColdBuild(params KeyValuePair<string, string>[] settings)
    {
        using var cold = new TempFolder();
        await SiteGen.Site.SiteBuilder.BuildAsync(new SiteGen.Site.BuildRequest(Path, cold["output"], Settings: [new("CachePath", cold["cache"]), .. settings]));
        var output = Snapshot(this["output"]);
        AssertSameFiles(Snapshot(cold["output"]), output);
        return output;
    }

    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

using System.Text;
using SiteGen.Engine;
using SiteGen.Modules;
using SiteGen.Site;
using SiteGen.Tests.Site;

namespace SiteGen.Tests.Modules;

/// <summary>
/// Where each line of the last papers.json is, kept in the cache's store by the fingerprint of its paper: the next process
/// finds a line there as long as the file holds it as it was written.
/// </summary>
public sealed class PapersJsonLinesTests
{
    private static readonly string[] Lines = ["{\"title\":\"A\",\"abstract\":\"naïve\"}", "{\"title\":\"B\"}", "{\"title\":\"C\"}"];

    [Fact]
    public void TheNextProcessFindsEachPapersLineInTheLastFile()
    {
        using var folder = new TempFolder();
        Keep(folder, [11, 0, 33]);

        using (var lines = Open(folder)!)
        {
            Assert.Equal(Lines[2], Find(lines, 33));
            Assert.Equal(Lines[0], Find(lines, 11)); // before the last one found: read again
            Assert.Null(Find(lines, 22)); // no such paper
            Assert.Null(Find(lines, 0)); // a paper with no fingerprint is never found
        }

        // The file changed by hand, each line as long as it was: the changed line is not found, the others are.
        File.WriteAllText(folder["papers.json"], File.ReadAllText(folder["papers.json"]).Replace("\"C\"", "\"D\"", StringComparison.Ordinal));
        using (var lines = Open(folder)!)
        {
            Assert.Null(Find(lines, 33));
            Assert.Equal(Lines[0], Find(lines, 11));
        }

        File.Delete(folder["papers.json"]);
        Assert.Null(Open(folder));
    }

    /// <summary>papers.json of <see cref="Lines"/> and where each is, by the fingerprints given, as a build keeps them.</summary>
    private static void Keep(TempFolder folder, ulong[] fingerprints)
    {
        var written = new PapersJsonLines.Written(Lines.Length);
        var offset = 2L;
        for (var i = 0; i < Lines.Length; i++)
        {
            written.Add(fingerprints[i], offset, Encoding.UTF8.GetBytes(Lines[i]));
            offset += Encoding.UTF8.GetByteCount(Lines[i]) + (i < Lines.Length - 1 ? 2 : 1);
        }
        using (var store = DocumentStore.Open(folder["documents"], 1, FileOperations.Disk))
        {
            written.Keep(new DocumentCache { Store = store });
            store.Save();
        }
        File.WriteAllText(folder["papers.json"], "[\n" + string.Join(",\n", Lines) + "\n]\n");
    }

    private static PapersJsonLines? Open(TempFolder folder)
    {
        using var store = DocumentStore.Open(folder["documents"], 1, FileOperations.Disk);
        return PapersJsonLines.Open(new DocumentCache { Store = store }, folder["papers.json"]);
    }

    private static string? Find(PapersJsonLines lines, ulong fingerprint) =>
        lines.TryFind(fingerprint, out var line, out _) ? Encoding.UTF8.GetString(line) : null;
}

using System.Text;
using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>A path read back from the store is the last manifest's string for it while a build has it set, and reads as written either way.</summary>
public sealed class KnownPathsTests
{
    private static BinaryReader Written(params string[] texts)
    {
        var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            foreach (var text in texts)
            {
                writer.Write(text);
            }
        }
        stream.Position = 0;
        return new BinaryReader(stream, Encoding.UTF8);
    }

    [Fact]
    public void APathTheLastManifestNamesIsItsStringAndAnyOtherTextIsReadAsWritten()
    {
        using var folder = new TempFolder();
        var manifest = folder["cache/output.manifest"];
        Directory.CreateDirectory(folder["cache"]);
        var first = new OutputFolder(folder["output"], manifest);
        first.Write("papers/a/index.html", "a"u8);
        first.Write("papers/a.md", "m"u8);
        first.Commit();
        var output = new OutputFolder(folder["output"], manifest);
        var files = output.LastBuild!.Files;
        var unknown = new string('é', 300) + "/index.html";
        // Made at run time, so that none is the manifest's own string.
        using var reader = Written(new string("papers/a/index.html".AsSpan()), new string("papers/a.md".AsSpan()), "papers/b/index.html", unknown,
            new string("papers/a.md".AsSpan()));

        using (KnownPaths.During(output))
        {
            var page = KnownPaths.Read(reader);
            var markdown = KnownPaths.Read(reader);

            Assert.Same(files.Keys.Single(k => k == "papers/a/index.html"), page);
            Assert.Same(files.Keys.Single(k => k == "papers/a.md"), markdown);
            Assert.Equal("papers/b/index.html", KnownPaths.Read(reader));
            Assert.Equal(unknown, KnownPaths.Read(reader));
        }
        var after = KnownPaths.Read(reader);
        Assert.Equal("papers/a.md", after);
        Assert.NotSame(files.Keys.Single(k => k == "papers/a.md"), after);
    }
}

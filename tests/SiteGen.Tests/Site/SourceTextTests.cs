using System.IO.Hashing;
using SiteGen.Diagnostics;
using SiteGen.Engine;
using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>An input file as a keyed document: known by its bytes' hash at once, decoded only when read.</summary>
public sealed class SourceTextTests
{
    [Fact]
    public void AKeyedFileIsKnownByItsBytesAndReadAsTextWhenAsked()
    {
        using var site = new TempFolder();
        var bytes = "\uFEFFA title\nAn abstract \u00E9.\n"u8.ToArray();
        File.WriteAllBytes(site["listing.txt"], bytes);

        var document = SourceText.Keyed(site["listing.txt"], "input/listing.txt");

        Assert.Equal(XxHash128.HashToUInt128(bytes), document.ContentKey);
        Assert.Equal("input/listing.txt", document.Source);
        Assert.Equal("A title\nAn abstract \u00E9.\n", document.Content); // the byte-order mark dropped
    }

    [Fact]
    public void AFileThatChangedAfterItsKeyWasTakenIsAnErrorWhenReadAndItsOwnBytesAgainAreNot()
    {
        using var site = new TempFolder();
        File.WriteAllText(site["a.md"], "first");
        var changed = SourceText.Keyed(site["a.md"], "input/papers/a.md");
        var restored = SourceText.Keyed(site["a.md"], "input/papers/a.md");

        File.WriteAllText(site["a.md"], "second");
        var error = Assert.Throws<ContentException>(() => changed.Content);
        Assert.Equal("input/papers/a.md: error: changed while the site was being built; build again", error.Message);

        File.WriteAllText(site["a.md"], "first");
        Assert.Equal("first", restored.Content);
    }

    [Fact]
    public void AFileThatIsNotUtf8IsAnErrorAtItsFirstBadByteWhenRead()
    {
        using var site = new TempFolder();
        File.WriteAllBytes(site["latin1.txt"], System.Text.Encoding.Latin1.GetBytes("Caf\u00E9\n"));

        var document = SourceText.Keyed(site["latin1.txt"], "input/listings/latin1.txt");

        var error = Assert.Throws<ContentException>(() => document.Content);
        Assert.StartsWith("input/listings/latin1.txt:1:4: error: is not UTF-8 text (byte 0xE9)", error.Message);
    }

    [Fact]
    public void AFileWhoseLengthAndTimeTheLastProcessSawIsKnownByTheHashItLeftUntilItsTimeChanges()
    {
        using var site = new TempFolder();
        var path = site["a.md"];
        var settled = DateTime.UtcNow.AddMinutes(-5);
        void Write(string text, DateTime time)
        {
            File.WriteAllText(path, text);
            File.SetLastWriteTimeUtc(path, time);
        }
        Document KeyedInANewProcess(bool verify = false)
        {
            using var store = DocumentStore.Open(site["store"], 1, FileOperations.Disk);
            var info = new FileInfo(path);
            var document = SourceText.Keyed(new FoundFile(path, info.LastWriteTimeUtc, info.Length), "input/papers/a.md",
                new DocumentCache { Store = store, Verify = verify });
            store.Save();
            return document;
        }
        Write("first", settled);
        Assert.Equal(XxHash128.HashToUInt128("first"u8), KeyedInANewProcess().ContentKey);

        // Other bytes of the same length under the same time: the file is not read, and the last process's hash stands
        // for it, as the up-to-date check's stamp would. Read, it says so and how to make SiteGen see the change.
        Write("other", settled);
        var unread = KeyedInANewProcess();
        Assert.Equal(XxHash128.HashToUInt128("first"u8), unread.ContentKey);
        var error = Assert.Throws<ContentException>(() => unread.Content);
        Assert.Contains("its bytes changed since the last build, but not its time or length", error.Message, StringComparison.Ordinal);
        // Verify mode reads it, and finds what was reused is not what it makes.
        Assert.Throws<StoredWorkMismatchException>(() => KeyedInANewProcess(verify: true));

        // Touched, it is read again.
        Write("other", settled.AddSeconds(1));
        Assert.Equal(XxHash128.HashToUInt128("other"u8), KeyedInANewProcess().ContentKey);
        Assert.Equal("other", KeyedInANewProcess().Content);
    }

    [Fact]
    public void AFileWhoseTimeIsNotSettledIsReadEveryTimeAndLeavesNoHash()
    {
        using var site = new TempFolder();
        var path = site["a.md"];
        var now = DateTime.UtcNow;
        Document KeyedInANewProcess()
        {
            using var store = DocumentStore.Open(site["store"], 1, FileOperations.Disk);
            var document = SourceText.Keyed(new FoundFile(path, now, new FileInfo(path).Length), "input/papers/a.md", new DocumentCache { Store = store });
            store.Save();
            return document;
        }

        // Two writes of one length within the file system's clock step can share a time: the second must still be seen.
        File.WriteAllText(path, "first");
        File.SetLastWriteTimeUtc(path, now);
        Assert.Equal(XxHash128.HashToUInt128("first"u8), KeyedInANewProcess().ContentKey);
        File.WriteAllText(path, "again");
        File.SetLastWriteTimeUtc(path, now);
        Assert.Equal(XxHash128.HashToUInt128("again"u8), KeyedInANewProcess().ContentKey);
    }
}

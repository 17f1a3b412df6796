using System.IO.Hashing;
using SiteGen.Diagnostics;
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
}

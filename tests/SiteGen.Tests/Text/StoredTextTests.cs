using System.Text;
using SiteGen.Tests.Site;
using SiteGen.Text;

namespace SiteGen.Tests.Text;

/// <summary>A text kept as the store's UTF-8 reads, writes, measures and hashes as the string it stands for.</summary>
public sealed class StoredTextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("plain ASCII")]
    [InlineData("naïve café, Ærø, ∑ x², 中文")]
    [InlineData("an emoji 😀 and a combining e\u0301")]
    [InlineData("a lone surrogate \ud800 in the middle")] // written as U+FFFD, as BinaryWriter writes every string
    public void ATextReadAsItsBytesIsTheTextWrittenAndWritesTheSameBytes(string text)
    {
        var bytes = Written(writer => StoredText.Write(writer, text));

        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        var stored = StoredText.Read(reader);
        var expected = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));

        Assert.Equal(bytes.Length, reader.BaseStream.Position);
        Assert.Equal(expected.Length, stored.Length);
        Assert.Equal(StoredText.HashOf(null, expected), StoredText.HashOf(stored, ""));
        Assert.False(stored.Decoded);
        Assert.Equal(bytes, Written(stored.Write));
        Assert.Equal(expected, stored.Text);
        Assert.True(stored.Decoded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain ASCII")]
    [InlineData("naïve café, Ærø, ∑ x², 中文")]
    [InlineData("an emoji 😀 and a combining e\u0301")]
    [InlineData("a lone surrogate \ud800 in the middle")]
    public void ATextKeptInAFileReadsWritesMeasuresAndHashesAsTheStoresBytesDoAndIsNeverHeldAsAString(string text)
    {
        using var folder = new TempFolder();
        using var file = TextFile.Create(folder["texts"]);
        var bytes = Written(writer => StoredText.Write(writer, text));
        var inMemory = StoredText.Read(new BinaryReader(new MemoryStream(bytes), Encoding.UTF8));

        file.Keep("something before it, so that it does not start the file");
        var kept = file.Keep(text);

        Assert.Equal(inMemory.Text, kept.Text);
        Assert.Equal(inMemory.Length, kept.Length);
        Assert.Equal(StoredText.HashOf(inMemory, ""), StoredText.HashOf(kept, ""));
        Assert.Equal(bytes, Written(kept.Write));
        Assert.Equal(inMemory.Bytes(), kept.Bytes());
        Assert.False(kept.Decoded);
    }

    [Fact]
    public void TextsKeptFromManyThreadsAtOnceEachReadBackAsThemselves()
    {
        using var folder = new TempFolder();
        using var file = TextFile.Create(folder["texts"]);
        var texts = Enumerable.Range(0, 2000).Select(i => $"text {i} " + new string('x', i % 300)).ToArray();
        var kept = new StoredText[texts.Length];

        Parallel.For(0, texts.Length, i => kept[i] = file.Keep(texts[i]));

        Assert.Equal(texts, kept.Select(k => k.Text));
    }

    [Fact]
    public void TheFileIsGoneOnceClosedAndOneAKilledBuildLeftIsReplaced()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["texts"], "left by a build that was killed");

        using (var file = TextFile.Create(folder["texts"]))
        {
            Assert.Equal("new", file.Keep("new").Text);
            Assert.Equal(3, new FileInfo(folder["texts"]).Length);
        }

        Assert.False(File.Exists(folder["texts"]));
    }

    [Fact]
    public void APapersAbstractKeptInTheFileReadsAsItWasAndAPaperWithoutAFileIsLeftAsItIs()
    {
        using var folder = new TempFolder();
        using var file = TextFile.Create(folder["texts"]);
        var paper = new SiteGen.Papers.Paper { Title = "A paper", Slug = "a-paper", Body = "Its *abstract*, naïvely." };

        var kept = paper.WithBodyIn(file);

        Assert.NotNull(kept.StoredBody);
        Assert.Equal(paper, kept);
        Assert.Equal(paper.BodyHash, kept.BodyHash);
        Assert.Same(kept, kept.WithBodyIn(file));
        Assert.Same(paper, paper.WithBodyIn(null));
    }

    /// <summary>A one-off build keeps the abstracts in the cache folder while it runs, and leaves no file of them.</summary>
    [Fact]
    public async Task ABuildLeavesNoFileOfAbstractsBehind()
    {
        using var site = new TempFolder().WithDefaultSite();

        var summary = await SiteGen.Site.SiteBuilder.BuildAsync(new SiteGen.Site.BuildRequest(site.Path));

        Assert.True(summary.Papers > 0);
        Assert.Empty(Directory.EnumerateFiles(site["cache"], "*.texts"));
    }

    [Fact]
    public void TextsThatDifferHashApartAndALengthPastTheEndDoesNotRead()
    {
        Assert.NotEqual(StoredText.HashOf(null, "abc"), StoredText.HashOf(null, "abd"));
        var cut = Written(writer => StoredText.Write(writer, "twelve bytes"))[..^1];

        using var reader = new BinaryReader(new MemoryStream(cut), Encoding.UTF8);

        Assert.Throws<EndOfStreamException>(() => StoredText.Read(reader));
    }

    /// <summary>A one-off rebuild's store lends its texts: read back, one stays in the file until it is used.</summary>
    [Fact]
    public void ATextAReaderLendsIsReadFromItsFileOnlyWhenUsedAndIsTheTextACopyIs()
    {
        const string text = "naïve café, 中文, and an emoji 😀";
        var bytes = Written(writer =>
        {
            writer.Write("the record's start");
            StoredText.Write(writer, text);
            writer.Write("what comes after it");
        });
        var file = new CountedFile(bytes);
        using var reader = new LendingReader(bytes, file);
        reader.ReadString();

        var lent = StoredText.Read(reader);

        Assert.Equal("what comes after it", reader.ReadString());
        Assert.Equal(text.Length, lent.Length);
        Assert.Equal(StoredText.HashOf(null, text), StoredText.HashOf(lent, ""));
        Assert.Equal(0, file.Reads); // its length and hash were stored with it
        Assert.Equal(text, lent.Text);
        Assert.False(lent.Decoded); // read from the file each time, never held
        Assert.Equal(Written(writer => StoredText.Write(writer, text)), Written(lent.Write));
        Assert.Equal(Encoding.UTF8.GetBytes(text), lent.Bytes());
        Assert.Equal(3, file.Reads);
    }

    /// <summary>A store key tells texts apart by their hash: a lent text is not read back for the key of every step.</summary>
    [Fact]
    public void IntoAStoreKeyATextIsItsCountAndHashWhetherItIsAStringBytesOrLent()
    {
        const string text = "an abstract, naïvely short";
        var record = Written(writer => StoredText.Write(writer, text));
        var file = new CountedFile(record);
        using var lending = new LendingReader(record, file);

        var fromString = KeyWritten(writer => StoredText.Write(writer, text));

        Assert.Equal(1 + 16, fromString.Length); // the count of its 27 bytes, then the hash
        Assert.Equal(fromString, KeyWritten(StoredText.Read(new BinaryReader(new MemoryStream(record))).Write));
        Assert.Equal(fromString, KeyWritten(StoredText.Read(lending).Write));
        Assert.Equal(0, file.Reads);
        Assert.NotEqual(fromString, KeyWritten(writer => StoredText.Write(writer, text + ".")));
    }

    private static byte[] KeyWritten(Action<BinaryWriter> write)
    {
        using var writer = new SiteGen.Engine.StoreKeyWriter();
        write(writer);
        writer.Flush();
        return ((MemoryStream)writer.BaseStream).ToArray();
    }

    [Fact]
    public void ALengthItsBytesCannotHaveDoesNotRead()
    {
        var bytes = Written(writer =>
        {
            writer.Write7BitEncodedInt(3);
            writer.Write("abc"u8);
            writer.Write7BitEncodedInt(4); // four UTF-16 units in three bytes
            writer.Write(0UL);
            writer.Write(0UL);
        });

        Assert.Throws<InvalidDataException>(() => StoredText.Read(new BinaryReader(new MemoryStream(bytes))));
    }

    private sealed class CountedFile(byte[] bytes) : SiteGen.Engine.IByteFile
    {
        public int Reads { get; private set; }

        public void Read(long offset, Span<byte> destination)
        {
            Reads++;
            bytes.AsSpan((int)offset, destination.Length).CopyTo(destination);
        }
    }

    /// <summary>Lends every stretch asked for, as the store's reader does: its place in the file the bytes were read from.</summary>
    private sealed class LendingReader(byte[] bytes, SiteGen.Engine.IByteFile file) : BinaryReader(new MemoryStream(bytes)), SiteGen.Engine.IStoredBytesReader
    {
        public bool TryLend(int count, out SiteGen.Engine.IByteFile lentFrom, out long offset)
        {
            (lentFrom, offset) = (file, BaseStream.Position);
            BaseStream.Position += count;
            return true;
        }
    }

    private static byte[] Written(Action<BinaryWriter> write)
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, Encoding.UTF8, leaveOpen: true))
        {
            write(writer);
        }
        return bytes.ToArray();
    }
}

using System.Text;
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
    public void ATextReadAsItsBytesIsWhatBinaryReaderReadsAndWritesTheSameBytes(string text)
    {
        var bytes = Written(writer => writer.Write(text));

        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        var stored = StoredText.Read(reader);
        var expected = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8).ReadString();

        Assert.Equal(bytes.Length, reader.BaseStream.Position);
        Assert.Equal(expected.Length, stored.Length);
        Assert.Equal(StoredText.HashOf(null, expected), StoredText.HashOf(stored, ""));
        Assert.False(stored.Decoded);
        Assert.Equal(bytes, Written(stored.Write));
        Assert.Equal(expected, stored.Text);
        Assert.True(stored.Decoded);
    }

    [Fact]
    public void TextsThatDifferHashApartAndALengthPastTheEndDoesNotRead()
    {
        Assert.NotEqual(StoredText.HashOf(null, "abc"), StoredText.HashOf(null, "abd"));
        var cut = Written(writer => writer.Write("twelve bytes"))[..^1];

        using var reader = new BinaryReader(new MemoryStream(cut), Encoding.UTF8);

        Assert.Throws<EndOfStreamException>(() => StoredText.Read(reader));
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

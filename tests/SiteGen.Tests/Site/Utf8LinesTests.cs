using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>A file's lines as UTF-8 are the lines <see cref="File.ReadLines(string)"/> reads, byte for byte.</summary>
public sealed class Utf8LinesTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"utf8lines-{Guid.NewGuid():N}.txt");

    public void Dispose() => File.Delete(_path);

    private static readonly Gen<string> Texts =
        Gen.Elements("a", "line", "é", "模型", "\n", "\r", "\r\n", "\n\n", " ", "\uFEFF")
            .ListOf()
            .Select(pieces => string.Concat(pieces));

    [Property(MaxTest = 300)]
    public Property AreTheLinesFileReadLinesReads() =>
        Prop.ForAll(Arb.From(Texts), Arb.From(Gen.Elements(true, false)), (text, byteOrderMark) =>
        {
            File.WriteAllText(_path, text, new UTF8Encoding(byteOrderMark));
            string[] read = [.. Utf8Lines.Of(_path).Select(line => Encoding.UTF8.GetString(line.Span))];
            return read.SequenceEqual(File.ReadLines(_path)).Label($"'{text.Replace("\r", "\\r").Replace("\n", "\\n")}', mark {byteOrderMark}");
        });

    [Fact]
    public void ALineLongerThanTheBufferAndALineEndAcrossTwoReadsAreReadWhole()
    {
        var longLine = new string('x', 3 << 20);
        var text = longLine + "\r\n" + new string('y', (1 << 20) - 1) + "\r\nlast";
        File.WriteAllText(_path, text);

        string[] read = [.. Utf8Lines.Of(_path).Select(line => Encoding.UTF8.GetString(line.Span))];

        Assert.Equal([longLine, new string('y', (1 << 20) - 1), "last"], read);
    }
}

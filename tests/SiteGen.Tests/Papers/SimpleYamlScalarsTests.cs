using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SiteGen.Papers;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SiteGen.Tests.Papers;

/// <summary>
/// <see cref="SimpleYamlScalars"/> must write every scalar it accepts exactly as YamlDotNet's emitter does; each
/// test writes a small document both ways, the scalar standing at the place under test.
/// </summary>
public sealed class SimpleYamlScalarsTests
{
    /// <summary>Pieces that mean something to YAML somewhere, and characters at the edges of what is simple.</summary>
    private static readonly string[] Pieces =
    [
        "a", "Z", "0", "7", " ", "  ", "#", ":", "-", "?", ",", "[", "]", "{", "}", "'", "\"", "\\", "&", "*", "!",
        "|", ">", "%", "@", "`", ".", "~", "_", "/", "=", "+", "<", "(", ")", ";", "$", "^", "---", "...", ": ", " #",
        "- ", "? ", "true", "No", "null", "2024", "0x1F", "1e3", "1:30", "2025-03-20", "https://x.org/a?b=1&c=2#d",
        "é", "日本", "\u00A0", "\u00A1", "\u2027", "\u2028", "\u2029", "\uD7FF", "\uE000", "\uFEFF", "\uFFFD", "\uFFFE",
        "\u0085", "\u007F", "\t", "\n", "\r", "\0", "😀", "\uD800",
    ];

    private static Gen<string> Scalar =>
        Gen.Elements(Pieces).ListOf().Select(pieces => string.Concat(pieces));

    [Property(MaxTest = 3000)]
    public Property WritesWhatTheEmitterWritesAtEveryPlace() =>
        Prop.ForAll(Arb.From(Scalar), Arb.From(Gen.Elements(Enum.GetValues<YamlPlace>())), (value, place) =>
        {
            var direct = Direct(value, place);
            return (direct is null || direct == Emitted(value, place)).Label($"{place}: {Show(value)} -> {direct}");
        });

    [Property(MaxTest = 1000)]
    public Property WritesDoubleQuotesAsTheEmitterDoes() =>
        Prop.ForAll(Arb.From(Scalar), value =>
        {
            var direct = DirectDoubleQuoted(value);
            return (direct is null || direct == EmittedDoubleQuoted(value)).Label($"{Show(value)} -> {direct}");
        });

    [Fact]
    public void WritesEveryAsciiCharacterAsTheEmitterDoes()
    {
        foreach (var place in Enum.GetValues<YamlPlace>())
        {
            WritesEveryAsciiCharacterAsTheEmitterDoesAt(place);
        }
    }

    private static void WritesEveryAsciiCharacterAsTheEmitterDoesAt(YamlPlace place)
    {
        for (var c = (char)0; c < 128; c++)
        {
            foreach (var value in new[] { $"{c}", $"a{c}", $"{c}a", $"a{c}b", $"a {c}", $"{c} a", $"a{c} b", $"{c}{c}" })
            {
                if (Direct(value, place) is { } direct)
                {
                    Assert.Equal(Emitted(value, place), direct);
                }
            }
            if (DirectDoubleQuoted($"a{c}") is { } quoted)
            {
                Assert.Equal(EmittedDoubleQuoted($"a{c}"), quoted);
            }
        }
    }

    [Fact]
    public void WritesEveryOtherCharacterAsTheEmitterDoes()
    {
        for (var c = (char)128; c != char.MaxValue; c++)
        {
            if (Direct($"a{c}", YamlPlace.BlockValue) is { } direct)
            {
                Assert.Equal(Emitted($"a{c}", YamlPlace.BlockValue), direct);
            }
            if (DirectDoubleQuoted($"{c}") is { } quoted)
            {
                Assert.Equal(EmittedDoubleQuoted($"{c}"), quoted);
            }
        }
    }

    [Theory]
    [InlineData("diffusion", "diffusion")]
    [InlineData("https://github.com/Tencent/FlashVDM", "https://github.com/Tencent/FlashVDM")]
    [InlineData("my paper.md", "my paper.md")]
    [InlineData("2024", "'2024'")]
    [InlineData("it's", "it's")]
    [InlineData("a: b", "'a: b'")]
    [InlineData("'quoted': yes", "\"'quoted': yes\"")]
    [InlineData("", "''")]
    public void WritesTheUsualValuesAsTheyShouldRead(string value, string written)
    {
        Assert.Equal($"k: {written}\n", Direct(value, YamlPlace.BlockValue));
    }

    [Theory]
    [InlineData("two\nlines")]
    [InlineData("tab\there")]
    [InlineData("😀")]
    [InlineData("\u2028")]
    public void LeavesValuesThatNeedEscapesToTheEmitter(string value)
    {
        var page = new StringBuilder("x");

        Assert.False(SimpleYamlScalars.TryAppend(page, value, YamlPlace.BlockValue));
        Assert.False(SimpleYamlScalars.TryAppendDoubleQuoted(page, value));
        Assert.Equal("x", page.ToString());
    }

    [Fact]
    public void LeavesAKeyTooLongToBeSimpleToTheEmitter()
    {
        var key = new string('k', 1025);

        Assert.Null(Direct(key, YamlPlace.BlockKey));
        Assert.NotNull(Direct(key[..1024], YamlPlace.BlockKey));
    }

    /// <summary>The small document with the scalar written by <see cref="SimpleYamlScalars"/>, or null when it declines.</summary>
    private static string? Direct(string value, YamlPlace place)
    {
        var scalar = new StringBuilder();
        if (!SimpleYamlScalars.TryAppend(scalar, value, place))
        {
            return null;
        }
        return place switch
        {
            YamlPlace.BlockValue => $"k: {scalar}\n",
            YamlPlace.BlockKey => $"{scalar}: v\n",
            _ => $"k: [a, {scalar}]\n",
        };
    }

    private static string? DirectDoubleQuoted(string value)
    {
        var scalar = new StringBuilder();
        return SimpleYamlScalars.TryAppendDoubleQuoted(scalar, value) ? $"k: {scalar}\n" : null;
    }

    /// <summary>The same document through YamlDotNet, with the style <see cref="FrontMatterWriter"/> asks for.</summary>
    private static string Emitted(string value, YamlPlace place)
    {
        var scalar = new Scalar(null, null, value, YamlScalars.StyleFor(value), true, true);
        return Emit(place switch
        {
            YamlPlace.BlockValue => [new Scalar("k"), scalar],
            YamlPlace.BlockKey => [scalar, new Scalar("v")],
            _ => [new Scalar("k"), new SequenceStart(null, null, true, SequenceStyle.Flow), new Scalar("a"), scalar, new SequenceEnd()],
        });
    }

    private static string EmittedDoubleQuoted(string value) =>
        Emit([new Scalar("k"), new Scalar(null, null, value, ScalarStyle.DoubleQuoted, true, true)]);

    private static string Emit(ParsingEvent[] mappingContent)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(writer, FrontMatterWriter.Settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
        foreach (var item in mappingContent)
        {
            emitter.Emit(item);
        }
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static string Show(string value) =>
        string.Concat(value.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));
}

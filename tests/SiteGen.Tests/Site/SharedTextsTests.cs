using System.Text;
using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>A text many papers share is one object, whether it was read from the store or made, and reads back as written.</summary>
public sealed class SharedTextsTests
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
    public void TheSameTextReadTwiceIsOneObject()
    {
        var url = $"tags/shared-{Guid.NewGuid():N}/index.html";
        using var reader = Written(url, url, "Mär 5, 2026 · 日本");

        var first = SharedTexts.Read(reader);
        var second = SharedTexts.Read(reader);

        Assert.Equal(url, first);
        Assert.Same(first, second);
        Assert.Equal("Mär 5, 2026 · 日本", SharedTexts.Read(reader));
    }

    [Fact]
    public void ALongTextIsReadWholeAndTheNextOneAfterIt()
    {
        var longText = new string('é', 300) + "end";
        using var reader = Written(longText, "", "after");

        Assert.Equal(longText, SharedTexts.Read(reader));
        Assert.Equal("", SharedTexts.Read(reader));
        Assert.Equal("after", SharedTexts.Read(reader));
    }

    [Fact]
    public void AMadeTextAndTheSameTextReadAreOneObject()
    {
        var made = SharedTexts.Share(string.Concat("authors/", Guid.NewGuid().ToString("N"), "/index.html"));
        using var reader = Written(made);

        Assert.Same(made, SharedTexts.Read(reader));
        Assert.Same(made, SharedTexts.Share(new string(made.AsSpan())));
        Assert.Null(SharedTexts.Share(null));
    }
}

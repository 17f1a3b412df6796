using System.Text;
using SiteGen.Tests.Site;
using SiteGen.Text;

namespace SiteGen.Tests.Text;

/// <summary>A file's text read into a rented buffer reads as the file's text does.</summary>
public sealed class RentedTextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("<a href=\"../b/\">Schrödinger’s 猫</a>\n")]
    [InlineData("\uFEFF<p>after a byte order mark</p>")]
    [InlineData("large")]
    public void AFileReadsAsFileReadAllTextReadsIt(string text)
    {
        using var folder = new TempFolder();
        var path = folder["page.html"];
        // Past the pool's largest kept buffers (1 MB), with a character of four bytes across the middle.
        text = text == "large" ? string.Concat(Enumerable.Repeat("<p>𝛼 and ü</p>\n", 200_000)) : text;
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(text));

        using var read = RentedText.Read(path);

        Assert.Equal(File.ReadAllText(path), read.Span.ToString());
    }
}

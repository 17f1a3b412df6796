using SiteGen.Rendering;

namespace SiteGen.Tests.Rendering;

public class TextBufferTests
{
    [Fact]
    public void Keeps_everything_written_across_growth()
    {
        var buffer = TextBuffer.ForThisThread();
        var line = new string('x', 1000) + "é\n";
        for (var i = 0; i < 100; i++)
        {
            buffer.Write(line);
            buffer.Write('!');
        }
        Assert.Equal(string.Concat(Enumerable.Repeat(line + "!", 100)), buffer.ToString());
    }

    [Fact]
    public void Asynchronous_writes_are_done_when_they_return()
    {
        var buffer = TextBuffer.ForThisThread();
        var writes = new[] { buffer.WriteAsync("a"), buffer.WriteAsync('b'), buffer.WriteAsync("cd".AsMemory()), buffer.FlushAsync() };
        Assert.All(writes, write => Assert.True(write.IsCompletedSuccessfully));
        Assert.Equal("abcd", buffer.ToString());
    }

    [Fact]
    public void Is_emptied_when_taken_again()
    {
        TextBuffer.ForThisThread().Write("left over");
        Assert.Equal(0, TextBuffer.ForThisThread().Written.Length);
    }
}

using System.Text;
using SiteGen.Preview;

namespace SiteGen.Tests.Preview;

public sealed class ReloadScriptTests
{
    [Theory]
    [InlineData("<html><body><p>x</p></body></html>", "<html><body><p>x</p><script src=\"/_sitegen/reload.js\"></script>\n</body></html>")]
    [InlineData("<p>a</p></body>\n<p>b</p></body>", "<p>a</p></body>\n<p>b</p><script src=\"/_sitegen/reload.js\"></script>\n</body>")]
    [InlineData("<p>no body end</p>", "<p>no body end</p><script src=\"/_sitegen/reload.js\"></script>\n")]
    public void AddsTheScriptBeforeTheLastBodyEndOrAtTheEnd(string page, string expected)
    {
        Assert.Equal(expected, Encoding.UTF8.GetString(ReloadScript.InjectInto(Encoding.UTF8.GetBytes(page))));
    }

    [Fact]
    public void AnEventWithSeveralLinesOfDataSendsEachAsADataLine()
    {
        Assert.Equal("event: error\ndata: first\ndata: second\n\n", ReloadEvents.Format("error", "first\r\nsecond"));
    }

    [Fact]
    public void TheScriptIsEmbeddedAndSetsTheErrorAsTextOnly()
    {
        var script = Encoding.UTF8.GetString(ReloadScript.Script);

        Assert.Contains("textContent", script);
        Assert.DoesNotContain("innerHTML", script);
    }

    [Fact]
    public async Task APageThatConnectsAfterAFailedBuildHearsTheErrorAndAGoodBuildClearsIt()
    {
        var events = new ReloadEvents();
        events.Error("x.md:1:1: error: broken");

        using (var page = events.Subscribe())
        {
            Assert.Equal(ReloadEvents.Format("error", "x.md:1:1: error: broken"), await page.Events.ReadAsync());
        }
        events.Reload();
        using var next = events.Subscribe();
        Assert.False(next.Events.TryRead(out _));
        Assert.False(events.LastBuildFailed);
        Assert.Equal(1, events.Pages);
    }
}

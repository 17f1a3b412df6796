using System.Text;
using SiteGen.Search;

namespace SiteGen.Tests.Search;

public sealed class SearchIndexTests
{
    private static SearchIndexScript Script(SearchIndex index) =>
        SearchIndexScript.Parse(Encoding.UTF8.GetString(index.ToScript("papers/{slug}/index.html")));

    private static SearchIndex TwoPapers()
    {
        var index = new SearchIndex();
        index.Add("Pointer Networks", "pointer-networks", ["Recurrent and sequence models"], "A neural architecture for combinatorial problems.");
        index.Add("Sparse Attention", "sparse-attention", ["Transformers"], "Attention over **sparse** pointer sets, see <https://github.com/x/y>.");
        return index;
    }

    [Fact]
    public void MapsEachWordToThePapersThatHaveItAndWhere()
    {
        var script = Script(TwoPapers());

        Assert.Equal([("pointer-networks", SearchFields.Abstract)], script.PapersWith("combinatorial"));
        Assert.Equal([("pointer-networks", SearchFields.Tags)], script.PapersWith("recurrent"));
        Assert.Equal([("pointer-networks", SearchFields.Title), ("sparse-attention", SearchFields.Abstract)], script.PapersWith("pointer"));
        Assert.Equal([("sparse-attention", SearchFields.Title | SearchFields.Abstract)], script.PapersWith("sparse"));
        Assert.Empty(script.PapersWith("github"));
        Assert.Empty(script.PapersWith("the"));
    }

    [Fact]
    public void WritesTermsSortedAsTheBrowserComparesThem()
    {
        var terms = Script(TwoPapers()).Terms;
        Assert.Equal(terms.Order(StringComparer.Ordinal), terms);
        Assert.Equal(terms.Distinct(), terms);
    }

    [Fact]
    public void WritesThePaperUrlTemplateTheStopWordsAndTheFormat()
    {
        var root = Script(TwoPapers()).Root;
        Assert.Equal(SearchIndex.Format, root.GetProperty("format").GetInt32());
        Assert.Equal("papers/{slug}/index.html", root.GetProperty("paperUrl").GetString());
        Assert.Equal(SearchWords.StopWords, root.GetProperty("stop").GetString()!.Split(' '));
        Assert.Equal(["Pointer Networks", "pointer-networks"], root.GetProperty("docs")[0].EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void EscapesMarkupInTitlesSoTheScriptHoldsNone()
    {
        var index = new SearchIndex();
        index.Add("</script><script>alert(1)</script>", "evil", [], "");
        var text = Encoding.UTF8.GetString(index.ToScript("papers/{slug}/index.html"));

        Assert.DoesNotContain("<", text.Replace("/* ", "").Split('\n', 2)[1]);
        Assert.Equal("</script><script>alert(1)</script>", SearchIndexScript.Parse(text).Root.GetProperty("docs")[0][0].GetString());
    }

    [Fact]
    public void AnEmptySiteHasAnEmptyIndex()
    {
        var root = Script(new SearchIndex()).Root;
        Assert.Equal(0, root.GetProperty("docs").GetArrayLength());
        Assert.Equal("", root.GetProperty("terms").GetString());
    }
}

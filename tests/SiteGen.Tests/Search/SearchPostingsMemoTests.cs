using SiteGen.Search;

namespace SiteGen.Tests.Search;

/// <summary>A session's index, updated after edits, has the same bytes as one made from scratch.</summary>
public class SearchPostingsMemoTests
{
    private static readonly SearchVocabulary Vocabulary = new();

    private static (string Title, string Slug, int[] Words) Paper(int n, string text) =>
        ($"Paper {n}", $"paper-{n}", SearchIndex.WordsOf(Vocabulary, $"Paper {n}", ["Vision"], text));

    private static byte[] Script(IEnumerable<(string Title, string Slug, int[] Words)> papers, SearchPostingsMemo? memo)
    {
        var index = new SearchIndex(Vocabulary);
        foreach (var (title, slug, words) in papers)
        {
            index.Add(title, slug, words);
        }
        using var bytes = new MemoryStream();
        index.WriteScript(bytes, "papers/{slug}/index.html", memo);
        return bytes.ToArray();
    }

    [Fact]
    public void Edits_give_the_bytes_of_an_index_made_from_scratch()
    {
        var papers = Enumerable.Range(0, 64).Select(n => Paper(n, $"diffusion models number {n} and transformers {n % 7}")).ToList();
        var memo = new SearchPostingsMemo();
        Assert.Equal(Script(papers, null), Script(papers, memo));

        papers[10] = Paper(10, "a new abstract about graph networks and diffusion");       // words come and go
        Assert.Equal(Script(papers, null), Script(papers, memo));

        (papers[3], papers[40]) = (papers[40], papers[3]);                                    // two papers swap places
        Assert.Equal(Script(papers, null), Script(papers, memo));

        papers[20] = Paper(20, "zyxwvut, a word no other paper has");                         // a word only one paper has
        var edited = Script(papers, memo);
        papers[20] = Paper(20, "diffusion models number 20 and transformers 6");              // and it is gone again
        Assert.NotEqual(edited, Script(papers, memo));
        Assert.Equal(Script(papers, null), Script(papers, memo));

        var title = "Paper \"5\" on <Diffusion> \u00fcber alles";                         // retitled: escaped in the docs
        papers[5] = (title, "paper-5", SearchIndex.WordsOf(Vocabulary, title, ["Vision"], "diffusion models number 5"));
        Assert.Equal(Script(papers, null), Script(papers, memo));

        papers.RemoveAt(0);                                                                   // a paper removed
        Assert.Equal(Script(papers, null), Script(papers, memo));
    }

    [Fact]
    public void A_word_no_paper_has_any_more_leaves_the_index()
    {
        var papers = new List<(string, string, int[])> { Paper(1, "quasiparticle lattice"), Paper(2, "plain words") };
        var memo = new SearchPostingsMemo();
        Script(papers, memo);

        papers[0] = Paper(1, "plain words again");
        var text = System.Text.Encoding.UTF8.GetString(Script(papers, memo));

        Assert.DoesNotContain("quasiparticle", text);
        Assert.Contains("again", text);
    }
}

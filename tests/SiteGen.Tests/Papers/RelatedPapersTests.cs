using SiteGen.Papers;

namespace SiteGen.Tests.Papers;

/// <summary>Papers are given in the site's order (index 0 is the newest); results are indexes, best first.</summary>
public sealed class RelatedPapersTests
{
    [Fact]
    public void RanksByTheNumberOfSharedTags()
    {
        string[][] papers =
        [
            ["a", "b", "c"], // 0: the paper we look at
            ["a"],           // 1: shares one
            ["a", "b", "c"], // 2: shares three
            ["x"],           // 3: shares none
            ["b", "c"],      // 4: shares two
        ];

        var related = RelatedPapers.Find(papers);

        Assert.Equal([2, 4, 1], related[0]);
        Assert.Empty(related[3]);
    }

    [Fact]
    public void BreaksTiesNewerFirstThatIsByPositionInTheSiteOrder()
    {
        string[][] papers = [["a"], ["a"], ["a", "z"], ["a"], ["a"], ["a"], ["a"], ["a"]];

        var related = RelatedPapers.Find(papers);

        Assert.Equal([1, 2, 3, 4, 5], related[0]);
        Assert.Equal([0, 1, 2, 3, 4], related[7]);
        Assert.Equal([0, 1, 3, 4, 5], related[2]); // every candidate shares one tag: the newest five, itself left out
    }

    [Fact]
    public void AnOlderPaperSharingMoreTagsBeatsNewerOnesSharingFewer()
    {
        string[][] papers = [["a", "b"], ["a"], ["a"], ["a"], ["a"], ["a"], ["a"], ["b"], ["a", "b"]];

        var related = RelatedPapers.Find(papers);

        Assert.Equal([8, 1, 2, 3, 4], related[0]);
    }

    [Fact]
    public void APaperWithoutTagsHasNoRelatedPapersAndIsNobodysRelatedPaper()
    {
        string[][] papers = [[], ["a"], ["a"]];

        var related = RelatedPapers.Find(papers);

        Assert.Empty(related[0]);
        Assert.Equal([2], related[1]);
        Assert.Equal([1], related[2]);
    }

    [Fact]
    public void ATagNamedTwiceCountsOnce()
    {
        string[][] papers = [["a", "a"], ["a", "b"], ["a"]];

        var related = RelatedPapers.Find(papers);

        Assert.Equal([1, 2], related[0]);
    }

    [Fact]
    public void GivenFirstCandidatesLeavesOutNewerPapersButNotThoseOfItsOwnDay()
    {
        // Days: papers 0 and 1 (newest), 2, 3 and 4, then 5. Every paper shares tag a.
        string[][] papers = [["a"], ["a", "b"], ["a"], ["a", "b"], ["a"], ["a", "b"]];
        int[] first = [0, 0, 2, 2, 2, 5];

        var related = RelatedPapers.Find(papers, first);

        Assert.Equal([1, 2, 3, 4, 5], related[0]);
        Assert.Equal([3, 5, 0, 2, 4], related[1]); // of its day, paper 0 too
        Assert.Equal([3, 4, 5], related[2]);       // 0 and 1 are newer
        Assert.Equal([5, 2, 4], related[3]);
        Assert.Empty(related[5]);                  // the oldest day holds only itself
    }

    [Fact]
    public void LooksAtNoMoreCandidatesThanTheBudgetTheNewestFirst()
    {
        // Paper 0 shares both tags only with paper 4, the fifth candidate; with a budget of three it never sees it.
        string[][] papers = [["a", "b"], ["a"], ["b"], ["a"], ["a", "b"]];

        Assert.Equal([4, 1, 2], RelatedPapers.Find(papers, count: 3)[0]);
        Assert.Equal([1, 2, 3], RelatedPapers.Find(papers, count: 3, candidateBudget: 3)[0]);
    }
}

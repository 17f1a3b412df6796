using SiteGen.Listings;

namespace SiteGen.Tests.Captures;

/// <summary>
/// A browser copy of a single paper's page: no public copy of one could be found (see the corpus' SOURCES.md), so these
/// texts follow the page's layout as the Jina captures of the corpus show it, without their link syntax, as a browser
/// copies it: each shape the page has, one test each.
/// </summary>
public sealed class PaperPageReaderTests
{
    private const string Page = """
        Papers

        arxiv:2412.09605

        AgentTrek: Agent Trajectory Synthesis via Guiding Replay with Web Tutorials

        Published on Dec 12, 2024

        · Submitted by

        ranpox
        on Dec 13, 2024

        Upvote

        28

        +20

        Authors:

        Yiheng Xu
        ,

        Dunjie Lu
        ,

        Tao Yu

        Abstract

        AI-generated summary

        AgentTrek synthesizes GUI agent trajectories from web tutorials.

        Graphical User Interface (GUI) agents hold great potential
        for automating
        complex tasks
        across diverse digital environments.

        View arXiv page
        View PDF
        Add to collection

        Community

        librarian-bot
        The following papers were recommended by the Semantic Scholar API

        Aguvis: Unified Pure Vision Agents for Autonomous GUI Interaction (2024)

        Models citing this paper 3
        Datasets citing this paper 1
        Collections including this paper 4
        """;

    [Fact]
    public void ACopiedPaperPageIsOnePaperWithItsNamesDatesUpvotesSummaryAndAbstract()
    {
        var result = CaptureReader.Read("paper.txt", Page);

        var paper = Assert.Single(result.Entries);
        Assert.Equal("AgentTrek: Agent Trajectory Synthesis via Guiding Replay with Web Tutorials", paper.Title);
        Assert.Equal("2412.09605", paper.Arxiv);
        Assert.Equal(["Yiheng Xu", "Dunjie Lu", "Tao Yu"], paper.Authors.ToArray());
        Assert.Equal(new DateOnly(2024, 12, 12), paper.Published);
        Assert.Equal(new DateOnly(2024, 12, 13), paper.Submitted);
        Assert.Equal(28, paper.Upvotes);
        Assert.Equal("AgentTrek synthesizes GUI agent trajectories from web tutorials.", paper.Summary);
        // The abstract broken into lines around highlighted words is one paragraph.
        Assert.Equal("Graphical User Interface (GUI) agents hold great potential for automating complex tasks across diverse digital environments.", paper.Abstract);
        Assert.Equal("paper", result.PageKind);
    }

    [Fact]
    public void ASummaryWithItsLabelBelowIsTheSummary()
    {
        var page = Page.Replace("AI-generated summary\n\nAgentTrek synthesizes GUI agent trajectories from web tutorials.\n",
            "AgentTrek synthesizes GUI agent trajectories from web tutorials.\nAI-generated summary\n", StringComparison.Ordinal);

        var paper = Assert.Single(CaptureReader.Read("paper.txt", page).Entries);

        Assert.Equal("AgentTrek synthesizes GUI agent trajectories from web tutorials.", paper.Summary);
        Assert.StartsWith("Graphical User Interface", paper.Abstract, StringComparison.Ordinal);
    }

    [Fact]
    public void NothingBelowTheAbstractIsAPaper()
    {
        var result = CaptureReader.Read("paper.txt", Page);

        Assert.DoesNotContain(result.Entries, e => e.Title.Contains("Aguvis", StringComparison.Ordinal) || e.Title.Contains("citing", StringComparison.Ordinal));
    }

    [Fact]
    public void EntitiesAConverterLeftAreReadAsWhatTheyMean()
    {
        var page = Page.Replace("AgentTrek: Agent Trajectory", "AgentTrek &amp; Co: Agent Trajectory", StringComparison.Ordinal);

        Assert.StartsWith("AgentTrek & Co:", Assert.Single(CaptureReader.Read("paper.md", "# x\n" + page).Entries).Title, StringComparison.Ordinal);
    }
}

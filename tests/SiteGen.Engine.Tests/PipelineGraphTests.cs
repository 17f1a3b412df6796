namespace SiteGen.Engine.Tests;

/// <summary>The graph is internal; it is checked and ordered through the engine that is made from it.</summary>
public sealed class PipelineGraphTests
{
    [Fact]
    public void PutsADependencyBeforeThePipelineThatDependsOnIt()
    {
        Assert.Equal(["Papers", "Home"], Order(P("Home", "Papers"), P("Papers")));
    }

    [Fact]
    public void PutsEveryDependencyOfAChainBeforeItsDependents()
    {
        Assert.Equal(["Listings", "Papers", "Tags", "Home"],
            Order(P("Home", "Tags"), P("Tags", "Papers"), P("Papers", "Listings"), P("Listings")));
    }

    [Fact]
    public void KeepsTheGivenOrderOfPipelinesThatDoNotDependOnEachOther()
    {
        // Neither alphabetical nor hashed: the order the site lists them in.
        Assert.Equal(["Sitemap", "Assets", "Papers", "Feeds"], Order(P("Sitemap"), P("Assets"), P("Papers"), P("Feeds")));
    }

    [Fact]
    public void PullsADependencyInJustBeforeTheFirstPipelineThatNeedsIt()
    {
        Assert.Equal(["Papers", "Home", "Assets", "Search"],
            Order(P("Home", "Papers"), P("Assets"), P("Papers"), P("Search", "Papers")));
    }

    [Fact]
    public void OrdersADiamondByTheDeclaredOrderOfDependencies()
    {
        Assert.Equal(["Listings", "Tags", "Papers", "Home"],
            Order(P("Home", "Tags", "Papers"), P("Papers", "Listings"), P("Tags", "Listings"), P("Listings")));
    }

    [Fact]
    public void ThrowsNamingThePipelinesOfACycle()
    {
        var exception = Assert.Throws<PipelineCycleException>(() => Order(P("Papers", "Tags"), P("Tags", "Papers")));

        Assert.Equal<string>(["Papers", "Tags", "Papers"], exception.Cycle);
        Assert.Contains("Papers -> Tags -> Papers", exception.Message);
    }

    [Fact]
    public void NamesOnlyThePipelinesInTheCycleNotThoseLeadingToIt()
    {
        var exception = Assert.Throws<PipelineCycleException>(() =>
            Order(P("Home", "Feeds"), P("Feeds", "Papers"), P("Papers", "Tags"), P("Tags", "Authors"), P("Authors", "Papers")));

        Assert.Equal<string>(["Papers", "Tags", "Authors", "Papers"], exception.Cycle);
        Assert.DoesNotContain("Home", exception.Message);
        Assert.DoesNotContain("Feeds", exception.Message);
    }

    [Fact]
    public void ThrowsForAPipelineThatDependsOnItself()
    {
        var exception = Assert.Throws<PipelineCycleException>(() => Order(P("Assets"), P("Papers", "Papers")));

        Assert.Equal<string>(["Papers", "Papers"], exception.Cycle);
        Assert.Contains("Papers -> Papers", exception.Message);
    }

    [Fact]
    public void ThrowsForAnUnknownDependencyNamingTheDependentAndTheMissingName()
    {
        var exception = Assert.Throws<ArgumentException>(() => Order(P("Home", "Papres"), P("Papers")));

        Assert.Contains("'Home'", exception.Message);
        Assert.Contains("'Papres'", exception.Message);
        Assert.Contains("not a pipeline", exception.Message);
    }

    [Fact]
    public void ThrowsForTwoPipelinesWithTheSameName()
    {
        var exception = Assert.Throws<ArgumentException>(() => Order(P("Papers"), P("Home"), P("Papers")));

        Assert.Contains("'Papers'", exception.Message);
        Assert.Contains("unique", exception.Message);
    }

    [Fact]
    public void TellsNamesThatDifferOnlyInCaseApart()
    {
        Assert.Equal(["papers", "Papers"], Order(P("papers"), P("Papers")));
        Assert.Throws<ArgumentException>(() => Order(P("Home", "papers"), P("Papers")));
    }

    private static Pipeline P(string name, params string[] dependencies) => new(name) { Dependencies = [.. dependencies] };

    private static string[] Order(params Pipeline[] pipelines) => [.. new Engine(pipelines).Pipelines.Select(p => p.Name)];
}

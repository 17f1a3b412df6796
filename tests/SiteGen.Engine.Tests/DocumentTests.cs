namespace SiteGen.Engine.Tests;

public sealed class DocumentTests
{
    private static readonly Document Original = Document.Create(
        source: "papers/a.md", destination: "papers/a/index.html", content: "# A",
        metadata: [new("Title", "A"), new("Year", 2024)]);

    [Fact]
    public void WithSourceMakesANewDocumentAndLeavesTheOriginalAsItWas()
    {
        var changed = Original.WithSource("papers/b.md");

        Assert.Equal("papers/b.md", changed.Source);
        AssertUnchanged(Original);
        AssertSameExcept(changed, source: false);
    }

    [Fact]
    public void WithDestinationMakesANewDocumentAndLeavesTheOriginalAsItWas()
    {
        var changed = Original.WithDestination("b/index.html");

        Assert.Equal("b/index.html", changed.Destination);
        AssertUnchanged(Original);
        AssertSameExcept(changed, destination: false);
    }

    [Fact]
    public void WithContentMakesANewDocumentAndLeavesTheOriginalAsItWas()
    {
        var changed = Original.WithContent("<h1>A</h1>");

        Assert.Equal("<h1>A</h1>", changed.Content);
        AssertUnchanged(Original);
        AssertSameExcept(changed, content: false);
    }

    [Fact]
    public void WithAValueMakesANewDocumentAndLeavesTheOriginalAsItWas()
    {
        var changed = Original.With("Title", "B").With("Draft", true);

        Assert.Equal("B", changed.Get<string>("Title"));
        Assert.True(changed.Get<bool>("Draft"));
        Assert.Equal(2024, changed.Get<int>("Year"));
        AssertUnchanged(Original);
        AssertSameExcept(changed, metadata: false);
    }

    [Fact]
    public void WithSeveralValuesMakesANewDocumentAndLeavesTheOriginalAsItWas()
    {
        var changed = Original.With([new("Title", "B"), new("Draft", true)]);

        Assert.Equal("B", changed.Get<string>("Title"));
        Assert.True(changed.Get<bool>("Draft"));
        Assert.Equal(2024, changed.Get<int>("Year"));
        AssertUnchanged(Original);
        AssertSameExcept(changed, metadata: false);
    }

    [Fact]
    public void ValuesSetInTurnKeepEachKeyOnceInTheOrderItCameWithItsLastValue()
    {
        // Counted or not (an array, a sequence made as it is read), with keys repeated and more keys than it began with room for.
        KeyValuePair<string, object?>[] values = [new("Title", "B"), new("K1", 1), new("Year", 2025), new("K2", 2), new("K1", 10), new("K3", 3), new("K4", 4)];
        IEnumerable<KeyValuePair<string, object?>> Uncounted() => values.Select(pair => pair);

        foreach (var changed in new[] { Original.With(values), Original.With(Uncounted()) })
        {
            Assert.Equal(["Title", "Year", "K1", "K2", "K3", "K4"], changed.Metadata.Keys);
            Assert.Equal(["B", 2025, 10, 2, 3, 4], changed.Metadata.Values);
        }
        Assert.Empty(Document.Create(metadata: Uncounted().Take(0)).Metadata);
        AssertUnchanged(Original);
    }

    [Fact]
    public void AKeyGivenTwiceToCreateADocumentMustHaveOneValue()
    {
        var created = Document.Create(metadata: [new("Title", "A"), new("Title", "A"), new("Year", 1)]);
        Assert.Equal(["Title", "Year"], created.Metadata.Keys);
        Assert.Throws<ArgumentException>(() => Document.Create(metadata: [new("Title", "A"), new("Title", "B")]));
    }

    [Fact]
    public void PairsReadBackAreTakenAsTheTablesOwnUnlessAKeyIsInThemTwice()
    {
        KeyValuePair<string, object?>[] distinct = [new("Title", "A"), new("Year", 1)];
        var adopted = MetadataDictionary.Adopt(distinct);
        distinct[0] = new("Title", "changed through the array");
        Assert.Equal("changed through the array", adopted["Title"]); // the very array: no copy

        KeyValuePair<string, object?>[] twice = [new("Title", "A"), new("Year", 1), new("Title", "A")];
        var merged = MetadataDictionary.Adopt(twice);
        Assert.Equal(["Title", "Year"], merged.Keys);
        Assert.Throws<ArgumentException>(() => MetadataDictionary.Adopt([new("Title", "A"), new("Title", "B")]));
        Assert.Same(MetadataDictionary.Empty, MetadataDictionary.Adopt([]));
    }

    [Fact]
    public void GetReturnsAValueOfTheAskedType()
    {
        Assert.Equal("A", Original.Get<string>("Title"));
        Assert.Equal(2024, Original.Get<int>("Year"));
        Assert.Equal(2024, Original.Get<int?>("Year"));
        Assert.Equal(2024, Original.Get<object>("Year"));
    }

    [Fact]
    public void GetReturnsTheDefaultForAMissingOrMistypedValue()
    {
        Assert.Null(Original.Get<string>("Subtitle"));
        Assert.Null(Original.Get<string>("Year"));
        Assert.Equal(0, Original.Get<int>("Title"));
        Assert.Null(Original.With("Title", null).Get<string>("Title"));
    }

    [Fact]
    public void GetReadsKeysCaseSensitively()
    {
        Assert.Null(Original.Get<string>("title"));
        Assert.Null(Document.Empty.With("Title", "A").Get<string>("TITLE"));
    }

    [Fact]
    public void GetRequiredReturnsAValueOfTheAskedType()
    {
        Assert.Equal("A", Original.GetRequired<string>("Title"));
        Assert.Equal(2024, Original.GetRequired<int>("Year"));
    }

    [Fact]
    public void GetRequiredThrowsNamingTheDocumentTheKeyAndTheType()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => Original.GetRequired<string>("Subtitle"));
        var mistyped = Assert.Throws<InvalidOperationException>(() => Original.GetRequired<string>("Year"));

        Assert.Contains("'papers/a.md'", missing.Message);
        Assert.Contains("'Subtitle'", missing.Message);
        Assert.Contains("String", missing.Message);
        Assert.Contains("'Year'", mistyped.Message);
    }

    [Fact]
    public void GetRequiredNamesAGeneratedDocumentByItsDestination()
    {
        var generated = Document.Create(destination: "tags/index.html");

        Assert.Contains("'tags/index.html'", Assert.Throws<InvalidOperationException>(() => generated.GetRequired<int>("Count")).Message);
    }

    [Fact]
    public void EmptyHasNothing()
    {
        Assert.Null(Document.Empty.Source);
        Assert.Null(Document.Empty.Destination);
        Assert.Empty(Document.Empty.Content);
        Assert.Empty(Document.Empty.Metadata);
    }

    [Fact]
    public void NamesItselfByItsSourceThenItsDestination()
    {
        Assert.Equal("papers/a.md", Original.ToString());
        Assert.Equal("a/index.html", Document.Create(destination: "a/index.html").ToString());
        Assert.Equal("(generated document)", Document.Empty.ToString());
    }

    private static void AssertUnchanged(Document document)
    {
        Assert.Equal("papers/a.md", document.Source);
        Assert.Equal("papers/a/index.html", document.Destination);
        Assert.Equal("# A", document.Content);
        Assert.Equal(2, document.Metadata.Count);
        Assert.Equal("A", document.Metadata["Title"]);
        Assert.Equal(2024, document.Metadata["Year"]);
    }

    private static void AssertSameExcept(Document changed, bool source = true, bool destination = true, bool content = true, bool metadata = true)
    {
        Assert.NotSame(Original, changed);
        if (source)
        {
            Assert.Equal(Original.Source, changed.Source);
        }
        if (destination)
        {
            Assert.Equal(Original.Destination, changed.Destination);
        }
        if (content)
        {
            Assert.Equal(Original.Content, changed.Content);
        }
        if (metadata)
        {
            Assert.Same(Original.Metadata, changed.Metadata);
        }
    }
}

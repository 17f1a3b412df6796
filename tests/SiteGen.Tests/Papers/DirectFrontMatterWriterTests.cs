using System.Collections.Immutable;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SiteGen.Papers;

namespace SiteGen.Tests.Papers;

/// <summary>The direct path must write the very page that YamlDotNet's emitter writes, or leave the paper to it.</summary>
public sealed class DirectFrontMatterWriterTests
{
    private static readonly string[] SimpleText =
        ["plain", "a: b", "it's", "'q'", "\"q\"", "back\\slash", "# x", "x #y", "- x", "2024", "true", "~", "[x]", "a, b",
         "Déjà vu", "日本語", " padded ", "...", "---", "@at", "%", "https://x.org/a?b=1#c", ""];

    /// <summary>Papers like the ones listings give, with values chosen to need every quoting style.</summary>
    private static Gen<Paper> OrdinaryPaper =>
        from title in Gen.Elements(SimpleText).NonEmptyListOf().Select(pieces => "T" + string.Concat(pieces))
        from authors in Gen.OneOf(Gen.Constant((int?)null), Gen.Choose(1, 500).Select(n => (int?)n))
        from day in Gen.OneOf(Gen.Constant((int?)null), Gen.Choose(0, 80_000).Select(n => (int?)n))
        from comments in Gen.OneOf(Gen.Constant((int?)null), Gen.Choose(0, 1000).Select(n => (int?)n))
        from tags in Gen.Elements("diffusion", "3d-generation", "2024", "true", "null", "1e3", "no", "a").ListOf()
        from links in Gen.Zip(Gen.Elements("code", "project page", "2", "a: b", "it's"), Gen.Elements(SimpleText)).ListOf()
        from sources in Gen.Elements("000_e26a98970d65545d.txt", "my paper.md", "2024", "a, b.txt", "x:y", "it's").ListOf()
        from extra in Gen.Zip(Gen.Elements("venue", "note", "a b", "x:y", "2024", "é"), Gen.OneOf(Gen.Elements(SimpleText).Select(text => (object?)text), Gen.Constant((object?)null))).ListOf()
        select new Paper
        {
            Title = title,
            Slug = Slug.FromTitle(title),
            AuthorCount = authors,
            Published = day.HasValue ? new DateOnly(1900, 1, 1).AddDays(day.Value) : null,
            Comments = comments,
            Tags = [.. tags],
            Links = links.Where(link => link.Item2.Trim().Length > 0).GroupBy(link => link.Item1)
                .ToImmutableSortedDictionary(same => same.Key, same => same.First().Item2, StringComparer.Ordinal),
            Sources = [.. sources],
            Body = "An abstract.",
            Extra = extra.GroupBy(pair => pair.Item1)
                .ToImmutableSortedDictionary<IGrouping<string, (string, object?)>, string, object?>(same => same.Key, same => same.First().Item2, StringComparer.Ordinal),
        };

    [Property(MaxTest = 1000)]
    public Property WritesTheSamePageAsTheEmitterForOrdinaryPapers() =>
        Prop.ForAll(Arb.From(OrdinaryPaper), paper =>
        {
            var direct = FrontMatterWriter.Write(paper, direct: true);
            return (direct == FrontMatterWriter.Write(paper, direct: false)).Label(direct);
        });

    [Property(MaxTest = 500)]
    public Property WritesTheSamePageAsTheEmitterForAnyPaper() =>
        Prop.ForAll(Arb.From(PaperGenerators.Paper), paper =>
        {
            var direct = FrontMatterWriter.Write(paper, direct: true);
            return (direct == FrontMatterWriter.Write(paper, direct: false)).Label(direct);
        });

    [Fact]
    public void WritesAPaperOfAListingItself()
    {
        var paper = new Paper
        {
            Title = "SAM-Aware Graph Prompt Reasoning Network for Cross-Domain Few-Shot Segmentation",
            Slug = "sam-aware-graph-prompt-reasoning-network-for-cross-domain-few-shot-segmentation",
            AuthorCount = 5,
            Published = new DateOnly(2024, 12, 31),
            Tags = ["graph-neural-networks", "few-shot-learning"],
            Links = ImmutableSortedDictionary<string, string>.Empty.Add("code", "https://github.com/a/b"),
            Sources = ["000_e26a98970d65545d.txt"],
        };

        Assert.True(DirectFrontMatterWriter.TryWriteFields(new StringBuilder(), paper));
    }

    [Fact]
    public void LeavesAPaperWithAnExtraListToTheEmitterAndWritesNothing()
    {
        var paper = new Paper
        {
            Title = "T",
            Slug = "t",
            Extra = ImmutableSortedDictionary<string, object?>.Empty.Add("authors", ImmutableArray.Create<object?>("Ada")),
        };
        var page = new StringBuilder("---\n");

        Assert.False(DirectFrontMatterWriter.TryWriteFields(page, paper));
        Assert.Equal("---\n", page.ToString());
    }

    [Fact]
    public void LeavesATitleThatNeedsEscapesToTheEmitter()
    {
        Assert.False(DirectFrontMatterWriter.TryWriteFields(new StringBuilder(), new Paper { Title = "two\nlines", Slug = "t" }));
    }

    [Fact]
    public void WritesLinksAndExtrasInOrdinalOrderWhateverTheirComparer()
    {
        var paper = new Paper
        {
            Title = "T",
            Slug = "t",
            Links = ImmutableSortedDictionary.Create<string, string>(StringComparer.OrdinalIgnoreCase)
                .Add("b", "https://b.org").Add("A", "https://a.org").Add("a2", "https://c.org"),
            Extra = ImmutableSortedDictionary.Create<string, object?>(StringComparer.OrdinalIgnoreCase).Add("zed", "z").Add("Venue", "v"),
        };

        Assert.Equal(FrontMatterWriter.Write(paper, direct: false), FrontMatterWriter.Write(paper, direct: true));
        Assert.Contains("links:\n  A: https://a.org\n  a2: https://c.org\n  b: https://b.org\n", FrontMatter.Write(paper));
    }
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SiteGen.Papers;

namespace SiteGen.Tests.Papers;

public sealed class FrontMatterPropertyTests
{
    [Property(MaxTest = 500)]
    public Property ReadingAWrittenPageGivesTheSamePaper() =>
        Prop.ForAll(Arb.From(PaperGenerators.Paper), paper =>
        {
            var page = FrontMatter.Write(paper);
            return (FrontMatter.Parse("p.md", page) == paper).Label(page);
        });

    [Property(MaxTest = 500)]
    public Property WritingIsByteStable() =>
        Prop.ForAll(Arb.From(PaperGenerators.Paper), paper =>
        {
            var page = FrontMatter.Write(paper);
            return (FrontMatter.Write(FrontMatter.Parse("p.md", page)) == page).Label(page);
        });

    [Property(MaxTest = 200)]
    public Property EveryPageStartsAndEndsTheSameWay() =>
        Prop.ForAll(Arb.From(PaperGenerators.Paper), paper =>
        {
            var page = FrontMatter.Write(paper);
            return (page.StartsWith("---\ntitle: \"", StringComparison.Ordinal)
                && page.EndsWith('\n')
                && !page.Contains('\r')
                && !page.EndsWith("\n\n", StringComparison.Ordinal)).Label(page);
        });
}

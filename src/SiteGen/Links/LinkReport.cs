using System.Collections.Immutable;

namespace SiteGen.Links;

/// <summary>What the link check saw: pages, their internal links (distinct per page), the broken ones, and its cost.</summary>
internal sealed record LinkReport(int Pages, int Links, ImmutableArray<BrokenLink> Broken, TimeSpan ReadingTime, TimeSpan CheckingTime)
{
    public static LinkReport None { get; } = new(0, 0, [], TimeSpan.Zero, TimeSpan.Zero);
}

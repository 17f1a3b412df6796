using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace SiteGen.Papers;

/// <summary>
/// Every copy of one paper: its cards in listings, in input order, and its hand-written pages. Two groups are
/// equal when they hold the very same paper objects in the same order, so a rebuild finds the paper it merged
/// last time without comparing any text.
/// </summary>
internal sealed class PaperGroup(ImmutableArray<Paper> listings, ImmutableArray<Paper> pages) : IEquatable<PaperGroup>
{
    public ImmutableArray<Paper> Listings { get; } = listings;

    public ImmutableArray<Paper> Pages { get; } = pages;

    public bool Equals(PaperGroup? other) =>
        other is not null
        && Listings.AsSpan().SequenceEqual(other.Listings.AsSpan(), ReferenceEqualityComparer.Instance)
        && Pages.AsSpan().SequenceEqual(other.Pages.AsSpan(), ReferenceEqualityComparer.Instance);

    public override bool Equals(object? obj) => Equals(obj as PaperGroup);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var paper in Listings)
        {
            hash.Add(RuntimeHelpers.GetHashCode(paper));
        }
        hash.Add(Pages.Length);
        foreach (var paper in Pages)
        {
            hash.Add(RuntimeHelpers.GetHashCode(paper));
        }
        return hash.ToHashCode();
    }
}

using System.Collections.Immutable;

namespace SiteGen.Tags;

/// <summary>
/// One tag of the vocabulary (<c>input/tags.yml</c>): its URL name, what readers see, and the phrases that
/// give a paper this tag. See <see cref="TagMatcher"/> for how phrases match.
/// </summary>
/// <param name="Slug">The key in <c>tags.yml</c> and the URL name: <c>/tags/{slug}/</c>.</param>
/// <param name="Name">The display name.</param>
/// <param name="Description">One sentence for the tag's page; empty when the file gives none.</param>
/// <param name="Match">The phrases, as written in the file.</param>
internal sealed record TagDefinition(string Slug, string Name, string Description, ImmutableArray<string> Match)
{
    /// <summary>Records compare arrays by reference; definitions compare by value.</summary>
    public bool Equals(TagDefinition? other) =>
        other is not null
        && Slug == other.Slug
        && Name == other.Name
        && Description == other.Description
        && Match.SequenceEqual(other.Match);

    public override int GetHashCode() => HashCode.Combine(Slug, Name, Description);
}

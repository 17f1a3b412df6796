using System.Collections.Immutable;

namespace SiteGen.Papers;

/// <summary>
/// One paper, as the site knows it: the fields of its YAML-fronted page (see README, "Front matter").
/// Listings and hand-written pages both become this record, so there is one path through the site.
/// </summary>
public sealed record Paper
{
    public required string Title { get; init; }

    /// <summary>The URL name: <c>/papers/{slug}/</c>. Derived from the title unless the page sets one.</summary>
    public required string Slug { get; init; }

    /// <summary>Null when the listing did not say.</summary>
    public int? AuthorCount { get; init; }

    public DateOnly? Published { get; init; }

    /// <summary>The comment count shown after the date on the listing; null when not shown.</summary>
    public int? Comments { get; init; }

    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>Named links (<c>code</c>, and any the author adds); only http(s) ones are ever rendered as links.</summary>
    public ImmutableSortedDictionary<string, string> Links { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>File names of the listings (or the hand-written page) the paper came from, in build order.</summary>
    public ImmutableArray<string> Sources { get; init; } = [];

    /// <summary>The abstract as Markdown: the body of the YAML-fronted page.</summary>
    public string Body { get; init; } = "";

    /// <summary>Front-matter keys SiteGen does not know; kept and passed to templates.</summary>
    public ImmutableSortedDictionary<string, object?> Extra { get; init; } = ImmutableSortedDictionary<string, object?>.Empty;

    public const string CodeLink = "code";

    public string? CodeUrl => Links.GetValueOrDefault(CodeLink);

    /// <summary>
    /// Records compare arrays by reference; papers compare by value so round-trip tests mean something.
    /// Links and extras compare as sets of keys (two dictionaries with different key comparers still hold the same
    /// paper), and extra lists and mappings by content.
    /// </summary>
    public bool Equals(Paper? other) =>
        other is not null
        && Title == other.Title
        && Slug == other.Slug
        && AuthorCount == other.AuthorCount
        && Published == other.Published
        && Comments == other.Comments
        && Tags.SequenceEqual(other.Tags)
        && Links.Count == other.Links.Count
        && Links.All(pair => other.Links.TryGetValue(pair.Key, out var url) && url == pair.Value)
        && Sources.SequenceEqual(other.Sources)
        && Body == other.Body
        && Extra.Count == other.Extra.Count
        && Extra.All(pair => other.Extra.TryGetValue(pair.Key, out var value) && ExtraValues.DeepEquals(pair.Value, value));

    public override int GetHashCode() => HashCode.Combine(Title, Slug, AuthorCount, Published, Comments, Body);
}

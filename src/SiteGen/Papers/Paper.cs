using System.Collections.Immutable;

namespace SiteGen.Papers;

/// <summary>
/// One paper, as the site knows it: the fields of its YAML-fronted page (see docs/papers.md).
/// Listings and hand-written pages both become this record, so there is one path through the site.
/// </summary>
internal sealed record Paper
{
    public required string Title { get; init; }

    /// <summary>The URL name: <c>/papers/{slug}/</c>. Derived from the title unless the page sets one.</summary>
    public required string Slug { get; init; }

    /// <summary>The arXiv id (<c>2405.07960</c>), when a capture shows it.</summary>
    public string? Arxiv { get; init; }

    /// <summary>The authors' names, in order, when a capture lists them (then <see cref="AuthorCount"/> is their number).</summary>
    public ImmutableArray<string> Authors { get; init; } = [];

    /// <summary>Null when the listing did not say.</summary>
    public int? AuthorCount { get; init; }

    /// <summary>The organization a card shows instead of an author count (<c>Microsoft</c>).</summary>
    public string? Organization { get; init; }

    public DateOnly? Published { get; init; }

    /// <summary>The day the paper was submitted to the daily list (the API's), not its publication.</summary>
    public DateOnly? Submitted { get; init; }

    /// <summary>The upvote count; null when not shown (a <c>-</c> is unknown, not 0).</summary>
    public int? Upvotes { get; init; }

    /// <summary>The comment count shown after the date on the listing; null when not shown.</summary>
    public int? Comments { get; init; }

    /// <summary>The stars of the code repository, when a capture shows them (<c>GitHub 3.29k</c> is 3290).</summary>
    public int? GithubStars { get; init; }

    /// <summary>The AI-generated summary, kept apart from the abstract.</summary>
    public string? Summary { get; init; }

    /// <summary>The API's AI keywords; they select tags as the title and abstract do.</summary>
    public ImmutableArray<string> Keywords { get; init; } = [];

    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>Named links (<c>code</c>, and any the author adds); only http(s) ones are ever rendered as links.</summary>
    public ImmutableSortedDictionary<string, string> Links { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>File names of the listings (or the hand-written page) the paper came from, in build order.</summary>
    public ImmutableArray<string> Sources { get; init; } = [];

    private readonly string _body = "";

    /// <summary>The abstract as Markdown: the body of the YAML-fronted page.</summary>
    public string Body
    {
        get => StoredBody?.Text ?? _body;
        init
        {
            _body = value;
            StoredBody = null;
        }
    }

    /// <summary>
    /// The abstract as the cache's store kept it, when the paper was read back from there and nothing set another: it is
    /// decoded only when <see cref="Body"/> is read (<see cref="Text.StoredText"/>).
    /// </summary>
    internal Text.StoredText? StoredBody { get; init; }

    /// <summary>
    /// This paper with its abstract in <paramref name="texts"/> rather than held (a one-off build: <see cref="Text.TextFile"/>);
    /// itself when there is no file, or the abstract is stored already.
    /// </summary>
    internal Paper WithBodyIn(Text.TextFile? texts) =>
        texts is null || StoredBody is not null || _body.Length == 0 ? this
        // Body first: setting it clears StoredBody, which comes after.
        : this with { Body = "", StoredBody = texts.Keep(_body) };

    /// <summary>The abstract's length, without decoding a stored one.</summary>
    public int BodyLength => StoredBody?.Length ?? _body.Length;

    /// <summary>A hash of the abstract, for the keys of what is made from it, without decoding a stored one.</summary>
    public UInt128 BodyHash => Text.StoredText.HashOf(StoredBody, _body);

    /// <summary>
    /// The earliest day a capture shows the paper on: the day of the daily list it is on (a browser copy's page date),
    /// else the day the capture was made (a header's, an API response's), the earliest over all its captures. For a
    /// paper without a date of its own, the day it joined the site (<see cref="OrderDate"/>); never shown as its date.
    /// </summary>
    public DateOnly? FirstSeen { get; init; }

    /// <summary>
    /// The date the site's order puts the paper at, newest first: its own date, or for one without, the day a capture
    /// first showed it, as Hugo falls back to a file's time and Eleventy to its creation for content without a date. A
    /// browser copy shows a date only on the cards with an authors line, so about half of a day's papers have none, and
    /// they belong with that day's papers, not after every dated paper. Null (after every other paper) when neither is
    /// known: a hand-written page without a date, a capture that shows no day.
    /// </summary>
    public DateOnly? OrderDate => Published ?? FirstSeen;

    /// <summary>
    /// What the capture this copy of the paper was read from says of it (when it was captured, whether the year of its
    /// date was inferred), for merging copies; not part of the page, nor of a paper's equality.
    /// </summary>
    public CaptureNote? Capture { get; init; }

    /// <summary>Front-matter keys SiteGen does not know; kept and passed to templates.</summary>
    public ImmutableSortedDictionary<string, object?> Extra { get; init; } = ImmutableSortedDictionary<string, object?>.Empty;

    public const string CodeLink = "code";
    public const string ArxivLink = "arxiv";
    public const string PdfLink = "pdf";
    public const string ProjectLink = "project";

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
        && Arxiv == other.Arxiv
        && Authors.SequenceEqual(other.Authors)
        && AuthorCount == other.AuthorCount
        && Organization == other.Organization
        && Published == other.Published
        && FirstSeen == other.FirstSeen
        && Submitted == other.Submitted
        && Upvotes == other.Upvotes
        && Comments == other.Comments
        && GithubStars == other.GithubStars
        && Summary == other.Summary
        && Keywords.SequenceEqual(other.Keywords)
        && Tags.SequenceEqual(other.Tags)
        && Links.Count == other.Links.Count
        && Links.All(pair => other.Links.TryGetValue(pair.Key, out var url) && url == pair.Value)
        && Sources.SequenceEqual(other.Sources)
        && Body == other.Body
        && Extra.Count == other.Extra.Count
        && Extra.All(pair => other.Extra.TryGetValue(pair.Key, out var value) && ExtraValues.DeepEquals(pair.Value, value));

    public override int GetHashCode() => HashCode.Combine(Title, Slug, Arxiv, AuthorCount, Published, Comments, Upvotes, Body);
}

namespace SiteGen.Papers;

/// <summary>
/// The YAML-fronted page of one paper (DESIGN.md, "The YAML-fronted page: one paper"): what SiteGen writes for
/// every paper and what a person writes by hand in <c>input/papers/*.md</c>. One format, one reader, one writer,
/// and <c>Parse(Write(p)) == p</c>.
/// </summary>
/// <remarks>
/// The key names are the contract that users edit by hand: short, lower_snake_case, stable.
/// Keys SiteGen does not know are kept in <see cref="Paper.Extra"/> as text (or null), lists and mappings of
/// text; written back, a text that YAML would read as something else is quoted (<c>draft: true</c> comes back
/// as <c>draft: 'true'</c>), because text is what SiteGen holds.
/// </remarks>
internal static class FrontMatter
{
    public const string TitleKey = "title";
    public const string SlugKey = "slug";
    public const string ArxivKey = "arxiv";
    public const string AuthorsKey = "authors";
    public const string AuthorCountKey = "author_count";
    public const string OrganizationKey = "organization";
    public const string PublishedKey = "published";
    public const string SubmittedKey = "submitted";
    public const string FirstSeenKey = "first_seen";
    public const string UpvotesKey = "upvotes";
    public const string CommentsKey = "comments";
    public const string GithubStarsKey = "github_stars";
    public const string TagsKey = "tags";
    public const string KeywordsKey = "keywords";
    public const string SummaryKey = "summary";
    public const string LinksKey = "links";
    public const string SourcesKey = "sources";

    /// <summary>How <c>published</c> is written, and the only way it is read.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>The known keys, in the order they are written.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        TitleKey, SlugKey, ArxivKey, AuthorsKey, AuthorCountKey, OrganizationKey, PublishedKey, SubmittedKey, FirstSeenKey, UpvotesKey,
        CommentsKey, GithubStarsKey, TagsKey, KeywordsKey, SummaryKey, LinksKey, SourcesKey,
    ];

    /// <summary>
    /// The page for <paramref name="paper"/>, byte for byte the same for equal papers: the known keys in the
    /// order of <see cref="Keys"/> (a field with no value, or an empty list, is left out), then the extra keys
    /// sorted, the closing <c>---</c>, the body and one final newline.
    /// </summary>
    /// <exception cref="ArgumentException">The paper could not be read back: no title, an invalid slug, a count
    /// out of range, an empty tag, source or link, or an extra key that is (a spelling of) a known one.</exception>
    public static string Write(Paper paper) => FrontMatterWriter.Write(paper);

    /// <summary>
    /// Reads a page written by <see cref="Write"/> or by hand. A missing slug is derived from the title.
    /// </summary>
    /// <param name="path">The file, used only to say where a mistake is.</param>
    /// <exception cref="Diagnostics.ContentException">The page is not a valid paper; the message says where and how to fix it.</exception>
    public static Paper Parse(string path, string text) => FrontMatterReader.Read(path, text);

    /// <summary>
    /// The known key that <paramref name="key"/> is a misspelling of by case or hyphens (<c>Title</c>,
    /// <c>author-count</c>), or null. Such keys are refused rather than kept as extras, so the typo is found.
    /// </summary>
    internal static string? KnownKeyLike(string key)
    {
        foreach (var known in Keys)
        {
            if (key != known && string.Equals(key.Replace('-', '_'), known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }
        return null;
    }
}

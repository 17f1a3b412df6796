using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace SiteGen.Papers;

/// <summary>
/// Writes the front matter of the usual paper straight into the page, as <see cref="FrontMatterWriter"/>'s
/// YamlDotNet path would write it, but without building an emitter, an event per value and a
/// <see cref="StringWriter"/> for every paper. A page with anything out of the ordinary (a value that needs
/// escapes, an extra list or mapping) is left to the emitter: this writer says no rather than guess.
/// </summary>
internal static class DirectFrontMatterWriter
{
    /// <summary>
    /// Appends the lines between the <c>---</c> lines, or returns false, leaving <paramref name="page"/> as it
    /// was, when some value is not one <see cref="SimpleYamlScalars"/> can write.
    /// </summary>
    /// <param name="paper">A paper that <see cref="FrontMatterWriter"/> has validated.</param>
    public static bool TryWriteFields(StringBuilder page, Paper paper)
    {
        var start = page.Length;
        if (TryWrite(page, paper))
        {
            return true;
        }
        page.Length = start;
        return false;
    }

    private static bool TryWrite(StringBuilder page, Paper paper)
    {
        page.Append(FrontMatter.TitleKey).Append(": ");
        if (!SimpleYamlScalars.TryAppendDoubleQuoted(page, paper.Title))
        {
            return false;
        }
        page.Append('\n');
        if (!TryField(page, FrontMatter.SlugKey, paper.Slug)
            || (paper.Arxiv is { } arxiv && !TryField(page, FrontMatter.ArxivKey, arxiv))
            || (!paper.Authors.IsDefaultOrEmpty && !TryFlowList(page, FrontMatter.AuthorsKey, paper.Authors)))
        {
            return false;
        }
        // Counts and dates are digits and hyphens, which YAML always lets stand plain.
        Count(page, FrontMatter.AuthorCountKey, paper.AuthorCount);
        if (paper.Organization is { } organization && !TryField(page, FrontMatter.OrganizationKey, organization))
        {
            return false;
        }
        Date(page, FrontMatter.PublishedKey, paper.Published);
        Date(page, FrontMatter.SubmittedKey, paper.Submitted);
        Date(page, FrontMatter.FirstSeenKey, paper.FirstSeen);
        Count(page, FrontMatter.UpvotesKey, paper.Upvotes);
        Count(page, FrontMatter.CommentsKey, paper.Comments);
        Count(page, FrontMatter.GithubStarsKey, paper.GithubStars);
        if ((!paper.Tags.IsDefaultOrEmpty && !TryFlowList(page, FrontMatter.TagsKey, paper.Tags))
            || (!paper.Keywords.IsDefaultOrEmpty && !TryFlowList(page, FrontMatter.KeywordsKey, paper.Keywords)))
        {
            return false;
        }
        if (paper.Summary is { } summary)
        {
            page.Append(FrontMatter.SummaryKey).Append(": ");
            if (!SimpleYamlScalars.TryAppendDoubleQuoted(page, summary))
            {
                return false;
            }
            page.Append('\n');
        }
        if (paper.Links.Count > 0 && !TryLinks(page, paper.Links))
        {
            return false;
        }
        if (!paper.Sources.IsDefaultOrEmpty && !TryFlowList(page, FrontMatter.SourcesKey, paper.Sources))
        {
            return false;
        }
        foreach (var (key, value) in paper.Extra.Count > 0 ? InOrdinalOrder(paper.Extra) : [])
        {
            if (!SimpleYamlScalars.TryAppend(page, key, YamlPlace.BlockKey))
            {
                return false;
            }
            page.Append(": ");
            switch (value)
            {
                case null:
                    page.Append("null"); // as the emitter path writes it: plain, so it reads back as null
                    break;
                case string text when SimpleYamlScalars.TryAppend(page, text, YamlPlace.BlockValue):
                    break;
                default:
                    return false; // lists and mappings have layouts of their own, which the emitter knows
            }
            page.Append('\n');
        }
        return true;
    }

    private static void Count(StringBuilder page, string key, int? count)
    {
        if (count is { } value)
        {
            page.Append(key).Append(": ").Append(CultureInfo.InvariantCulture, $"{value}").Append('\n');
        }
    }

    private static void Date(StringBuilder page, string key, DateOnly? date)
    {
        if (date is { } value)
        {
            page.Append(key).Append(": ").Append(value.ToString(FrontMatter.DateFormat, CultureInfo.InvariantCulture)).Append('\n');
        }
    }

    /// <summary><c>key: value</c></summary>
    private static bool TryField(StringBuilder page, string key, string value)
    {
        if (!SimpleYamlScalars.TryAppend(page, key, YamlPlace.BlockKey))
        {
            return false;
        }
        page.Append(": ");
        if (!SimpleYamlScalars.TryAppend(page, value, YamlPlace.BlockValue))
        {
            return false;
        }
        page.Append('\n');
        return true;
    }

    /// <summary><c>key: [a, b]</c></summary>
    private static bool TryFlowList(StringBuilder page, string key, ImmutableArray<string> items)
    {
        page.Append(key).Append(": [");
        for (var i = 0; i < items.Length; i++)
        {
            if (i > 0)
            {
                page.Append(", ");
            }
            if (!SimpleYamlScalars.TryAppend(page, items[i], YamlPlace.FlowItem))
            {
                return false;
            }
        }
        page.Append("]\n");
        return true;
    }

    /// <summary><c>links:</c> and one indented <c>name: url</c> line per link.</summary>
    private static bool TryLinks(StringBuilder page, ImmutableSortedDictionary<string, string> links)
    {
        page.Append(FrontMatter.LinksKey).Append(":\n");
        foreach (var (name, url) in InOrdinalOrder(links))
        {
            page.Append("  ");
            if (!TryField(page, name, url))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The pairs in the order the emitter path writes them. A paper's dictionaries are ordinal-sorted already,
    /// unless someone built one with another comparer.
    /// </summary>
    private static IEnumerable<KeyValuePair<string, T>> InOrdinalOrder<T>(ImmutableSortedDictionary<string, T> pairs) =>
        pairs.KeyComparer == StringComparer.Ordinal ? pairs : pairs.OrderBy(pair => pair.Key, StringComparer.Ordinal);
}

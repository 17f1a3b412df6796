using System.Collections.Immutable;
using SiteGen.Diagnostics;
using SiteGen.Engine;
using SiteGen.Papers;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// Puts papers newest first (undated last, then by title and slug, so the order is total and builds are
/// reproducible) and stops the build when two papers would share one URL.
/// </summary>
public sealed class OrderPapers : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var bySlug = new Dictionary<string, Paper>(inputs.Length, StringComparer.Ordinal);
        var papers = new Paper[inputs.Length];
        for (var i = 0; i < papers.Length; i++)
        {
            var paper = papers[i] = inputs[i].GetRequired<Paper>(Keys.Paper);
            if (!bySlug.TryAdd(paper.Slug, paper))
            {
                var first = bySlug[paper.Slug];
                throw new ContentException(paper.Sources.LastOrDefault() ?? paper.Slug, 0, 0,
                    $"'{paper.Title}' and '{first.Title}' (from {string.Join(", ", first.Sources)}) both have the slug '{paper.Slug}'; give one of them another `slug:` in its front matter");
            }
        }
        // The papers are the keys, read once: a comparison that looked each up in its document's metadata cost more than the sort.
        var documents = inputs.ToArray();
        Array.Sort(papers, documents, Comparer<Paper>.Create(Compare));
        return Task.FromResult(ImmutableArray.Create(documents));
    }

    public static int Compare(Paper a, Paper b)
    {
        if (a.Published != b.Published)
        {
            // Newest first; a paper without a date goes after every dated one.
            return (a.Published, b.Published) switch
            {
                (null, _) => 1,
                (_, null) => -1,
                _ => b.Published!.Value.CompareTo(a.Published!.Value),
            };
        }
        var byTitle = string.Compare(a.Title, b.Title, StringComparison.OrdinalIgnoreCase);
        return byTitle != 0 ? byTitle : string.CompareOrdinal(a.Slug, b.Slug);
    }
}

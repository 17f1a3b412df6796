using SiteGen.Diagnostics;

namespace SiteGen.Papers;

/// <summary>
/// Two different papers whose titles make the same slug ("Foo: a study" and "Foo? A study") both keep a page: the one that
/// was there first (the one whose page sets that slug, else the oldest, then by title) keeps the plain slug, and each
/// other gets the next free <c>-2</c>, <c>-3</c>..., with a warning that says where, so adding a paper never moves an
/// older one. Two pages that both set the same <c>slug:</c> are an error: only their author can choose.
/// </summary>
internal static class SlugClashes
{
    /// <summary>The papers, those that clash renamed (at the same places), and a warning for each rename.</summary>
    /// <exception cref="ContentException">Two hand-written pages set the same slug.</exception>
    public static (Paper[] Papers, List<Diagnostic> Warnings) Resolve(Paper[] papers)
    {
        var warnings = new List<Diagnostic>();
        // Every slug once, and those taken twice: at 100,000 papers a list of places for every slug, to find the few that
        // clash, was 100,000 lists in every build.
        var taken = new HashSet<string>(papers.Length, StringComparer.Ordinal);
        HashSet<string>? twice = null;
        foreach (var paper in papers)
        {
            if (!taken.Add(paper.Slug))
            {
                (twice ??= new HashSet<string>(StringComparer.Ordinal)).Add(paper.Slug);
            }
        }
        if (twice is null)
        {
            return (papers, warnings);
        }
        var bySlug = new Dictionary<string, List<int>>(twice.Count, StringComparer.Ordinal);
        for (var i = 0; i < papers.Length; i++)
        {
            if (twice.Contains(papers[i].Slug))
            {
                if (!bySlug.TryGetValue(papers[i].Slug, out var same))
                {
                    bySlug[papers[i].Slug] = same = [];
                }
                same.Add(i);
            }
        }
        var resolved = papers.ToArray();
        foreach (var (slug, indices) in bySlug.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var clashing = indices.Select(i => papers[i]).ToList();
            var chosen = clashing.Where(p => p.Slug != Slug.FromTitle(p.Title)).ToList();
            if (chosen.Count > 1)
            {
                throw new ContentException(SourceOf(chosen[1]), 0, 0,
                    $"'{chosen[1].Title}' and '{chosen[0].Title}' (from {SourceOf(chosen[0])}) both set the slug '{slug}'; give one of them another `slug:` in its front matter");
            }
            var order = indices.OrderBy(i => chosen.Contains(papers[i]) ? 0 : 1)
                .ThenBy(i => papers[i].Published ?? DateOnly.MaxValue)
                .ThenBy(i => papers[i].Title, StringComparer.Ordinal)
                .ToList();
            var keeper = papers[order[0]];
            var next = 2;
            foreach (var i in order.Skip(1))
            {
                while (!taken.Add($"{slug}-{next}"))
                {
                    next++;
                }
                resolved[i] = papers[i] with { Slug = $"{slug}-{next}" };
                warnings.Add(Diagnostic.Warning(SourceOf(papers[i]), 0,
                    $"\"{papers[i].Title}\" and \"{keeper.Title}\" (from {SourceOf(keeper)}) make the same URL name '{slug}', so \"{papers[i].Title}\" is at papers/{slug}-{next}/; give it a `slug:` of its own to choose another"));
            }
        }
        return (resolved, warnings);
    }

    private static string SourceOf(Paper paper) => paper.Sources.IsDefaultOrEmpty ? paper.Slug : paper.Sources[^1];
}

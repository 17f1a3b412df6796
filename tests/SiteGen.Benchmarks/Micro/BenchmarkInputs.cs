using System.Collections.Immutable;
using SiteGen.Benchmarks.Generation;
using SiteGen.Papers;
using SiteGen.Rendering;
using SiteGen.Rendering.Views;
using SiteGen.Settings;
using SiteGen.Site;
using SiteGen.Tags;

namespace SiteGen.Benchmarks.Micro;

/// <summary>
/// The inputs of the micro-benchmarks, made once per process: 1,000 papers from the generator (seed 42), the
/// repository's vocabulary and theme, and one typical paper (known author count and date, 2 or more tags, a code
/// link, an abstract of typical length).
/// </summary>
internal static class BenchmarkInputs
{
    public const int Seed = 42;
    public const int PaperCount = 1000;
    public const string ListingName = "0000_benchmark.txt";

    private static readonly Lazy<SitePlan> LazyPlan = new(() => SitePlan.Create(PaperCount, Seed, SeedCorpus.Load(RepositoryPaths.SeedListings), Matcher));

    private static readonly Lazy<TagVocabulary> LazyVocabulary =
        new(() => TagVocabulary.Load("input/tags.yml", File.ReadAllText(RepositoryPaths.Tags)));

    private static readonly Lazy<TagMatcher> LazyMatcher = new(() => new TagMatcher(Vocabulary));

    private static readonly Lazy<SiteServices> LazyServices = new(() => new SiteServices(
        RepositoryPaths.Root,
        new SiteSettings(),
        new OutputFolder(Path.Combine(Path.GetTempPath(), "sitegen-benchmarks-unused")),
        Vocabulary,
        Matcher,
        TemplateRenderer.Load(RepositoryPaths.Root, [RepositoryPaths.Theme]),
        MarkdownRenderer.Default));

    public static SitePlan Plan => LazyPlan.Value;

    public static TagVocabulary Vocabulary => LazyVocabulary.Value;

    public static TagMatcher Matcher => LazyMatcher.Value;

    /// <summary>Vocabulary, matcher, the repository's theme and the Markdown renderer, as a build has them.</summary>
    public static SiteServices Services => LazyServices.Value;

    /// <summary>A listing of all 1,000 generated papers as cards, with the page's header.</summary>
    public static string Listing() =>
        ListingWriter.Write(Plan.Papers, Plan.CaptureYear, dailyPapers: true, new DateOnly(Plan.CaptureYear, 11, 3));

    /// <summary>The first generated paper with every field a page can show, as SiteGen holds it.</summary>
    public static Paper TypicalPaper()
    {
        var lengths = Plan.Papers.Select(p => p.Abstract.Length).Order().ToArray();
        var median = lengths[lengths.Length / 2];
        var typical = Plan.Papers.First(p =>
            p.AuthorCount is not null && p.Published is not null && p.Tags.Length >= 2 && p.CodeUrl is not null
            && !p.Sources.IsEmpty && Math.Abs(p.Abstract.Length - median) < median / 5);
        return ToPaper(typical);
    }

    /// <summary>What SiteGen holds for a generated paper after tagging: the paper of its page.</summary>
    public static Paper ToPaper(SyntheticPaper paper) => new()
    {
        Title = paper.Title,
        Slug = paper.Slug,
        AuthorCount = paper.AuthorCount,
        Published = paper.Published,
        Comments = paper.Comments,
        Tags = paper.Tags,
        Links = paper.CodeUrl is null
            ? ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal)
            : ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal).Add(Paper.CodeLink, paper.CodeUrl),
        Sources = paper.Sources,
        Body = paper.Body,
    };

    /// <summary>The model of a paper's page, made as the site makes it (CreatePaperPages).</summary>
    public static PageModel PaperPage(Paper paper)
    {
        var view = PaperViews.Create(paper, Services);
        return new PageModel(PageDocuments.SiteFor(view.Url, Services), new PageView(paper.Title, "paper", view.Url, view.Excerpt)) { Paper = view };
    }

    /// <summary>The model of page 3 of the home list: 50 cards and the page links.</summary>
    public static PageModel HomePage3()
    {
        var views = Plan.Papers.Take(200).Select(p => PaperViews.Create(ToPaper(p), Services)).ToArray();
        var page = Paginator.Paginate(views, 50, "").ElementAt(2);
        return new PageModel(PageDocuments.SiteFor(page.Destination, Services),
            new PageView("Papers (page 3)", "home", page.Destination, "Newest papers first."))
        {
            Papers = page.Items,
            Pagination = page.Pagination,
        };
    }
}

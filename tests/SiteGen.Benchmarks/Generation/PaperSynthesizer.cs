using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using SiteGen.Papers;
using SiteGen.Tags;

namespace SiteGen.Benchmarks.Generation;

/// <summary>
/// Makes papers that read like the seeds: each one mixes two seed papers (the title's head from one and its tail
/// from the other, the opening of one and middle sentences of both), takes its metadata from the seeds'
/// distributions, and gets 1 to 4 tags of the vocabulary, as many as a seed paper drawn at random has. Every choice
/// comes from one <see cref="Random"/>, in order, so a seed gives the same papers every time. Not thread-safe.
/// </summary>
internal sealed class PaperSynthesizer
{
    public const int MinTags = 1;
    public const int MaxTags = 4;

    /// <summary>Share of hand-written pages that name one of their tags themselves.</summary>
    private const double OwnTagShare = 0.3;

    private const int MaxTitleLength = 200;
    private const int TitleAttempts = 6;
    private const int AbstractAttempts = 16;
    private const int MinAbstractLength = 300;
    private const int MaxAbstractLength = 2400;

    private readonly SeedCorpus corpus;
    private readonly TagMatcher matcher;
    private readonly Random random;
    private readonly HashSet<string> slugs = new(StringComparer.Ordinal);

    /// <summary>How many tags each seed paper gets (kept within 1..4): the target of each synthetic paper.</summary>
    private readonly ImmutableArray<int> tagCounts;
    private int renamed;

    public PaperSynthesizer(SeedCorpus corpus, TagMatcher matcher, Random random)
    {
        this.corpus = corpus;
        this.matcher = matcher;
        this.random = random;
        tagCounts = [.. corpus.Papers.Select(p =>
            Math.Clamp(matcher.Match(p.Title, AbstractMarkdown.FromLiteral(string.Join(' ', [p.Opening, .. p.Middles, p.Closing]))).Length, MinTags, MaxTags))];
    }

    /// <summary>How many titles got a numbered name because every recombination was taken.</summary>
    public int Renamed => renamed;

    public SyntheticPaper Next(bool handWritten)
    {
        var first = Pick(corpus.Papers);
        var second = Other(first);
        var title = NextTitle(first, second);
        var slug = Slug.FromTitle(title);
        var (text, body, tags) = NextAbstract(title, first, second);

        int? authors = null;
        DateOnly? published = null;
        int? comments = null;
        // As on the seed pages, a card shows its author count and its date together, or neither.
        if (random.NextDouble() >= corpus.UnknownAuthorShare)
        {
            authors = Pick(corpus.AuthorCounts);
            published = NextDate();
            if (random.NextDouble() < corpus.CommentShare)
            {
                comments = Pick(corpus.CommentCounts);
            }
        }

        var own = ImmutableArray<string>.Empty;
        if (handWritten && !tags.IsEmpty && random.NextDouble() < OwnTagShare)
        {
            own = [Pick(tags)];
            tags = matcher.Apply(own, title, body);
        }
        return new SyntheticPaper
        {
            Title = title,
            Slug = slug,
            Abstract = text,
            Body = body,
            AuthorCount = authors,
            Published = published,
            Comments = comments,
            OwnTags = own,
            Tags = tags,
            // What SiteGen takes as the code link: from the card's text, or from a hand-written page's Markdown.
            CodeUrl = WebUrls.FirstGitHubUrl(handWritten ? body : text),
            HandWritten = handWritten,
        };
    }

    /// <summary>
    /// <c>[Name: ]head[ tail]</c>, the head from one seed and the tail from the other, whose slug no earlier paper
    /// has. When every try is taken, the name gets a number (<c>GPRN-2: ...</c>): the slug starts with it, so it
    /// stays unique even when a long slug is cut short.
    /// </summary>
    private string NextTitle(SeedPaper first, SeedPaper second)
    {
        for (var attempt = 0; attempt < TitleAttempts; attempt++)
        {
            var named = attempt > 0 || random.NextDouble() < corpus.NamedShare;
            var title = Compose(named ? Pick(corpus.Names) : null, first, second);
            if (title.Length <= MaxTitleLength && slugs.Add(Slug.FromTitle(title)))
            {
                return title;
            }
        }
        while (true)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"{Pick(corpus.Names)}-{++renamed + 1}");
            var title = Compose(name, first, second);
            if (title.Length <= MaxTitleLength && slugs.Add(Slug.FromTitle(title)))
            {
                return title;
            }
        }
    }

    private string Compose(string? name, SeedPaper first, SeedPaper second)
    {
        var title = new StringBuilder(160);
        if (name is not null)
        {
            title.Append(name).Append(": ");
        }
        title.Append(first.Head);
        // One colon is enough: "A Survey: Theory and Methods for In-Context Learning: A Study" reads as two titles.
        if (random.NextDouble() < corpus.TailShare && (second.Tail ?? first.Tail) is { } tail
            && !(tail.Contains(':', StringComparison.Ordinal) && title.ToString().Contains(':', StringComparison.Ordinal)))
        {
            title.Append(tail);
        }
        return title.ToString();
    }

    /// <summary>
    /// The opening of the first seed, middle sentences of both up to a length drawn from the seeds, and the closing of
    /// either. Drawn again, each time with another second seed, until the paper has as many tags as a seed paper
    /// drawn at random (1 to 4); after that many tries, the first draw that had 1 to 4 tags.
    /// </summary>
    private (string Text, string Body, ImmutableArray<string> Tags) NextAbstract(string title, SeedPaper first, SeedPaper second)
    {
        var wanted = Pick(tagCounts);
        (string Text, string Body, ImmutableArray<string> Tags)? fallback = null;
        (string Text, string Body, ImmutableArray<string> Tags) drawn = default;
        for (var attempt = 0; attempt < AbstractAttempts; attempt++)
        {
            var text = ComposeAbstract(first, attempt == 0 ? second : Other(first));
            var body = AbstractMarkdown.FromLiteral(text);
            drawn = (text, body, matcher.Match(title, body));
            if (drawn.Tags.Length == wanted)
            {
                return drawn;
            }
            if (fallback is null && drawn.Tags.Length is >= MinTags and <= MaxTags)
            {
                fallback = drawn;
            }
        }
        return fallback ?? drawn;
    }

    private string ComposeAbstract(SeedPaper first, SeedPaper second)
    {
        var target = Math.Clamp(Pick(corpus.AbstractLengths), MinAbstractLength, MaxAbstractLength);
        var closing = random.Next(2) == 0 ? first.Closing : second.Closing;
        var budget = target - closing.Length;
        var text = new StringBuilder(target + 400).Append(first.Opening);
        var middles = first.Middles.Length + second.Middles.Length;
        var used = new HashSet<int>();
        while (text.Length < budget && used.Count < middles)
        {
            var index = random.Next(middles);
            if (used.Add(index))
            {
                Append(text, index < first.Middles.Length ? first.Middles[index] : second.Middles[index - first.Middles.Length]);
            }
        }
        Append(text, closing);
        return text.ToString();
    }

    /// <summary>A seed paper other than <paramref name="first"/>.</summary>
    private SeedPaper Other(SeedPaper first)
    {
        while (true)
        {
            var other = Pick(corpus.Papers);
            if (!ReferenceEquals(other, first))
            {
                return other;
            }
        }
    }

    private static void Append(StringBuilder text, string sentence)
    {
        if (text.Length > 0)
        {
            text.Append(' ');
        }
        text.Append(sentence);
    }

    private DateOnly NextDate()
    {
        var year = Pick(corpus.Years);
        var month = random.Next(1, 13);
        var day = random.Next(1, DateTime.DaysInMonth(year, month) + 1);
        return new DateOnly(year, month, day);
    }

    private T Pick<T>(ImmutableArray<T> items) => items[random.Next(items.Length)];
}

using System.Collections.Immutable;
using System.Globalization;
using SiteGen.Tags;

namespace SiteGen.Benchmarks.Generation;

/// <summary>
/// The papers of a synthetic site and how they are laid out: about 80% on listing cards (60 to 80 cards a listing,
/// a few shown again on a later listing, as real pages repeat papers) and every fifth one a hand-written page.
/// </summary>
internal sealed record SitePlan(ImmutableArray<SyntheticPaper> Papers, ImmutableArray<SyntheticListing> Listings, int CaptureYear, int Renamed)
{
    public const int MinCardsPerListing = 60;
    public const int MaxCardsPerListing = 80;

    /// <summary>Every n-th paper is a hand-written page: 20%.</summary>
    public const int HandWrittenEvery = 5;

    /// <summary>Chance that a card of a later listing shows again a paper of an earlier one.</summary>
    public const double RepeatShare = 0.03;

    public int CardCount => Listings.Sum(l => l.Cards.Length);

    public static SitePlan Create(int count, int seed, SeedCorpus corpus, TagMatcher matcher)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var synthesizer = new PaperSynthesizer(corpus, matcher, random);
        var papers = new SyntheticPaper[count];
        for (var i = 0; i < count; i++)
        {
            papers[i] = synthesizer.Next(handWritten: i % HandWrittenEvery == HandWrittenEvery - 1);
        }

        var captureYear = SeedCorpus.SeedCaptureYear;
        var listed = Enumerable.Range(0, count).Where(i => !papers[i].HandWritten).ToArray();
        var sources = new List<string>?[count];
        var listings = ImmutableArray.CreateBuilder<SyntheticListing>();
        var next = 0;
        while (next < listed.Length)
        {
            var size = random.Next(MinCardsPerListing, MaxCardsPerListing + 1);
            var name = string.Create(CultureInfo.InvariantCulture, $"{listings.Count:D4}_{random.NextInt64():x16}.txt");
            var cards = ImmutableArray.CreateBuilder<int>(size);
            var onThisListing = new HashSet<int>();
            while (cards.Count < size && next < listed.Length)
            {
                var paper = next > 0 && listings.Count > 0 && random.NextDouble() < RepeatShare
                    ? listed[random.Next(next)] // a paper an earlier listing showed
                    : listed[next++];
                if (!onThisListing.Add(paper))
                {
                    continue;
                }
                cards.Add(paper);
                (sources[paper] ??= []).Add(name);
            }
            var pageDate = new DateOnly(captureYear, random.Next(1, 13), random.Next(1, 29));
            listings.Add(new SyntheticListing(name, random.Next(2) == 0, pageDate, cards.ToImmutable()));
        }

        for (var i = 0; i < count; i++)
        {
            if (sources[i] is { } names)
            {
                papers[i] = papers[i] with { Sources = [.. names] };
            }
        }
        return new SitePlan([.. papers], listings.ToImmutable(), captureYear, synthesizer.Renamed);
    }
}

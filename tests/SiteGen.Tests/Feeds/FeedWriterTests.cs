using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using SiteGen.Feeds;

namespace SiteGen.Tests.Feeds;

public sealed class FeedWriterTests
{
    private static readonly FeedEntry Dated = new("https://h.org/papers/a/", "A <dated> paper & more", new DateOnly(2025, 3, 20), null,
        "Its summary.", "<p>Its <em>abstract</em>.</p>", ["Diffusion models"], "https://github.com/a/b");

    private static readonly FeedEntry Undated = new("https://h.org/papers/b/", "An undated paper", null, null, "Summary.", "<p>Abstract.</p>", [], null);

    [Fact]
    public void AtomRoundTripsThroughSyndicationFeedWithEveryRequiredElement()
    {
        var feed = Load(AtomFeedWriter.Write(Sample([Dated, Undated])));

        Assert.Equal("https://h.org/feed.xml", feed.Id);
        Assert.Equal("Papers", feed.Title.Text);
        Assert.Equal(new DateTimeOffset(2025, 3, 20, 0, 0, 0, TimeSpan.Zero), feed.LastUpdatedTime);
        var items = feed.Items.ToArray();
        Assert.Equal(["https://h.org/papers/a/", "https://h.org/papers/b/"], items.Select(i => i.Id));
        Assert.Equal("A <dated> paper & more", items[0].Title.Text);
        Assert.Equal("<p>Its <em>abstract</em>.</p>", ((TextSyndicationContent)items[0].Content).Text);
        Assert.Equal(["Diffusion models"], items[0].Categories.Select(c => c.Name));
        Assert.Contains(items[0].Links, l => l.RelationshipType == "related" && l.Uri.AbsoluteUri == "https://github.com/a/b");
        Assert.All(items, i => Assert.Contains(i.Links, l => l.RelationshipType == "alternate" && l.Uri.AbsoluteUri == i.Id));
    }

    [Fact]
    public void AnUndatedPaperGetsTheFixedFallbackNeverTheTimeOfTheBuild()
    {
        var feed = Load(AtomFeedWriter.Write(Sample([Undated])));

        Assert.Equal(Feed.UndatedFallback, feed.LastUpdatedTime);
        Assert.Equal(Feed.UndatedFallback, Assert.Single(feed.Items).LastUpdatedTime);
        Assert.Equal(default, Assert.Single(feed.Items).PublishDate); // no <published> is made up
        Assert.Equal(AtomFeedWriter.Write(Sample([Undated])), AtomFeedWriter.Write(Sample([Undated])));
    }

    [Fact]
    public void APaperWithoutADateIsUpdatedOnTheDayItWasFirstSeenAndPublishedNever()
    {
        var captured = Undated with { FirstSeen = new DateOnly(2026, 1, 12) };
        var feed = Load(AtomFeedWriter.Write(Sample([captured, Dated])));

        var day = new DateTimeOffset(2026, 1, 12, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(day, feed.LastUpdatedTime);
        Assert.Equal(day, feed.Items.First().LastUpdatedTime);
        Assert.Equal(default, feed.Items.First().PublishDate); // the day it was captured is not its date
        using var json = JsonDocument.Parse(JsonFeedWriter.Write(Sample([captured])));
        Assert.False(json.RootElement.GetProperty("items")[0].TryGetProperty("date_published", out _));
    }

    [Fact]
    public void AnEmptyFeedIsStillValidAtom()
    {
        var feed = Load(AtomFeedWriter.Write(Sample([])));

        Assert.Empty(feed.Items);
        Assert.Equal(Feed.UndatedFallback, feed.LastUpdatedTime);
    }

    [Fact]
    public void JsonFeedGivesADateOnlyToDatedPapers()
    {
        using var json = JsonDocument.Parse(JsonFeedWriter.Write(Sample([Dated, Undated])));
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToArray();

        Assert.Equal("https://jsonfeed.org/version/1.1", json.RootElement.GetProperty("version").GetString());
        Assert.Equal("2025-03-20T00:00:00Z", items[0].GetProperty("date_published").GetString());
        Assert.Equal("https://github.com/a/b", items[0].GetProperty("external_url").GetString());
        Assert.Equal("A <dated> paper & more", items[0].GetProperty("title").GetString());
        Assert.False(items[1].TryGetProperty("date_published", out _));
        Assert.False(items[1].TryGetProperty("tags", out _));
    }

    private static Feed Sample(FeedEntry[] entries) =>
        new("Papers", "All of them.", "https://h.org/feed.xml", "https://h.org/", "Papers", entries);

    private static SyndicationFeed Load(byte[] atom)
    {
        using var reader = XmlReader.Create(new MemoryStream(atom));
        return SyndicationFeed.Load(reader);
    }
}

using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace SiteGen.Feeds;

/// <summary>
/// A <see cref="Feed"/> as Atom 1.0 (RFC 4287), written by System.ServiceModel.Syndication: feed and entries each
/// with the required id, title, updated and alternate link; the feed's author and self link; per entry the
/// summary (plain text), the abstract as HTML content, the tags as categories and the code link as related.
/// </summary>
internal static class AtomFeedWriter
{
    public const string MediaType = "application/atom+xml";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        NewLineChars = "\n",
    };

    public static byte[] Write(Feed feed)
    {
        var syndication = new SyndicationFeed(feed.Title, feed.Description, new Uri(feed.PageUrl), feed.SelfUrl, feed.Updated)
        {
            Language = "en",
            Generator = "SiteGen",
            Items = [.. feed.Entries.Select(Item)],
        };
        syndication.Authors.Add(new SyndicationPerson { Name = feed.Author });
        syndication.Links.Add(SyndicationLink.CreateSelfLink(new Uri(feed.SelfUrl), MediaType));

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            syndication.GetAtom10Formatter().WriteTo(writer);
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static SyndicationItem Item(FeedEntry entry)
    {
        var item = new SyndicationItem(entry.Title, SyndicationContent.CreateHtmlContent(entry.ContentHtml), new Uri(entry.Url), entry.Url, entry.Updated)
        {
            Summary = new TextSyndicationContent(entry.Summary),
        };
        if (entry.PublishedAt is { } published)
        {
            item.PublishDate = published;
        }
        foreach (var tag in entry.Tags)
        {
            item.Categories.Add(new SyndicationCategory(tag));
        }
        if (entry.CodeUrl is { } code)
        {
            item.Links.Add(new SyndicationLink(new Uri(code), "related", "Code", null, 0));
        }
        return item;
    }
}

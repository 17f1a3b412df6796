using System.Collections.Immutable;
using SiteGen.Engine;
using SiteGen.Papers;
using SiteGen.Site;
using SiteGen.Tags;

namespace SiteGen.Modules;

/// <summary>Adds the vocabulary's tags whose phrases occur in a paper's title or abstract; its own tags stay first.</summary>
internal sealed class ApplyTags : PerDocumentModule
{
    protected override IEnumerable<Document> Execute(Document input, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        var paper = input.GetRequired<Paper>(Keys.Paper);
        // An array, not an iterator: one for each paper of every build was garbage.
        return [input.With(Keys.Paper, paper with { Tags = TagsOf(paper, site) })];
    }

    /// <summary>
    /// The paper's tags: matched, or as an earlier process matched them for the same title, abstract, keywords and own
    /// tags under the same tags and phrases (the cache's store), which costs less than matching again.
    /// </summary>
    private static ImmutableArray<string> TagsOf(Paper paper, SiteServices site) =>
        // Static functions handed what they need: a closure each was a tenth of what this step allocated.
        site.Session.Documents.StoredOrMade("tags", (paper, site), static s => KeyOf(s.paper, s.site.TagMatchFingerprint),
            static s => s.site.TagMatcher.Apply(s.paper), static (_, tags) => Encode(tags), static (_, tags) => Decode(tags));

    /// <summary>The key of a paper's tags: what they are matched in, under which tags and phrases.</summary>
    private static UInt128 KeyOf(Paper paper, ulong vocabulary)
    {
        var (keywords, own, body) = (paper.Keywords.IsDefault ? [] : paper.Keywords, paper.Tags.IsDefault ? [] : paper.Tags, paper.BodyHash);
        return new StoreKey("tags").Add((long)vocabulary).Add(paper.Title).Add(body).Add(keywords.AsSpan()).Add(own.AsSpan()).Value;
    }

    private static byte[] Encode(ImmutableArray<string> tags)
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes))
        {
            DocumentCodec.WriteTexts(writer, tags);
        }
        return bytes.ToArray();
    }

    /// <summary>The tags as written, each the one string every paper with the tag holds (<see cref="SharedTexts"/>).</summary>
    private static ImmutableArray<string> Decode(ArraySegment<byte> stored) =>
        DocumentCache.Read(stored, static reader => DocumentCodec.ReadTexts(reader, SharedTexts.Read));

    protected override bool OutputDependsOnlyOnInput => true;

    /// <summary>Besides the paper, the vocabulary's tags and phrases: not their names or descriptions, nor the settings.</summary>
    protected override ulong? MadeWith(IExecutionContext context) => context.GetService<SiteServices>().TagMatchFingerprint;

    /// <summary>
    /// Matching the vocabulary costs less than hashing the whole paper and reading it back (56 against 145 ms at 10,000
    /// papers): what is stored is the tags alone, by a hash of what they are matched in (<see cref="TagsOf"/>).
    /// </summary>
    protected override bool StoreOutputs => false;
}

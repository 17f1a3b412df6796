using System.Collections.Immutable;
using SiteGen.Engine;
using SiteGen.Papers;
using SiteGen.Rendering.Views;
using SiteGen.Text;

namespace SiteGen.Site;

/// <summary>
/// How the site's papers and paper views are written into the cache's document store (<see cref="DocumentStore"/>), so
/// that a new process reuses what the last one read and made of every input file that did not change. Every field is
/// written, in declaration order; a value is read back as the same type it was made as, so that a reused paper is, to
/// every module and template, the paper a new read would make. The store's basis includes the program, so a change
/// here never meets a file written by the old code.
/// </summary>
internal static class DocumentCodecs
{
    public static DocumentCodec Site { get; } = new DocumentCodec()
        .Add<Paper>(Keys.Paper, WritePaper, ReadPaper)
        .Add<PaperView>(Keys.PaperView, WriteView, ReadView);

    /// <summary>
    /// A fingerprint of every field of <paramref name="paper"/>, from the bytes it is stored as: what its Markdown page is
    /// made from. Zero (unknown) for a paper the store declines.
    /// </summary>
    public static ulong FingerprintOf(Paper paper)
    {
        var (hashing, writer) = t_fingerprinting ??= NewFingerprinting();
        hashing.Reset();
        try
        {
            WritePaper(writer, paper);
        }
        catch (NotSupportedException)
        {
            return 0;
        }
        writer.Flush();
        return hashing.Hash is var hash and not 0 ? hash : 1;
    }

    /// <summary>One hash and writer per thread: a build fingerprints every paper, and a new hash for each was much of
    /// a one-paper rebuild's garbage.</summary>
    [ThreadStatic]
    private static (HashingStream, BinaryWriter)? t_fingerprinting;

    private static (HashingStream, BinaryWriter) NewFingerprinting()
    {
        var hashing = new HashingStream(Stream.Null);
        return (hashing, new BinaryWriter(hashing, System.Text.Encoding.UTF8, leaveOpen: true));
    }

    private static void WritePaper(BinaryWriter writer, Paper paper)
    {
        writer.Write(paper.Title);
        writer.Write(paper.Slug);
        WriteText(writer, paper.Arxiv);
        DocumentCodec.WriteTexts(writer, paper.Authors);
        WriteNumber(writer, paper.AuthorCount);
        WriteText(writer, paper.Organization);
        WriteDate(writer, paper.Published);
        WriteDate(writer, paper.FirstSeen);
        WriteDate(writer, paper.Submitted);
        WriteNumber(writer, paper.Upvotes);
        WriteNumber(writer, paper.Comments);
        WriteNumber(writer, paper.GithubStars);
        WriteText(writer, paper.Summary);
        DocumentCodec.WriteTexts(writer, paper.Keywords);
        DocumentCodec.WriteTexts(writer, paper.Tags);
        WriteComparer(writer, paper.Links.KeyComparer);
        writer.Write7BitEncodedInt(paper.Links.Count);
        foreach (var (name, url) in paper.Links)
        {
            writer.Write(name);
            writer.Write(url);
        }
        DocumentCodec.WriteTexts(writer, paper.Sources);
        if (paper.StoredBody is { } stored)
        {
            stored.Write(writer); // the same bytes, not decoded
        }
        else
        {
            StoredText.Write(writer, paper.Body);
        }
        writer.Write(paper.Capture is not null);
        if (paper.Capture is { } capture)
        {
            WriteDate(writer, capture.CapturedOn);
            writer.Write(capture.YearInferred);
        }
        WriteExtra(writer, paper.Extra);
    }

    private static Paper ReadPaper(BinaryReader reader) => new()
    {
        Title = reader.ReadString(),
        Slug = reader.ReadString(),
        Arxiv = ReadText(reader),
        Authors = DocumentCodec.ReadTexts(reader),
        AuthorCount = ReadNumber(reader),
        Organization = ReadText(reader),
        Published = ReadDate(reader),
        FirstSeen = ReadDate(reader),
        Submitted = ReadDate(reader),
        Upvotes = ReadNumber(reader),
        Comments = ReadNumber(reader),
        GithubStars = ReadNumber(reader),
        Summary = ReadText(reader),
        Keywords = DocumentCodec.ReadTexts(reader),
        Tags = DocumentCodec.ReadTexts(reader, SharedTexts.Read),
        Links = ReadLinks(reader),
        Sources = DocumentCodec.ReadTexts(reader, SharedTexts.Read),
        StoredBody = StoredText.Read(reader),
        Capture = reader.ReadBoolean() ? new CaptureNote(ReadDate(reader), reader.ReadBoolean()) : null,
        Extra = (ImmutableSortedDictionary<string, object?>)ReadExtra(reader)!,
    };

    private static ImmutableSortedDictionary<string, string> ReadLinks(BinaryReader reader)
    {
        var comparer = ReadComparer(reader);
        var count = reader.Read7BitEncodedInt();
        if (count == 0)
        {
            return EmptyOf(comparer, NoLinks);
        }
        var links = ImmutableSortedDictionary.CreateBuilder<string, string>(comparer);
        for (; count > 0; count--)
        {
            links.Add(SharedTexts.Read(reader), reader.ReadString());
        }
        return links.ToImmutable();
    }

    // An empty mapping of each comparer, shared: most papers have no front-matter keys of their own, many no links, and a
    // builder and mapping each was 14 MB of a rebuild of 100,000 papers.
    private static readonly ImmutableSortedDictionary<string, string>[] NoLinks =
        [ImmutableSortedDictionary<string, string>.Empty, ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal)];

    private static readonly ImmutableSortedDictionary<string, object?>[] NoExtra =
        [ImmutableSortedDictionary<string, object?>.Empty, ImmutableSortedDictionary<string, object?>.Empty.WithComparers(StringComparer.Ordinal)];

    /// <summary>The shared empty mapping of <paramref name="comparer"/> (<see cref="ReadComparer"/>'s two).</summary>
    private static ImmutableSortedDictionary<string, T> EmptyOf<T>(IComparer<string> comparer, ImmutableSortedDictionary<string, T>[] empties) =>
        ReferenceEquals(comparer, StringComparer.Ordinal) ? empties[1] : empties[0];

    /// <summary>
    /// A view, beside the paper it was made from (the input's): what it shows of the paper as it is (title, abstract,
    /// authors, summary...) is written as the paper's, and read back as the very objects the next process's paper holds,
    /// so a build keeps them once.
    /// </summary>
    private static void WriteView(BinaryWriter writer, PaperView view, Document? input)
    {
        var paper = input?.Get<Paper>(Keys.Paper);
        DocumentCodec.WriteTextBeside(writer, view.Title, paper?.Title);
        DocumentCodec.WriteTextBeside(writer, view.Slug, paper?.Slug);
        writer.Write(view.Url);
        writer.Write(view.MarkdownUrl);
        WriteNumber(writer, view.AuthorCount);
        writer.Write(view.AuthorLabel);
        writer.Write(view.AuthorsUrl);
        WriteText(writer, view.Published);
        WriteText(writer, view.PublishedDisplay);
        WriteNumber(writer, view.Comments);
        writer.Write7BitEncodedInt(view.Tags.Count);
        foreach (var tag in view.Tags)
        {
            writer.Write(tag.Slug);
            writer.Write(tag.Name);
            writer.Write(tag.Url);
        }
        DocumentCodec.WriteTextBeside(writer, view.CodeUrl, paper?.CodeUrl);
        if (view.StoredAbstract is { } stored && ReferenceEquals(stored, paper?.StoredBody))
        {
            DocumentCodec.WriteInputsText(writer); // the paper's abstract, marked as such without reading it
        }
        else
        {
            DocumentCodec.WriteTextBeside(writer, view.AbstractMarkdown, paper?.Body);
        }
        if (view.StoredExcerpt is { } excerpt)
        {
            excerpt.Write(writer);
        }
        else
        {
            StoredText.Write(writer, view.Excerpt);
        }
        WriteTextsBeside(writer, view.Sources, paper?.Sources);
        WriteText(writer, view.YearUrl);
        DocumentCodec.WriteTextBeside(writer, view.Arxiv, paper?.Arxiv);
        WriteTextsBeside(writer, view.Authors, paper?.Authors);
        DocumentCodec.WriteTextBeside(writer, view.Organization, paper?.Organization);
        WriteNumber(writer, view.Upvotes);
        WriteNumber(writer, view.GithubStars);
        DocumentCodec.WriteTextBeside(writer, view.Summary, paper?.Summary);
        WriteTextsBeside(writer, view.Keywords, paper?.Keywords);
        WriteText(writer, view.SubmittedDisplay);
        DocumentCodec.WriteTextBeside(writer, view.ArxivUrl, paper?.Links.GetValueOrDefault(Paper.ArxivLink));
        DocumentCodec.WriteTextBeside(writer, view.PdfUrl, paper?.Links.GetValueOrDefault(Paper.PdfLink));
        DocumentCodec.WriteTextBeside(writer, view.ProjectUrl, paper?.Links.GetValueOrDefault(Paper.ProjectLink));
        writer.Write(view.Fingerprint);
        writer.Write(view.PaperFingerprint);
        WriteDate(writer, view.OrderDate);
    }

    private static PaperView ReadView(BinaryReader reader, Document? input) => ReadView(reader, input?.Get<Paper>(Keys.Paper));

    private static PaperView ReadView(BinaryReader reader, Paper? paper) => new(
        Title: Required(DocumentCodec.ReadTextBeside(reader, paper?.Title)),
        Slug: Required(DocumentCodec.ReadTextBeside(reader, paper?.Slug)),
        Url: reader.ReadString(),
        MarkdownUrl: reader.ReadString(),
        AuthorCount: ReadNumber(reader),
        AuthorLabel: SharedTexts.Read(reader),
        AuthorsUrl: SharedTexts.Read(reader),
        Published: ReadSharedText(reader),
        PublishedDisplay: ReadSharedText(reader),
        Comments: ReadNumber(reader),
        Tags: ReadTags(reader),
        CodeUrl: DocumentCodec.ReadTextBeside(reader, paper?.CodeUrl),
        AbstractMarkdown: ReadAbstract(reader, paper, out var storedAbstract),
        Excerpt: ReadExcerpt(reader, out var excerpt),
        Sources: ReadTextsBeside(reader, paper?.Sources))
    {
        YearUrl = ReadSharedText(reader),
        Arxiv = DocumentCodec.ReadTextBeside(reader, paper?.Arxiv),
        Authors = ReadTextsBeside(reader, paper?.Authors),
        Organization = DocumentCodec.ReadTextBeside(reader, paper?.Organization),
        Upvotes = ReadNumber(reader),
        GithubStars = ReadNumber(reader),
        Summary = DocumentCodec.ReadTextBeside(reader, paper?.Summary),
        Keywords = ReadTextsBeside(reader, paper?.Keywords),
        SubmittedDisplay = ReadSharedText(reader),
        ArxivUrl = DocumentCodec.ReadTextBeside(reader, paper?.Links.GetValueOrDefault(Paper.ArxivLink)),
        PdfUrl = DocumentCodec.ReadTextBeside(reader, paper?.Links.GetValueOrDefault(Paper.PdfLink)),
        ProjectUrl = DocumentCodec.ReadTextBeside(reader, paper?.Links.GetValueOrDefault(Paper.ProjectLink)),
        Fingerprint = reader.ReadUInt64(),
        PaperFingerprint = reader.ReadUInt64(),
        OrderDate = ReadDate(reader),
        StoredAbstract = storedAbstract,
        StoredExcerpt = excerpt,
    };

    /// <summary>
    /// A view's abstract. Written as the paper's, it is the paper's stored bytes while the paper has them (read back from
    /// the store too), and neither is decoded until a page shows it.
    /// </summary>
    private static string ReadAbstract(BinaryReader reader, Paper? paper, out StoredText? stored)
    {
        stored = null;
        if (!DocumentCodec.ReadsInputsText(reader, out var own))
        {
            return Required(own);
        }
        stored = (paper ?? throw new InvalidDataException("a text marked as the input's, with no input")).StoredBody;
        return stored is null ? paper.Body : "";
    }

    /// <summary>
    /// A view's excerpt, as <see cref="PaperView.StoredExcerpt"/>: it stays the store's UTF-8 until a page shows it (most
    /// views a rebuild reads back are shown by no page it renders), and the view's own text is empty.
    /// </summary>
    private static string ReadExcerpt(BinaryReader reader, out StoredText excerpt)
    {
        excerpt = StoredText.Read(reader);
        return "";
    }

    private static string Required(string? text) => text ?? throw new InvalidDataException("a view without a text it must have");

    /// <summary>Texts that are, as a rule, the paper's own list (a view's authors, keywords, sources): written as such.</summary>
    private static void WriteTextsBeside(BinaryWriter writer, ImmutableArray<string> texts, ImmutableArray<string>? inputs)
    {
        var same = inputs is { IsDefault: false } paper && texts == paper;
        writer.Write(same);
        if (!same)
        {
            DocumentCodec.WriteTexts(writer, [.. texts]);
        }
    }

    private static ImmutableArray<string> ReadTextsBeside(BinaryReader reader, ImmutableArray<string>? inputs) =>
        !reader.ReadBoolean() ? DocumentCodec.ReadTexts(reader)
        : inputs is { IsDefault: false } paper ? paper
        : throw new InvalidDataException("a list marked as the paper's, with no paper");

    private static TagLinkView[] ReadTags(BinaryReader reader)
    {
        var tags = new TagLinkView[reader.Read7BitEncodedInt()];
        for (var i = 0; i < tags.Length; i++)
        {
            var link = (SharedTexts.Read(reader), SharedTexts.Read(reader), SharedTexts.Read(reader));
            tags[i] = TagLinks.TryGetValue(link, out var shared) ? shared
                : SharedTexts.AlwaysShared(link.Item1) && SharedTexts.AlwaysShared(link.Item2) && SharedTexts.AlwaysShared(link.Item3)
                    ? TagLinks.GetOrAdd(link, static l => new TagLinkView(l.Item1, l.Item2, l.Item3))
                    : new TagLinkView(link.Item1, link.Item2, link.Item3);
        }
        return tags;
    }

    /// <summary>
    /// A tag's link, one object per distinct slug, name and URL, as their texts are (<see cref="SharedTexts"/>): most papers
    /// have a few tags of a few hundred, and a link each was 10 MB of a rebuild of 100,000 papers.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string, string), TagLinkView> TagLinks =
        new(SameTexts.Instance);

    /// <summary>Three shared texts compared by reference: <see cref="SharedTexts"/> reads each value as one object.</summary>
    private sealed class SameTexts : IEqualityComparer<(string, string, string)>
    {
        public static readonly SameTexts Instance = new();

        public bool Equals((string, string, string) x, (string, string, string) y) =>
            ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2) && ReferenceEquals(x.Item3, y.Item3);

        public int GetHashCode((string, string, string) obj) => HashCode.Combine(
            System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item1),
            System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item2),
            System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item3));
    }

    private static void WriteText(BinaryWriter writer, string? text)
    {
        writer.Write(text is not null);
        if (text is not null)
        {
            writer.Write(text);
        }
    }

    private static string? ReadText(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    private static string? ReadSharedText(BinaryReader reader) => reader.ReadBoolean() ? SharedTexts.Read(reader) : null;

    private static void WriteNumber(BinaryWriter writer, int? number)
    {
        writer.Write(number.HasValue);
        if (number is { } value)
        {
            writer.Write(value);
        }
    }

    private static int? ReadNumber(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadInt32() : null;

    private static void WriteDate(BinaryWriter writer, DateOnly? date) => WriteNumber(writer, date?.DayNumber);

    private static DateOnly? ReadDate(BinaryReader reader) => ReadNumber(reader) is { } day ? DateOnly.FromDayNumber(day) : null;

    /// <summary>
    /// The order of a mapping's keys: ordinal, as readers make them, or the default of an empty record's; it decides the
    /// order a merge adds keys in, so it is kept.
    /// </summary>
    private static void WriteComparer(BinaryWriter writer, IComparer<string> comparer) => writer.Write(
        ReferenceEquals(comparer, StringComparer.Ordinal) ? true
        : ReferenceEquals(comparer, Comparer<string>.Default) ? false
        : throw new NotSupportedException("a mapping ordered by another comparer is not stored"));

    private static IComparer<string> ReadComparer(BinaryReader reader) => reader.ReadBoolean() ? StringComparer.Ordinal : Comparer<string>.Default;

    private const byte NullValue = 0, TextValue = 1, ListValue = 2, MappingValue = 3;

    /// <summary>A front-matter value SiteGen does not know: text, null, and lists and mappings of them (FrontMatterReader's types).</summary>
    private static void WriteExtra(BinaryWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.Write(NullValue);
                break;
            case string text:
                writer.Write(TextValue);
                writer.Write(text);
                break;
            case ImmutableArray<object?> list:
                writer.Write(ListValue);
                writer.Write7BitEncodedInt(list.Length);
                foreach (var item in list)
                {
                    WriteExtra(writer, item);
                }
                break;
            case ImmutableSortedDictionary<string, object?> mapping:
                writer.Write(MappingValue);
                WriteComparer(writer, mapping.KeyComparer);
                writer.Write7BitEncodedInt(mapping.Count);
                foreach (var (key, item) in mapping)
                {
                    writer.Write(key);
                    WriteExtra(writer, item);
                }
                break;
            default:
                // The document is then not stored: a new process reads the page again.
                throw new NotSupportedException($"a front-matter value of type {value.GetType().Name} is not stored");
        }
    }

    private static object? ReadExtra(BinaryReader reader)
    {
        switch (reader.ReadByte())
        {
            case NullValue:
                return null;
            case TextValue:
                return reader.ReadString();
            case ListValue:
                var list = ImmutableArray.CreateBuilder<object?>(reader.Read7BitEncodedInt());
                for (var i = 0; i < list.Capacity; i++)
                {
                    list.Add(ReadExtra(reader));
                }
                return list.MoveToImmutable();
            case MappingValue:
                var comparer = ReadComparer(reader);
                var count = reader.Read7BitEncodedInt();
                if (count == 0)
                {
                    return EmptyOf(comparer, NoExtra);
                }
                var mapping = ImmutableSortedDictionary.CreateBuilder<string, object?>(comparer);
                for (; count > 0; count--)
                {
                    mapping.Add(reader.ReadString(), ReadExtra(reader));
                }
                return mapping.ToImmutable();
            case var other:
                throw new InvalidDataException($"unknown front-matter value marker {other}");
        }
    }
}

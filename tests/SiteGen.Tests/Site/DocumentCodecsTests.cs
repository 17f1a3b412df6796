using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SiteGen.Engine;
using SiteGen.Papers;
using SiteGen.Rendering;
using SiteGen.Rendering.Views;
using SiteGen.Settings;
using SiteGen.Site;
using SiteGen.Tags;
using SiteGen.Tests.Papers;

namespace SiteGen.Tests.Site;

/// <summary>
/// A paper or a paper view read back from the document store is, to every module and template, the one that was
/// stored: every field, the types of its lists and mappings, and the order of its mappings' keys.
/// </summary>
public sealed class DocumentCodecsTests
{
    private static readonly Gen<Paper> Papers =
        from paper in PaperGenerators.Paper
        from captured in Gen.Elements<int?>(null, 0, 20_000)
        from firstSeen in Gen.Elements<int?>(null, 3, 20_000)
        from inferred in Gen.Elements(true, false)
        from capture in Gen.Elements(true, false)
        from emptyDefaults in Gen.Elements(true, false)
        from pages in Gen.SubListOf(["arxiv", "pdf", "project"])
        select (paper with
        {
            // The links a view shows apart (its arXiv, PDF and project page), each to its own address.
            Links = pages.Aggregate(paper.Links, (links, name) => links.SetItem(name, $"https://example.org/{name}")),
            Capture = capture ? new CaptureNote(captured is { } day ? DateOnly.FromDayNumber(730_000 + day) : null, inferred) : null,
            FirstSeen = firstSeen is { } first ? DateOnly.FromDayNumber(730_000 + first) : null,
        }) is var withCapture && emptyDefaults && withCapture.Links.Count == 0 && withCapture.Extra.Count == 0
            // A listing's paper keeps the record's own empty mappings (default comparer), a read page ordinal ones.
            ? withCapture with { Links = ImmutableSortedDictionary<string, string>.Empty, Extra = ImmutableSortedDictionary<string, object?>.Empty }
            : withCapture;

    [Property(MaxTest = 500)]
    public Property APaperReadsBackAsThePaperItWas() =>
        Prop.ForAll(Arb.From(Papers), paper =>
        {
            var document = Document.Create(source: "input/papers/p.md").With(Keys.Paper, paper);
            var read = RoundTrip(document).GetRequired<Paper>(Keys.Paper);
            return (read == paper
                    && read.Capture == paper.Capture
                    && ReferenceEquals(read.Links.KeyComparer, paper.Links.KeyComparer)
                    && ReferenceEquals(read.Extra.KeyComparer, paper.Extra.KeyComparer)
                    && SameTypes(read.Extra, paper.Extra)
                    && FrontMatter.Write(read) == FrontMatter.Write(paper))
                .Label(FrontMatter.Write(paper));
        });

    [Property(MaxTest = 300)]
    public Property APaperViewReadsBackAsTheViewItWas() =>
        Prop.ForAll(Arb.From(Papers), paper =>
        {
            var view = PaperViews.Create(paper, Services);
            var document = Document.Create(source: "input/papers/p.md", destination: view.Url).With(Keys.Paper, paper).With(Keys.PaperView, view);
            var read = RoundTrip(document).GetRequired<PaperView>(Keys.PaperView);
            return (Json(read) == Json(view)
                    && read.OrderDate == view.OrderDate
                    && read.Tags.GetType() == view.Tags.GetType()
                    && read.Sources.GetType() == view.Sources.GetType()
                    && read.Authors.GetType() == view.Authors.GetType()
                    && read.Keywords.GetType() == view.Keywords.GetType())
                .Label(Json(view));
        });

    /// <summary>A paper's Markdown page is kept without being written again while its fingerprint is the same.</summary>
    [Property(MaxTest = 300)]
    public Property PapersWhoseMarkdownPagesDifferHaveDifferentFingerprints() =>
        Prop.ForAll(Arb.From(Papers), Arb.From(Papers), (a, b) =>
            (FrontMatter.Write(a) == FrontMatter.Write(b) || DocumentCodecs.FingerprintOf(a) != DocumentCodecs.FingerprintOf(b))
            && DocumentCodecs.FingerprintOf(a) == DocumentCodecs.FingerprintOf(a with { })
            && DocumentCodecs.FingerprintOf(a) != DocumentCodecs.FingerprintOf(a with { Body = a.Body + "x" }));

    [Fact]
    public void AnOutputThatKeepsItsInputsPaperStoresNoPaper()
    {
        var paper = new Paper { Title = "T", Slug = "t", Body = new string('x', 5_000) };
        var input = Document.Create(source: "input/papers/t.md").With(Keys.Paper, paper);
        var output = input.WithDestination("papers/t/index.html");

        var alone = Encode(output, null);
        var beside = Encode(output, input);

        Assert.True(alone.Length > 5_000);
        Assert.True(beside.Length < 100);
        using var reader = new BinaryReader(new MemoryStream(beside), Encoding.UTF8);
        Assert.Same(paper, DocumentCodecs.Site.Read(reader, input).GetRequired<Paper>(Keys.Paper));
    }

    /// <summary>A tag's link read back is one object for every view that shows the tag; a link too long to share is read as it was.</summary>
    [Fact]
    public void ATagsLinkReadBackIsOneObjectForEveryViewThatShowsIt()
    {
        var paper = new Paper { Title = "T", Slug = "t", Body = "B", Tags = ["diffusion", new string('x', 100)] };
        var view = PaperViews.Create(paper, Services);
        var document = Document.Create(source: "input/papers/t.md", destination: view.Url).With(Keys.Paper, paper).With(Keys.PaperView, view);

        var first = RoundTrip(document).GetRequired<PaperView>(Keys.PaperView);
        var second = RoundTrip(document).GetRequired<PaperView>(Keys.PaperView);

        Assert.Equal(view.Tags, first.Tags);
        Assert.Equal(view.Tags, second.Tags);
        Assert.Same(first.Tags[0], second.Tags[0]);
    }

    /// <summary>
    /// What a view shows of its paper as it is (the abstract, the title, the authors...) is the paper's: stored beside
    /// the paper, it is not stored again, and a new process reads it as the very objects its own paper holds, so a
    /// build does not keep every abstract twice.
    /// </summary>
    [Fact]
    public void AViewStoredBesideItsPaperReadsItsAbstractAsThePapersOwnText()
    {
        var paper = new Paper
        {
            Title = "T", Slug = "t", Body = "An *abstract* " + new string('x', 5_000), Authors = ["Ada", "Alan"], Summary = "In short.",
            Links = ImmutableSortedDictionary.CreateRange<string, string>(StringComparer.Ordinal, [new(Paper.ArxivLink, "https://arxiv.org/abs/2501.00001"),
                new(Paper.PdfLink, "https://arxiv.org/pdf/2501.00001")]),
        };
        var input = Document.Create(source: "input/papers/t.md").With(Keys.Paper, paper);
        var view = PaperViews.Create(paper, Services);
        var output = input.WithDestination(view.Url).With(Keys.PaperView, view);

        var beside = Encode(output, input);

        Assert.True(Encode(output, null).Length > 10_000);
        Assert.True(beside.Length < 3_000, $"{beside.Length} bytes");
        // The next process's paper: the same text, another string.
        var again = Document.Create(source: "input/papers/t.md").With(Keys.Paper, paper with { Body = new string([.. paper.Body]) });
        using var reader = new BinaryReader(new MemoryStream(beside), Encoding.UTF8);
        var read = DocumentCodecs.Site.Read(reader, again).GetRequired<PaperView>(Keys.PaperView);
        var againPaper = again.GetRequired<Paper>(Keys.Paper);
        Assert.Same(againPaper.Body, read.AbstractMarkdown);
        Assert.Same(againPaper.Title, read.Title);
        Assert.Same(againPaper.Summary, read.Summary);
        Assert.Same(againPaper.Links[Paper.ArxivLink], read.ArxivUrl);
        Assert.Same(againPaper.Links[Paper.PdfLink], read.PdfUrl);
        Assert.True(read.Authors is ImmutableArray<string> authors && authors == againPaper.Authors, "the paper's own list of authors");
        Assert.Equal(view.AbstractHtml, read.AbstractHtml);
        Assert.StartsWith("<p>An <em>abstract</em>", read.AbstractHtml, StringComparison.Ordinal);
    }

    /// <summary>
    /// A one-off build's paper and view with their abstract and excerpt in its file of texts (Text/TextFile.cs) read,
    /// fingerprint and store as those held in memory do: the view's abstract is still stored as its paper's.
    /// </summary>
    [Fact]
    public void APaperAndViewWithTheirTextsInTheFileAreStoredAndShownAsHeldOnesAre()
    {
        using var folder = new TempFolder();
        using var texts = SiteGen.Text.TextFile.Create(folder["texts"]);
        var held = new Paper { Title = "T", Slug = "t", Body = "An *abstract* of naïve cafés, ∑ and 😀 " + new string('x', 3_000) };
        var kept = held.WithBodyIn(texts);
        var heldInput = Document.Create(source: "input/papers/t.md").With(Keys.Paper, held);
        var keptInput = Document.Create(source: "input/papers/t.md").With(Keys.Paper, kept);
        var heldView = PaperViews.Create(held, Services);
        var keptView = PaperViews.Create(kept, Services with { Texts = texts });

        Assert.NotNull(keptView.StoredExcerpt);
        Assert.Equal(heldView.Excerpt, keptView.Excerpt);
        Assert.Equal(heldView.AbstractHtml, keptView.AbstractHtml);
        Assert.Equal(heldView.Fingerprint, keptView.Fingerprint);
        Assert.Equal(Encode(heldInput, null), Encode(keptInput, null));
        Assert.Equal(
            Encode(heldInput.WithDestination(heldView.Url).With(Keys.PaperView, heldView), heldInput),
            Encode(keptInput.WithDestination(keptView.Url).With(Keys.PaperView, keptView), keptInput));
    }

    /// <summary>
    /// A paper read back keeps its abstract as the store's bytes: writing it again, fingerprinting it, merging it, and
    /// reading its view beside it all leave the abstract undecoded, and it reads as the text it was when asked for.
    /// </summary>
    [Fact]
    public void APapersAbstractReadBackStaysTheStoresBytesUntilItIsRead()
    {
        var paper = new Paper { Title = "T", Slug = "t", Body = "An *abstract* of naïve cafés, ∑ and 😀 " + new string('x', 3_000) };
        var input = Document.Create(source: "input/papers/t.md").With(Keys.Paper, paper);
        var view = PaperViews.Create(paper, Services);
        var viewBytes = Encode(input.WithDestination(view.Url).With(Keys.PaperView, view), input);

        var readDocument = RoundTrip(input);
        var read = readDocument.GetRequired<Paper>(Keys.Paper);
        var stored = Assert.IsType<SiteGen.Text.StoredText>(read.StoredBody);
        Assert.Equal(paper.Body.Length, read.BodyLength);
        Assert.Equal(paper.BodyHash, read.BodyHash);
        Assert.Equal(DocumentCodecs.FingerprintOf(paper), DocumentCodecs.FingerprintOf(read));
        Assert.Equal(Encode(input, null), Encode(readDocument, null));
        var merged = PaperMerger.MergeGroup(new PaperGroup([read], [])).Paper;
        Assert.Same(stored, merged.StoredBody);
        using var viewReader = new BinaryReader(new MemoryStream(viewBytes), Encoding.UTF8);
        var readView = DocumentCodecs.Site.Read(viewReader, readDocument).GetRequired<PaperView>(Keys.PaperView);
        Assert.Same(stored, readView.StoredAbstract);
        Assert.False(stored.Decoded, "the abstract was decoded on the way");
        // The excerpt too stays the store's bytes, reads as the text it was, and is stored again as the same bytes.
        var excerpt = Assert.IsType<SiteGen.Text.StoredText>(readView.StoredExcerpt);
        Assert.Equal(Encode(input.WithDestination(view.Url).With(Keys.PaperView, view), input),
            Encode(readDocument.WithDestination(readView.Url).With(Keys.PaperView, readView), readDocument));
        Assert.Equal(view.Fingerprint, PageFingerprint.Of(readView));
        Assert.False(excerpt.Decoded, "the excerpt was decoded on the way");
        Assert.Equal(view.Excerpt, readView.Excerpt);

        Assert.Equal(paper.Body, read.Body);
        Assert.Equal(paper.Body, readView.AbstractMarkdown);
        Assert.Equal(paper.Body, (read with { Tags = ["t"] }).Body);
        Assert.Equal("another", (read with { Body = "another" }).Body);
    }

    [Fact]
    public void AFrontMatterValueOfAnotherTypeIsDeclinedNotWrittenWrong()
    {
        var paper = new Paper
        {
            Title = "T",
            Slug = "t",
            Extra = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, object?>("n", 3)]),
        };
        var document = Document.Create().With(Keys.Paper, paper);

        Assert.Throws<NotSupportedException>(() => Encode(document, null));
    }

    private static readonly SiteServices Services = new(Path.GetTempPath(), new SiteSettings(), new OutputFolder(Path.Combine(Path.GetTempPath(), "unused")),
        TagVocabulary.Empty, new TagMatcher(TagVocabulary.Empty), TemplateRenderer.Load(Path.GetTempPath(), [Path.Combine(TestPaths.RepositoryRoot, "theme")]),
        MarkdownRenderer.Default);

    private static byte[] Encode(Document document, Document? input)
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, Encoding.UTF8, leaveOpen: true))
        {
            DocumentCodecs.Site.Write(writer, document, input);
        }
        return bytes.ToArray();
    }

    private static Document RoundTrip(Document document)
    {
        Assert.True(DocumentCodecs.Site.CanWrite(document));
        using var reader = new BinaryReader(new MemoryStream(Encode(document, null)), Encoding.UTF8);
        var read = DocumentCodecs.Site.Read(reader, null);
        Assert.Equal(reader.BaseStream.Length, reader.BaseStream.Position); // every byte read
        Assert.Equal(document.Source, read.Source);
        Assert.Equal(document.Destination, read.Destination);
        return read;
    }

    private static string Json(PaperView view) => JsonSerializer.Serialize(view);

    private static bool SameTypes(object? read, object? written) => (read, written) switch
    {
        (null, null) => true,
        (ImmutableSortedDictionary<string, object?> a, ImmutableSortedDictionary<string, object?> b) =>
            ReferenceEquals(a.KeyComparer, b.KeyComparer) && a.Keys.SequenceEqual(b.Keys) && a.Keys.All(k => SameTypes(a[k], b[k])),
        (ImmutableArray<object?> a, ImmutableArray<object?> b) => a.Length == b.Length && a.Zip(b).All(p => SameTypes(p.First, p.Second)),
        _ => read?.GetType() == written?.GetType(),
    };
}

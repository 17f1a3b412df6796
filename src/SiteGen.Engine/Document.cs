namespace SiteGen.Engine;

/// <summary>
/// One unit of work flowing through a pipeline: where it came from, where it goes, what is known about it
/// and its content. Immutable: every change makes a new document, so modules can run in parallel and a
/// pipeline's output can be read by others without copies or locks.
/// </summary>
public sealed class Document
{
    public static readonly Document Empty = new(null, null, MetadataDictionary.Empty, string.Empty);

    /// <summary>The content: a string, or a <see cref="KeyedContent"/> made when first read.</summary>
    private readonly object _content;

    private Document(string? source, string? destination, MetadataDictionary metadata, object content)
    {
        Source = source;
        Destination = destination;
        Metadata = metadata;
        _content = content;
    }

    /// <summary>The input path this document was read from, relative to the site root; null when generated.</summary>
    public string? Source { get; }

    /// <summary>The output path, relative to the output folder, with forward slashes; null when not written.</summary>
    public string? Destination { get; }

    public MetadataDictionary Metadata { get; }

    public string Content => _content as string ?? ((KeyedContent)_content).Value;

    /// <summary>
    /// For a document made by <see cref="CreateKeyed"/>, the hash its content is known by, which stands for the content in
    /// the keys of the document store, so that work stored for it is found without making the content; else null.
    /// </summary>
    public UInt128? ContentKey => (_content as KeyedContent)?.Key;

    /// <summary>True when this document's content is <paramref name="other"/>'s very own, made or not.</summary>
    public bool SharesContentWith(Document other) => ReferenceEquals(_content, other._content);

    public static Document Create(string? source = null, string? destination = null, string content = "",
        IEnumerable<KeyValuePair<string, object?>>? metadata = null) =>
        new(source, destination, metadata is null ? MetadataDictionary.Empty : MetadataDictionary.Of(metadata), content);

    /// <summary>
    /// A document made with its metadata at once: what a collection expression of pairs binds to, made on the stack and
    /// copied once into the document's table (as an <see cref="IEnumerable{T}"/> it was an array and a wrapper more, for
    /// every page a build makes).
    /// </summary>
    public static Document Create(ReadOnlySpan<KeyValuePair<string, object?>> metadata, string? source = null, string? destination = null,
        string content = "") =>
        new(source, destination, MetadataDictionary.Of(metadata), content);

    /// <summary>
    /// A document whose content is made by <paramref name="content"/> the first time it is read, and is known until then by <paramref name="contentKey"/>, a hash of what it is made from (a file's bytes):
    /// a module whose work for it is in the document store never needs it made.
    /// </summary>
    public static Document CreateKeyed(string? source, UInt128 contentKey, Func<string> content) =>
        new(source, null, MetadataDictionary.Empty, new KeyedContent(contentKey, content));

    /// <summary>A document <see cref="DocumentCodec"/> reads back: its content is <paramref name="contentOf"/>'s when given.</summary>
    internal static Document Create(string? source, string? destination, string content, Document? contentOf,
        KeyValuePair<string, object?>[] metadata) =>
        new(source, destination, MetadataDictionary.Adopt(metadata), contentOf?._content ?? content);

    public Document WithSource(string? source) => new(source, Destination, Metadata, _content);

    public Document WithDestination(string? destination) => new(Source, destination, Metadata, _content);

    public Document WithContent(string content) => new(Source, Destination, Metadata, content);

    public Document With(string key, object? value) => new(Source, Destination, Metadata.With(key, value), _content);

    public Document With(IEnumerable<KeyValuePair<string, object?>> values) =>
        new(Source, Destination, Metadata.With(values), _content);

    /// <summary><see cref="With(IEnumerable{KeyValuePair{string, object?}})"/> for a collection expression, made on the stack.</summary>
    public Document With(ReadOnlySpan<KeyValuePair<string, object?>> values) =>
        new(Source, Destination, Metadata.With(values), _content);

    /// <summary>The value under <paramref name="key"/> when it is a <typeparamref name="T"/>, else the default.</summary>
    public T? Get<T>(string key) => Metadata.TryGetValue(key, out var value) && value is T typed ? typed : default;

    /// <summary>The value under <paramref name="key"/>; a missing or mistyped value is a bug in the site, not in its input.</summary>
    public T GetRequired<T>(string key) =>
        Metadata.TryGetValue(key, out var value) && value is T typed
            ? typed
            : throw new InvalidOperationException($"Document '{Source ?? Destination ?? "(generated)"}' has no '{key}' of type {typeof(T).Name}.");

    public override string ToString() => Source ?? Destination ?? "(generated document)";

    /// <summary>
    /// Content made on first use, shared by every document derived from the one it was made for. A failure is not kept
    /// (a file that could not be read is tried again by the next reader), and two threads may make it at once: the first
    /// made is the one all get.
    /// </summary>
    private sealed class KeyedContent(UInt128 key, Func<string> make)
    {
        private readonly Lazy<string> _value = new(make, LazyThreadSafetyMode.PublicationOnly);

        public UInt128 Key => key;

        public string Value => _value.Value;
    }
}

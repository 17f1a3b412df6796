namespace SiteGen.Engine;

/// <summary>
/// One unit of work flowing through a pipeline: where it came from, where it goes, what is known about it
/// and its content. Immutable: every change makes a new document, so modules can run in parallel and a
/// pipeline's output can be read by others without copies or locks.
/// </summary>
public sealed class Document
{
    public static readonly Document Empty = new(null, null, MetadataDictionary.Empty, string.Empty);

    private Document(string? source, string? destination, MetadataDictionary metadata, string content)
    {
        Source = source;
        Destination = destination;
        Metadata = metadata;
        Content = content;
    }

    /// <summary>The input path this document was read from, relative to the site root; null when generated.</summary>
    public string? Source { get; }

    /// <summary>The output path, relative to the output folder, with forward slashes; null when not written.</summary>
    public string? Destination { get; }

    public MetadataDictionary Metadata { get; }

    public string Content { get; }

    public static Document Create(string? source = null, string? destination = null, string content = "",
        IEnumerable<KeyValuePair<string, object?>>? metadata = null) =>
        new(source, destination, metadata is null ? MetadataDictionary.Empty : MetadataDictionary.Of(metadata), content);

    public Document WithSource(string? source) => new(source, Destination, Metadata, Content);

    public Document WithDestination(string? destination) => new(Source, destination, Metadata, Content);

    public Document WithContent(string content) => new(Source, Destination, Metadata, content);

    public Document With(string key, object? value) => new(Source, Destination, Metadata.With(key, value), Content);

    public Document With(IEnumerable<KeyValuePair<string, object?>> values) =>
        new(Source, Destination, Metadata.With(values), Content);

    /// <summary>The value under <paramref name="key"/> when it is a <typeparamref name="T"/>, else the default.</summary>
    public T? Get<T>(string key) => Metadata.TryGetValue(key, out var value) && value is T typed ? typed : default;

    /// <summary>The value under <paramref name="key"/>; a missing or mistyped value is a bug in the site, not in its input.</summary>
    public T GetRequired<T>(string key) =>
        Metadata.TryGetValue(key, out var value) && value is T typed
            ? typed
            : throw new InvalidOperationException($"Document '{Source ?? Destination ?? "(generated)"}' has no '{key}' of type {typeof(T).Name}.");

    public override string ToString() => Source ?? Destination ?? "(generated document)";
}

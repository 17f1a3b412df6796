using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace SiteGen.Engine;

/// <summary>
/// How documents are written into a <see cref="DocumentStore"/> and read back. The engine writes a document's source,
/// destination and content; the host adds a writer and a reader for each metadata key whose values it can store. A
/// document with a key no codec knows is not stored: a new process makes it again.
/// <para>
/// An output is written beside the input it was made from: a value that is the input's very object (a source passed
/// on, a paper a module left as it was) is written as "the input's", so a module that adds one thing to a document
/// stores that thing only.
/// </para>
/// </summary>
public sealed class DocumentCodec
{
    private readonly Dictionary<string, (Type Type, Action<BinaryWriter, object, Document?> Write, Func<BinaryReader, Document?, object> Read)> _values =
        new(StringComparer.Ordinal);

    /// <summary>The keys values are written under, each with its UTF-8 (<see cref="ReadKey"/>).</summary>
    private readonly List<(string Key, byte[] Utf8)> _keys = [];

    /// <summary>Values under <paramref name="key"/> are <typeparamref name="T"/>s, written by <paramref name="write"/> and read by <paramref name="read"/>.</summary>
    public DocumentCodec Add<T>(string key, Action<BinaryWriter, T> write, Func<BinaryReader, T> read) where T : class =>
        Add<T>(key, (writer, value, _) => write(writer, value), (reader, _) => read(reader));

    /// <summary>
    /// As <see cref="Add{T}(string, Action{BinaryWriter, T}, Func{BinaryReader, T})"/>, for values that share parts with
    /// the input document the output was made from: both are given it (null when there is none), so a part that is the
    /// input's can be written as such (<see cref="WriteTextBeside"/>) and read back as the very same object.
    /// </summary>
    public DocumentCodec Add<T>(string key, Action<BinaryWriter, T, Document?> write, Func<BinaryReader, Document?, T> read) where T : class
    {
        _values[key] = (typeof(T), (writer, value, input) => write(writer, (T)value, input), (reader, input) => read(reader, input));
        _keys.Add((key, System.Text.Encoding.UTF8.GetBytes(key)));
        return this;
    }

    /// <summary>True when every metadata value of <paramref name="document"/> can be written.</summary>
    public bool CanWrite(Document document)
    {
        // The codec's few keys are looked up, rather than the document's walked: walking the immutable dictionary that
        // documents had cost an enumerator and a tree walk per document, a quarter of a rebuild's use of the store.
        var known = 0;
        foreach (var (key, codec) in _values)
        {
            if (document.Metadata.TryGetValue(key, out var value))
            {
                if (value is not null && !codec.Type.IsInstanceOfType(value))
                {
                    return false;
                }
                known++;
            }
        }
        return known == document.Metadata.Count || AllOthersNull(document);
    }

    private bool AllOthersNull(Document document)
    {
        foreach (var (key, value) in document.Metadata.Pairs)
        {
            if (value is not null && !_values.ContainsKey(key))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>True when the two documents write as the same bytes: the same document made twice (verify mode).</summary>
    public bool WritesAlike(Document a, Document b)
    {
        if (!CanWrite(a) || !CanWrite(b))
        {
            return false;
        }
        return BytesOf(a).AsSpan().SequenceEqual(BytesOf(b));

        byte[] BytesOf(Document document)
        {
            using var bytes = new MemoryStream();
            using (var writer = new BinaryWriter(bytes))
            {
                Write(writer, document, input: null);
            }
            return bytes.ToArray();
        }
    }

    /// <summary>
    /// Writes <paramref name="document"/> (which <see cref="CanWrite"/> must allow), keys in ordinal order so that the same
    /// document gives the same bytes in every process; what it shares with <paramref name="input"/> is written as such.
    /// </summary>
    public void Write(BinaryWriter writer, Document document, Document? input)
    {
        WriteTextBeside(writer, document.Source, input?.Source);
        WriteTextBeside(writer, document.Destination, input?.Destination);
        WriteContent(writer, document, input);
        var pairs = document.Metadata.Pairs;
        // The pairs' places in the keys' ordinal order, sorted by insertion (a document has a handful of keys): an array
        // of keys sorted for every document the store's keys were asked of was 15 MB of a day at 100,000 papers.
        Span<int> order = pairs.Length <= 32 ? stackalloc int[pairs.Length] : new int[pairs.Length];
        for (var i = 0; i < order.Length; i++)
        {
            var at = i;
            for (; at > 0 && string.CompareOrdinal(pairs[order[at - 1]].Key, pairs[i].Key) > 0; at--)
            {
                order[at] = order[at - 1];
            }
            order[at] = i;
        }
        writer.Write7BitEncodedInt(pairs.Length);
        foreach (var place in order)
        {
            var (key, value) = pairs[place];
            writer.Write(key);
            if (input is not null && input.Metadata.TryGetValue(key, out var was) && ReferenceEquals(was, value))
            {
                writer.Write(InputsValue);
            }
            else if (value is null)
            {
                writer.Write(NoValue);
            }
            else
            {
                writer.Write(OwnValue);
                _values[key].Write(writer, value, input);
            }
        }
    }

    /// <summary>
    /// A document's content, made only when it must be: a content the input shares is marked as the input's (a keyed
    /// content is never compared by its text, so that its bytes are the same whether it was made or not); written with no
    /// input, which only the store's keys are, a keyed content is its key.
    /// </summary>
    private static void WriteContent(BinaryWriter writer, Document document, Document? input)
    {
        if (input is not null && document.SharesContentWith(input))
        {
            writer.Write(InputsValue);
        }
        else if (input is null && document.ContentKey is { } key)
        {
            writer.Write(KeyValue);
            writer.Write((ulong)(key >> 64));
            writer.Write((ulong)key);
        }
        else
        {
            WriteTextBeside(writer, document.Content, input is { ContentKey: null } ? input.Content : null);
        }
    }

    /// <summary>Reads a document <see cref="Write"/> wrote beside <paramref name="input"/>.</summary>
    public Document Read(BinaryReader reader, Document? input)
    {
        var source = ReadTextBeside(reader, input?.Source);
        var destination = ReadTextBeside(reader, input?.Destination);
        // The input's content is taken as it is, made or not.
        var (content, contentOf) = reader.ReadByte() switch
        {
            NoValue => ("", null),
            InputsValue => ("", input ?? throw new InvalidDataException("a content marked as the input's, with no input")),
            OwnValue => (reader.ReadString(), (Document?)null),
            var other => throw new InvalidDataException($"unknown text marker {other}"),
        };
        var count = reader.Read7BitEncodedInt();
        var metadata = new KeyValuePair<string, object?>[count];
        for (var i = 0; i < count; i++)
        {
            var key = ReadKey(reader);
            metadata[i] = new(key, reader.ReadByte() switch
            {
                InputsValue => input!.Metadata[key],
                NoValue => null,
                OwnValue => _values.TryGetValue(key, out var codec) ? codec.Read(reader, input) : throw new InvalidDataException($"no codec for '{key}'"),
                var other => throw new InvalidDataException($"unknown value marker {other}"),
            });
        }
        return Document.Create(source, destination, content, contentOf, metadata);
    }

    /// <summary>
    /// A metadata key as <see cref="Write"/> wrote it: the very string the codec was given for a key it knows, so that no
    /// string is made for each key of each document read back, and a lookup of the document's metadata by the key's
    /// constant finds it by reference; any other key as its text.
    /// </summary>
    private string ReadKey(BinaryReader reader)
    {
        var length = reader.Read7BitEncodedInt();
        if (length < 0)
        {
            throw new InvalidDataException("a metadata key of negative length");
        }
        Span<byte> utf8 = length <= 256 ? stackalloc byte[length] : new byte[length];
        reader.BaseStream.ReadExactly(utf8);
        foreach (var (key, bytes) in _keys)
        {
            if (utf8.SequenceEqual(bytes))
            {
                return key;
            }
        }
        return System.Text.Encoding.UTF8.GetString(utf8);
    }

    /// <summary>A list of texts, as its count and each text; a default array is written as an empty one.</summary>
    public static void WriteTexts(BinaryWriter writer, ImmutableArray<string> texts)
    {
        writer.Write7BitEncodedInt(texts.IsDefault ? 0 : texts.Length);
        foreach (var text in texts.IsDefault ? [] : texts)
        {
            writer.Write(text);
        }
    }

    /// <summary>A list of texts <see cref="WriteTexts"/> wrote, each read by <paramref name="readText"/> (as written, by default).</summary>
    /// <exception cref="InvalidDataException">A count that cannot be: more texts than bytes left (an edited record).</exception>
    public static ImmutableArray<string> ReadTexts(BinaryReader reader, Func<BinaryReader, string>? readText = null)
    {
        var count = reader.Read7BitEncodedInt();
        var stream = reader.BaseStream;
        if (count < 0 || (stream.CanSeek && count > stream.Length - stream.Position))
        {
            throw new InvalidDataException("more texts than bytes");
        }
        if (count == 0)
        {
            return [];
        }
        // An array handed over as it is: a builder each was a list's worth of garbage, for every paper's lists.
        var texts = new string[count];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = readText is null ? reader.ReadString() : readText(reader);
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(texts);
    }

    private const byte NoValue = 0;
    private const byte InputsValue = 1;
    private const byte OwnValue = 2;

    /// <summary>A keyed content's key (<see cref="Document.ContentKey"/>), in the store's keys only: never read back.</summary>
    private const byte KeyValue = 3;

    /// <summary>
    /// <paramref name="text"/>, or a mark that it is <paramref name="inputs"/> (the input's text: the same object, or a
    /// short text equal to it), which <see cref="ReadTextBeside"/> reads back as that text.
    /// </summary>
    public static void WriteTextBeside(BinaryWriter writer, string? text, string? inputs)
    {
        if (text is null)
        {
            writer.Write(NoValue);
        }
        else if (inputs is not null && (ReferenceEquals(text, inputs) || (text.Length < 256 && text == inputs)))
        {
            writer.Write(InputsValue);
        }
        else
        {
            writer.Write(OwnValue);
            writer.Write(text);
        }
    }

    /// <summary>Marks the input's text, as <see cref="WriteTextBeside"/> does when it finds the text the same, for a caller that knows it is.</summary>
    public static void WriteInputsText(BinaryWriter writer) => writer.Write(InputsValue);

    /// <summary>A text <see cref="WriteTextBeside"/> wrote beside <paramref name="inputs"/>.</summary>
    public static string? ReadTextBeside(BinaryReader reader, string? inputs) => ReadsInputsText(reader, out var own)
        ? inputs ?? throw new InvalidDataException("a text marked as the input's, with no input")
        : own;

    /// <summary>
    /// True when <see cref="WriteTextBeside"/> marked the input's text, which the caller then takes as it holds it; false
    /// with the text written (<paramref name="own"/>; null when there was none) otherwise.
    /// </summary>
    public static bool ReadsInputsText(BinaryReader reader, out string? own)
    {
        (var inputs, own) = reader.ReadByte() switch
        {
            NoValue => (false, null),
            InputsValue => (true, null),
            OwnValue => (false, reader.ReadString()),
            var other => throw new InvalidDataException($"unknown text marker {other}"),
        };
        return inputs;
    }
}

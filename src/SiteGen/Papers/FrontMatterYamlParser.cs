using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SiteGen.Papers;

/// <summary>
/// YamlDotNet's parser with the guards that front matter needs, handed to <c>YamlStream.Load</c>:
/// aliases are refused (expanding them could turn a few lines into millions of nodes), nesting is bounded
/// (the loader recurses, and a stack overflow cannot be caught), and the scanner's one known crash on an
/// unclosed multi-line flow collection becomes an error at the bracket that was never closed. A scalar's value is
/// <see cref="Text.SafeText"/>: an escape (<c>"\x01"</c>, <c>"\ud800"</c>) cannot bring back what the file may not hold.
/// </summary>
internal sealed class FrontMatterYamlParser(FrontMatterBlock block) : IParser
{
    /// <summary>Real front matter nests two or three levels; this is far beyond any honest page.</summary>
    private const int MaxDepth = 32;

    private readonly Parser parser = new(new StringReader(block.Yaml));
    private readonly Stack<Mark> open = new();

    public ParsingEvent? Current => parser.Current is Scalar scalar && Text.SafeText.Clean(scalar.Value) is var value && !ReferenceEquals(value, scalar.Value)
        ? new Scalar(scalar.Anchor, scalar.Tag, value, scalar.Style, scalar.IsPlainImplicit, scalar.IsQuotedImplicit, scalar.Start, scalar.End)
        : parser.Current;

    public bool MoveNext()
    {
        bool moved;
        try
        {
            moved = parser.MoveNext();
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 18.1 throws this instead of a YamlException for "[a" followed by "key: value" lines.
            var at = open.Count > 0 ? open.Peek() : parser.Current?.End ?? Mark.Empty;
            throw block.ErrorAt(at, "invalid YAML: a list or mapping opened here is not closed; "
                + "close every `[` with `]` and every `{` with `}`, or quote a value that starts with one");
        }
        switch (parser.Current)
        {
            case AnchorAlias alias:
                throw block.ErrorAt(alias.Start, $"aliases such as `*{alias.Value}` are not supported in front matter; write the value out in full");
            case SequenceStart or MappingStart:
                open.Push(parser.Current.Start);
                if (open.Count > MaxDepth)
                {
                    throw block.ErrorAt(parser.Current.Start, $"the front matter nests more than {MaxDepth} levels deep; flatten it");
                }
                break;
            case SequenceEnd or MappingEnd:
                open.Pop();
                break;
        }
        return moved;
    }
}

using System.Collections.Immutable;
using SiteGen.Diagnostics;
using SiteGen.Papers;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SiteGen.Tags;

/// <summary>
/// Reads <c>tags.yml</c> from YamlDotNet's parser events, so that every mistake is reported at the exact
/// line and column of the key or value at fault, with how to fix it.
/// </summary>
internal sealed class TagVocabularyReader(string path, IParser parser)
{
    private const string NameKey = "name";
    private const string DescriptionKey = "description";
    private const string MatchKey = "match";

    private ParsingEvent Current => parser.Current!;

    public List<TagDefinition> Read()
    {
        var tags = new List<TagDefinition>();
        Next(); // StreamStart
        Next();
        var documents = 0;
        while (Current is DocumentStart document)
        {
            if (++documents > 1)
            {
                throw Error(document.Start, "a second YAML document starts here; keep every tag in one document (remove the '---')");
            }
            Next();
            ReadDocument(tags);
            Next(); // DocumentEnd
        }
        return tags;
    }

    private void ReadDocument(List<TagDefinition> tags)
    {
        switch (Current)
        {
            case Scalar root when IsNull(root):
                Next(); // nothing but "---": no tags
                break;
            case MappingStart:
                ReadTags(tags);
                break;
            default:
                throw Error(Current.Start, "expected tags here, each a 'slug:' line with name and match indented under it; see the example at the top of the file");
        }
    }

    private void ReadTags(List<TagDefinition> tags)
    {
        var firstDefined = new Dictionary<string, Mark>(StringComparer.Ordinal);
        Next(); // MappingStart
        while (Current is not MappingEnd)
        {
            var key = ExpectKey("a tag slug such as 'reinforcement-learning:'");
            var slug = key.Value;
            if (!Slug.IsValid(slug))
            {
                throw Error(key.Start, $"'{slug}' is not a tag slug; use lowercase ascii letters, digits and hyphens, such as '{Slug.FromTitle(slug)}'");
            }
            if (firstDefined.TryGetValue(slug, out var first))
            {
                throw Error(key.Start, $"tag '{slug}' is defined twice (first on line {first.Line}); merge the two entries or rename one");
            }
            firstDefined.Add(slug, key.Start);
            Next();
            tags.Add(ReadEntry(key));
        }
        Next(); // MappingEnd
    }

    private TagDefinition ReadEntry(Scalar key)
    {
        var slug = key.Value;
        if (Current is not MappingStart)
        {
            throw Error(key.Start, $"tag '{slug}' needs its name and match indented under it: '{slug}:', then '  name: ...' and '  match: [...]'");
        }
        Next();
        string? name = null;
        string? description = null;
        ImmutableArray<string>? match = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (Current is not MappingEnd)
        {
            var field = ExpectKey($"'{NameKey}', '{DescriptionKey}' or '{MatchKey}'");
            if (!seen.Add(field.Value))
            {
                throw Error(field.Start, $"'{field.Value}' appears twice in tag '{slug}'; keep one");
            }
            Next();
            switch (field.Value)
            {
                case NameKey:
                    name = ReadText(slug, field.Value);
                    if (string.IsNullOrWhiteSpace(name))
                    {
                        throw Error(field.Start, $"tag '{slug}' has an empty name; write the name readers see after 'name:'");
                    }
                    break;
                case DescriptionKey:
                    description = ReadText(slug, field.Value);
                    break;
                case MatchKey:
                    match = ReadPhrases(slug);
                    break;
                default:
                    throw Error(field.Start, $"tag '{slug}' has an unknown key '{field.Value}'; use '{NameKey}', '{DescriptionKey}' and '{MatchKey}'");
            }
        }
        Next(); // MappingEnd
        if (name is null)
        {
            throw Error(key.Start, $"tag '{slug}' has no name; add 'name: ...' under it with the name readers see");
        }
        if (match is null)
        {
            throw Error(key.Start, $"tag '{slug}' has no match list; add 'match: [...]' under it with the phrases that give a paper this tag");
        }
        return new TagDefinition(slug, name.Trim(), description?.Trim() ?? "", match.Value);
    }

    /// <summary>A scalar value; null for an empty or null one (<c>name:</c>, <c>name: ~</c>).</summary>
    private string? ReadText(string slug, string field)
    {
        if (Current is not Scalar scalar)
        {
            throw Error(Current.Start, $"'{field}' of tag '{slug}' must be text on the same line, not a list or a mapping");
        }
        Next();
        return IsNull(scalar) ? null : Text.SafeText.Clean(scalar.Value);
    }

    private ImmutableArray<string> ReadPhrases(string slug)
    {
        if (Current is not SequenceStart start)
        {
            throw Error(Current.Start, $"'{MatchKey}' of tag '{slug}' must be a list of phrases; write '{MatchKey}: [{Example(slug)}]'");
        }
        Next();
        var phrases = ImmutableArray.CreateBuilder<string>();
        while (Current is not SequenceEnd)
        {
            if (Current is not Scalar phrase)
            {
                throw Error(Current.Start, $"each phrase of tag '{slug}' must be text, not a list or a mapping; write '{MatchKey}: [first phrase, second phrase]'");
            }
            if (Words.Split(phrase.Value).Length == 0)
            {
                throw Error(phrase.Start, $"phrase '{phrase.Value}' of tag '{slug}' has no letters or digits, so it can never match; remove it");
            }
            phrases.Add(Text.SafeText.Clean(phrase.Value));
            Next();
        }
        Next(); // SequenceEnd
        if (phrases.Count == 0)
        {
            throw Error(start.Start, $"tag '{slug}' has an empty match list; add at least one phrase, such as '{MatchKey}: [{Example(slug)}]'");
        }
        return phrases.DrainToImmutable();
    }

    private Scalar ExpectKey(string what)
    {
        if (Current is not Scalar key)
        {
            throw Error(Current.Start, $"expected {what} here, not a list or a mapping");
        }
        return key;
    }

    /// <summary>Moves to the next event; aliases are refused wherever they appear.</summary>
    private void Next()
    {
        parser.MoveNext();
        if (Current is AnchorAlias alias)
        {
            throw Error(alias.Start, $"aliases such as '*{alias.Value}' are not supported in {TagVocabulary.FileName}; write the value out");
        }
    }

    private static bool IsNull(Scalar scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";

    private static string Example(string slug) => slug.Replace('-', ' ');

    private ContentException Error(Mark at, string message) =>
        new(path, (int)at.Line, (int)at.Column, message);
}

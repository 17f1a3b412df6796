using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using SiteGen.Diagnostics;
using SiteGen.Papers;
using YamlDotNet.Core;

namespace SiteGen.Tags;

/// <summary>
/// The site's tags, in the order of <c>input/tags.yml</c>: that order is the order tags are listed on a
/// paper. Immutable and safe to share across threads.
/// </summary>
internal sealed class TagVocabulary
{
    /// <summary>The vocabulary's file name in the input folder.</summary>
    public const string FileName = "tags.yml";

    private readonly FrozenDictionary<string, TagDefinition> bySlug;

    /// <exception cref="ArgumentException">A slug is not in slug form, or appears twice.</exception>
    public TagVocabulary(IEnumerable<TagDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        Definitions = [.. definitions];
        var slugs = new Dictionary<string, TagDefinition>(Definitions.Length, StringComparer.Ordinal);
        foreach (var definition in Definitions)
        {
            ArgumentNullException.ThrowIfNull(definition, nameof(definitions));
            if (!Slug.IsValid(definition.Slug))
            {
                throw new ArgumentException($"'{definition.Slug}' is not a slug.", nameof(definitions));
            }
            if (!slugs.TryAdd(definition.Slug, definition))
            {
                throw new ArgumentException($"Tag '{definition.Slug}' is defined twice.", nameof(definitions));
            }
        }
        bySlug = slugs.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static TagVocabulary Empty { get; } = new([]);

    /// <summary>Every tag, in file order.</summary>
    public ImmutableArray<TagDefinition> Definitions { get; }

    public int Count => Definitions.Length;

    public bool Contains(string slug) => bySlug.ContainsKey(slug);

    public bool TryGet(string slug, [MaybeNullWhen(false)] out TagDefinition definition) =>
        bySlug.TryGetValue(slug, out definition);

    /// <exception cref="KeyNotFoundException">No tag has this slug.</exception>
    public TagDefinition this[string slug] =>
        bySlug.TryGetValue(slug, out var definition)
            ? definition
            : throw new KeyNotFoundException($"No tag '{slug}' in the vocabulary.");

    /// <summary>The tag's display name; a hand-written tag the vocabulary lacks shows as its slug.</summary>
    /// <summary>What matching reads of the vocabulary, as a number: each tag's slug and phrases, in order.</summary>
    public ulong MatchFingerprint()
    {
        var fingerprint = new Site.Fingerprint().Add((ulong)Definitions.Length);
        foreach (var definition in Definitions)
        {
            fingerprint.Add(definition.Slug).Add((ulong)definition.Match.Length);
            foreach (var phrase in definition.Match)
            {
                fingerprint.Add(phrase);
            }
        }
        return fingerprint.Value;
    }

    /// <summary>What a paper's view reads of the vocabulary (<see cref="DisplayName"/>), as a number: each tag's slug and name.</summary>
    public ulong NamesFingerprint()
    {
        var fingerprint = new Site.Fingerprint().Add((ulong)Definitions.Length);
        foreach (var definition in Definitions)
        {
            fingerprint.Add(definition.Slug).Add(definition.Name);
        }
        return fingerprint.Value;
    }

    public string DisplayName(string slug) => bySlug.TryGetValue(slug, out var definition) ? definition.Name : slug;

    /// <summary>The tag's one-line description, or "" for a tag the vocabulary lacks.</summary>
    public string Description(string slug) => bySlug.TryGetValue(slug, out var definition) ? definition.Description : "";

    /// <summary>
    /// Reads a vocabulary in the format documented at the top of <c>input/tags.yml</c>. An empty file is an
    /// empty vocabulary.
    /// </summary>
    /// <param name="path">The file, as the user should see it in an error message.</param>
    /// <param name="text">The file's content.</param>
    /// <exception cref="ContentException">
    /// The YAML is broken, or an entry is wrong: a key that is not a slug, a tag defined twice, a missing
    /// name, a missing or empty match list, an unknown key. Line and column point at the mistake.
    /// </exception>
    public static TagVocabulary Load(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return new TagVocabulary(new TagVocabularyReader(path, new Parser(new StringReader(text))).Read());
        }
        catch (YamlException e)
        {
            var what = e.Message.TrimEnd('.');
            if (what.Length > 0)
            {
                what = char.ToLowerInvariant(what[0]) + what[1..];
            }
            throw new ContentException(
                path,
                (int)e.Start.Line,
                (int)e.Start.Column,
                $"this is not valid YAML: {what}; check the indentation, quotes and brackets here and on the line above");
        }
    }
}

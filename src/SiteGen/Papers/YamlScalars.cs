using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Papers;

/// <summary>
/// How SiteGen writes and reads one YAML scalar. Everything SiteGen stores in front matter is text, so a
/// string is written in a style that every YAML reader gives back as that same string, not as a number,
/// a boolean, a date or null (a page's <c>.md</c> is served to scripts, which may not use YamlDotNet).
/// </summary>
internal static partial class YamlScalars
{
    /// <summary>
    /// The style to ask the emitter for. <see cref="ScalarStyle.Any"/> lets YamlDotNet pick plain when plain is
    /// unambiguous and quote otherwise; we only step in where its choice is not enough.
    /// </summary>
    public static ScalarStyle StyleFor(string value)
    {
        if (NeedsEscapes(value))
        {
            // YamlDotNet would pick a folded block scalar, which loses a lone "\n" or a U+0085 on the way
            // back; double quotes spell every such character as an escape and keep the value on one line.
            return ScalarStyle.DoubleQuoted;
        }
        return LooksLikeNonString(value) ? ScalarStyle.SingleQuoted : ScalarStyle.Any;
    }

    /// <summary>True for a plain scalar that YAML reads as null: <c>key:</c>, <c>~</c>, <c>null</c>.</summary>
    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private static bool NeedsEscapes(string value)
    {
        // A tab at either end of a plain or single-quoted scalar is read back as white space, and dropped.
        if (value.Length > 0 && (value[0] == '\t' || value[^1] == '\t'))
        {
            return true;
        }
        foreach (var c in value)
        {
            if ((char.IsControl(c) && c != '\t')
                || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return true;
            }
        }
        return false;
    }

    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        // YAML 1.1 (PyYAML, YamlDotNet's typed deserializer) and 1.2 core schema: null, booleans, special floats,
        // and the 1.1 merge and value keys.
        "", "~", "null", "true", "false", "yes", "no", "y", "n", "on", "off",
        ".inf", "-.inf", "+.inf", ".nan", "<<", "=",
    };

    /// <summary>
    /// True when a plain scalar with this text would be read as something other than a string by a YAML 1.1 or
    /// 1.2 reader. Errs on the side of quoting: a needless quote costs two characters, a missing one changes
    /// the value.
    /// </summary>
    internal static bool LooksLikeNonString(string value) =>
        Keywords.Contains(value) || NumberLike().IsMatch(value) || DateLike().IsMatch(value);

    /// <summary>
    /// The union of 1.1's and 1.2's integers and floats: binary, octal, hex, 1_000, sexagesimal 1:30, 1.5e3, .5.
    /// </summary>
    [GeneratedRegex(@"^[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(:[0-5]?[0-9])*(\.[0-9_.]*)?([eE][-+]?[0-9]+)?|\.[0-9][0-9_.]*([eE][-+]?[0-9]+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLike();

    /// <summary>1.1's timestamps: a date, alone or followed by a time.</summary>
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt \t]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex DateLike();

    internal static string Show(string value)
    {
        // Echo a user's value inside a one-line message: no line breaks, not a screenful.
        var oneLine = value.ReplaceLineEndings(" ");
        if (oneLine.Length <= 40)
        {
            return oneLine;
        }
        var cut = char.IsHighSurrogate(oneLine[36]) ? 36 : 37; // never half a character
        return string.Concat(oneLine.AsSpan(0, cut), "...");
    }
}

using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Papers;

/// <summary>
/// How SiteGen writes and reads one YAML scalar. Everything SiteGen stores in front matter is text, so a
/// string is written in a style that every YAML reader gives back as that same string, not as a number,
/// a boolean, a date or null (a page's <c>.md</c> is served to scripts, which may not use YamlDotNet).
/// </summary>
internal static class YamlScalars
{
    /// <summary>
    /// The style to ask the emitter for. <see cref="ScalarStyle.Any"/> lets YamlDotNet pick plain when plain is
    /// unambiguous and quote otherwise; we only step in where its choice is not enough.
    /// </summary>
    public static ScalarStyle StyleFor(string value)
    {
        if (HasInvisibleBreaks(value))
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

    private static bool HasInvisibleBreaks(string value)
    {
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
    internal static bool LooksLikeNonString(string value)
    {
        if (Keywords.Contains(value))
        {
            return true;
        }
        var span = value.AsSpan();
        if (span[0] is '+' or '-')
        {
            span = span[1..];
        }
        if (span.IsEmpty || !(char.IsAsciiDigit(span[0]) || (span[0] == '.' && span.Length > 1 && char.IsAsciiDigit(span[1]))))
        {
            return false;
        }
        // Integers, floats, hex/octal/binary, 1.1's 1_000 and sexagesimal 1:30, and dates/timestamps (2025-03-20,
        // 2025-03-20T10:00:00Z) all start with a digit and use only these characters.
        foreach (var c in span)
        {
            if (!(char.IsAsciiHexDigit(c) || c is '_' or '.' or ':' or '+' or '-' or 'x' or 'X' or 'o' or 'O' or 't' or 'T' or 'z' or 'Z' or ' '))
            {
                return false;
            }
        }
        return true;
    }

    internal static string Show(string value)
    {
        // Echo a user's value inside a one-line message: no line breaks, not a screenful.
        var oneLine = value.ReplaceLineEndings(" ");
        return oneLine.Length <= 40 ? oneLine : string.Concat(oneLine.AsSpan(0, 37), "...");
    }
}

using System.Text;
using YamlDotNet.Core;

namespace SiteGen.Papers;

/// <summary>
/// Writes a scalar exactly as YamlDotNet's emitter writes it, for the scalars where that is easy to be sure of:
/// one line of printable characters. Used by <see cref="DirectFrontMatterWriter"/>; a test holds every accepted
/// scalar to the emitter's output, character for character.
/// </summary>
/// <remarks>
/// The style is the one <see cref="YamlScalars.StyleFor"/> asks the emitter for. Where it leaves the choice to
/// the emitter, the emitter writes a scalar plain when nothing in it would read as YAML syntax, else single-quoted,
/// else (when it holds a single quote) double-quoted; <see cref="IsPlainAllowed"/> is the emitter's test, cut
/// down to the characters accepted here.
/// </remarks>
internal static class SimpleYamlScalars
{
    /// <summary>A simple key longer than this becomes a <c>? key</c> entry (YamlDotNet's <c>MaxSimpleKeyLength</c>).</summary>
    private const int MaxSimpleKeyLength = 1024;

    /// <summary>
    /// Appends <paramref name="value"/> in the style the emitter would choose at <paramref name="place"/>, or
    /// returns false, having appended nothing, when the value is not simple.
    /// </summary>
    public static bool TryAppend(StringBuilder page, string value, YamlPlace place)
    {
        if (!IsSimple(value) || (place == YamlPlace.BlockKey && value.Length > MaxSimpleKeyLength))
        {
            return false;
        }
        switch (YamlScalars.StyleFor(value))
        {
            case ScalarStyle.Any when IsPlainAllowed(value, place == YamlPlace.FlowItem):
                page.Append(value);
                return true;
            case ScalarStyle.Any when value.Contains('\''):
                AppendDoubleQuoted(page, value);
                return true;
            case ScalarStyle.Any or ScalarStyle.SingleQuoted:
                AppendSingleQuoted(page, value);
                return true;
            default:
                return false; // double quotes with escapes: YamlDotNet's rules
        }
    }

    /// <summary>Appends <paramref name="value"/> double-quoted, or returns false, having appended nothing, when it is not simple.</summary>
    public static bool TryAppendDoubleQuoted(StringBuilder page, string value)
    {
        if (!IsSimple(value))
        {
            return false;
        }
        AppendDoubleQuoted(page, value);
        return true;
    }

    /// <summary>
    /// True when every character is one the emitter writes as itself inside any quotes: printable, no line
    /// break, no tab, no byte-order mark, no surrogate (which double quotes spell as an escape).
    /// </summary>
    private static bool IsSimple(string value)
    {
        foreach (var c in value)
        {
            if (!IsSimple(c))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsSimple(char c) =>
        c is (>= ' ' and <= '~') or (>= '\u00A0' and <= '\uD7FF' and not '\u2028' and not '\u2029') or (>= '\uE000' and <= '\uFFFD' and not '\uFEFF');

    private static void AppendDoubleQuoted(StringBuilder page, string value)
    {
        page.Append('"');
        var rest = value.AsSpan();
        for (var i = rest.IndexOfAny('"', '\\'); i >= 0; i = rest.IndexOfAny('"', '\\'))
        {
            page.Append(rest[..i]).Append('\\').Append(rest[i]);
            rest = rest[(i + 1)..];
        }
        page.Append(rest).Append('"');
    }

    private static void AppendSingleQuoted(StringBuilder page, string value)
    {
        page.Append('\'');
        if (value.Contains('\''))
        {
            page.Append(value.Replace("'", "''", StringComparison.Ordinal));
        }
        else
        {
            page.Append(value);
        }
        page.Append('\'');
    }

    /// <summary>
    /// The emitter's test for a plain scalar (<c>Emitter.AnalyzeScalar</c>) for a simple, one-line value: no
    /// leading or trailing space, no indicator at the start, no <c>": "</c> or <c>" #"</c>, and in a flow list
    /// none of <c>,?[]{}:</c> at all.
    /// </summary>
    private static bool IsPlainAllowed(string value, bool inFlow)
    {
        if (value.Length == 0 || value[0] == ' ' || value[^1] == ' '
            || value.StartsWith("---", StringComparison.Ordinal) || value.StartsWith("...", StringComparison.Ordinal))
        {
            return false;
        }
        var first = value[0];
        if (first is '#' or ',' or '[' or ']' or '{' or '}' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`'
            || (first is '?' or ':' && (inFlow || IsFollowedBySpace(value, 0)))
            || (first == '-' && IsFollowedBySpace(value, 0)))
        {
            return false;
        }
        for (var i = 1; i < value.Length; i++)
        {
            var c = value[i];
            if ((inFlow && c is ',' or '?' or '[' or ']' or '{' or '}' or ':')
                || (c == ':' && IsFollowedBySpace(value, i))
                || (c == '#' && value[i - 1] == ' '))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A space or the end of the value follows position <paramref name="i"/>; tabs and breaks are never simple.</summary>
    private static bool IsFollowedBySpace(string value, int i) => i + 1 == value.Length || value[i + 1] == ' ';
}

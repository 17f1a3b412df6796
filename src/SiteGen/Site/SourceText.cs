using System.Text;
using SiteGen.Diagnostics;

namespace SiteGen.Site;

/// <summary>
/// The text of a source file, as every reader of the site's sources gets it: UTF-8, a byte-order mark dropped, CRLF line
/// ends read as LF, and what no output can carry dropped (<see cref="Text.SafeText"/>). A file that is not UTF-8 is an error at its first bad byte (never a page of U+FFFD), naming the line
/// and column, so that what a user sees in an editor is what SiteGen read.
/// </summary>
internal static class SourceText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="displayPath">The path errors name (relative to the site folder).</param>
    /// <exception cref="ContentException">The file cannot be read, or is not UTF-8.</exception>
    public static string Read(string path, string displayPath)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ContentException(displayPath, 0, 0, $"cannot be read ({e.Message}); check that it is a readable file");
        }
        return Decode(bytes, displayPath);
    }

    /// <exception cref="ContentException">The bytes are not UTF-8.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes, string displayPath)
    {
        var start = bytes.StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        string text;
        try
        {
            text = Strict.GetString(bytes[start..]);
        }
        catch (DecoderFallbackException e)
        {
            var at = start + Math.Max(e.Index, 0);
            var before = bytes[..at];
            var line = before.Count((byte)'\n') + 1;
            var column = at - (before.LastIndexOf((byte)'\n') + 1) + 1;
            throw new ContentException(displayPath, line, column,
                $"is not UTF-8 text (byte 0x{bytes[at]:X2}); save it again as UTF-8, which browsers and editors do by default");
        }
        return Text.SafeText.Clean(text);
    }
}

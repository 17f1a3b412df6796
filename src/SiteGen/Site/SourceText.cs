using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Text;
using SiteGen.Diagnostics;
using SiteGen.Engine;

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
    public static string Read(string path, string displayPath) => WithBytes(path, displayPath, bytes => Decode(bytes, displayPath));

    /// <summary>
    /// The input file at <paramref name="path"/> as a document keyed by a hash of its bytes, whose text is made only when a
    /// module reads it: a rebuild finds most files' work in the cache by that hash, and never decodes them. The text is
    /// made from the file read again, and must have the bytes the key was made from.
    /// </summary>
    /// <exception cref="ContentException">The file cannot be read.</exception>
    public static Document Keyed(string path, string displayPath) => Keyed(path, displayPath, HashOf(path, displayPath), known: false);

    /// <summary>
    /// <see cref="Keyed(string, string)"/> of <paramref name="file"/>, without reading it when the last process that read
    /// it left the hash of its bytes in <paramref name="cache"/> for the same path, length and time, as the up-to-date check
    /// trusts them: a daily update found its 20,000 unchanged pages' hashes there instead of opening each. A time less
    /// than <see cref="Settled"/> old is not trusted, since a next write of the same length may keep it (as git treats a
    /// racily clean file): such a file is read, and its hash is not left for the next process.
    /// </summary>
    public static Document Keyed(FoundFile file, string displayPath, DocumentCache cache)
    {
        var age = DateTime.UtcNow - file.Modified;
        if (age < Settled)
        {
            return Keyed(file.Path, displayPath);
        }
        var read = new StrongBox<bool>();
        var key = cache.StoredOrMade("input file", (file, displayPath, read),
            static s => new StoreKey("input file").Add(s.displayPath).Add(s.file.Length).Add(s.file.Modified.Ticks).Value,
            static s =>
            {
                s.read.Value = true;
                return HashOf(s.file.Path, s.displayPath);
            },
            static (_, hash) =>
            {
                var bytes = new byte[16];
                BinaryPrimitives.WriteUInt128LittleEndian(bytes, hash);
                return bytes;
            },
            static (_, bytes) => bytes.Count == 16 ? BinaryPrimitives.ReadUInt128LittleEndian(bytes) : throw new InvalidDataException("not a hash"));
        return Keyed(file.Path, displayPath, key, known: !read.Value);
    }

    /// <summary>How old a file's time must be to stand for its bytes: more than any file system's clock step (FAT's two seconds).</summary>
    private static readonly TimeSpan Settled = TimeSpan.FromSeconds(3);

    /// <param name="known">True when <paramref name="key"/> is the last process's hash for the file's length and time, not its bytes read now.</param>
    private static Document Keyed(string path, string displayPath, UInt128 key, bool known) =>
        Document.CreateKeyed(displayPath, key, () => WithBytes(path, displayPath, bytes => XxHash128.HashToUInt128(bytes) == key
            ? Decode(bytes, displayPath)
            : throw new ContentException(displayPath, 0, 0, known
                ? "its bytes changed since the last build, but not its time or length (a copy that kept an older file's time?); touch it so that SiteGen reads it again"
                : "changed while the site was being built; build again")));

    private static UInt128 HashOf(string path, string displayPath) => WithBytes(path, displayPath, static bytes => XxHash128.HashToUInt128(bytes));

    /// <summary>What <paramref name="use"/> makes of the file's bytes (<see cref="Text.FileBytes"/>), a failure to read them named as the file's.</summary>
    private static T WithBytes<T>(string path, string displayPath, Func<ReadOnlySpan<byte>, T> use)
    {
        try
        {
            return Text.FileBytes.With(path, use);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ContentException(displayPath, 0, 0, $"cannot be read ({e.Message}); check that it is a readable file");
        }
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

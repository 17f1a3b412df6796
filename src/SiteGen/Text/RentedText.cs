using System.Buffers;
using System.Text;

namespace SiteGen.Text;

/// <summary>
/// A UTF-8 file's text in a buffer rented from the shared pool, given back when disposed: for a text read to be scanned
/// once and dropped (a kept page whose links the link check lacks, tens of kilobytes each), which as a string cost a
/// one-paper rebuild at 10,000 papers 30 MB of fresh memory.
/// </summary>
internal readonly struct RentedText : IDisposable
{
    private readonly char[] _chars;
    private readonly int _length;

    private RentedText(char[] chars, int length) => (_chars, _length) = (chars, length);

    public ReadOnlySpan<char> Span => _chars.AsSpan(0, _length);

    /// <summary>Reads the file at <paramref name="path"/> whole (<see cref="FileBytes"/>), as UTF-8 (a byte order mark, if any, is skipped).</summary>
    public static RentedText Read(string path) => FileBytes.With(path, bytes =>
    {
        var utf8 = bytes.StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes;
        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(utf8.Length));
        return new RentedText(chars, Encoding.UTF8.GetChars(utf8, chars));
    });

    public void Dispose()
    {
        if (_chars is not null)
        {
            ArrayPool<char>.Shared.Return(_chars);
        }
    }
}

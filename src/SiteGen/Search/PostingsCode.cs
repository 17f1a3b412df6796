using System.Buffers;

namespace SiteGen.Search;

/// <summary>
/// Writes a rising list of numbers as short text: each number as its difference from the one before, in base 32,
/// most significant digit first; the last digit of a number comes from the first half of <see cref="Digits"/>,
/// the digits before it from the second half, so no separator is needed. A paper id that follows the last one
/// closely costs one character. <c>theme/assets/search.js</c> (<c>decode()</c>) reads it.
/// </summary>
internal static class PostingsCode
{
    /// <summary>Safe in a JSON string and in a URL; the first 32 end a number, the last 32 go on.</summary>
    private static ReadOnlySpan<byte> Digits => "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"u8;

    public static string Encode(IReadOnlyList<int> rising) => Encode(rising.ToArray());

    public static string Encode(ReadOnlySpan<int> rising)
    {
        var bytes = new ArrayBufferWriter<byte>(Math.Max(1, rising.Length * 2));
        EncodeTo(bytes, rising);
        return System.Text.Encoding.ASCII.GetString(bytes.WrittenSpan);
    }

    /// <summary><see cref="Encode(ReadOnlySpan{int})"/>'s text, as the ASCII bytes it is, written into <paramref name="bytes"/>.</summary>
    public static void EncodeTo(IBufferWriter<byte> bytes, ReadOnlySpan<int> rising)
    {
        // Room for the longest text at once (7 digits a number), then one advance: a write per number through the
        // interface was most of the encoding.
        var text = bytes.GetSpan(7 * rising.Length);
        var written = 0;
        var previous = 0;
        Span<byte> digits = stackalloc byte[7]; // 32 bits need 7 digits of 5 bits
        foreach (var number in rising)
        {
            if (number < previous)
            {
                throw new ArgumentException($"numbers must rise: {number} after {previous}", nameof(rising));
            }
            var rest = (uint)(number - previous);
            previous = number;
            var at = digits.Length;
            digits[--at] = Digits[(int)(rest & 31)];
            for (rest >>= 5; rest > 0; rest >>= 5)
            {
                digits[--at] = Digits[32 + (int)(rest & 31)];
            }
            digits[at..].CopyTo(text[written..]);
            written += digits.Length - at;
        }
        bytes.Advance(written);
    }

    /// <summary>The numbers <see cref="Encode"/> wrote, for tests and for tools that read the index.</summary>
    public static List<int> Decode(string text)
    {
        var numbers = new List<int>();
        var previous = 0;
        var pending = 0;
        foreach (var c in text)
        {
            var value = c < 128 ? Digits.IndexOf((byte)c) : -1;
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a postings digit");
            }
            if (value >= 32)
            {
                pending = pending * 32 + value - 32;
                continue;
            }
            previous += pending * 32 + value;
            numbers.Add(previous);
            pending = 0;
        }
        return numbers;
    }
}

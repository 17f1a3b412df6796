using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;

namespace SiteGen.Rendering;

/// <summary>
/// HTML that SiteGen made, which a template writes with <c>raw</c> (<c>{{ body_html | raw }}</c>, <c>{{ card | raw }}</c>)
/// straight into the page, never made a string unless a template asks for one (any other filter): a page's body as it
/// sits in a buffer, or a paper's card with this page's way back to the root put where its marker is. At 10,000 papers
/// these strings were a fifth of what a cold build allocated. Without <c>raw</c> it is escaped, as any text is.
/// </summary>
internal sealed class RawHtml : FluidValue
{
    private readonly ReadOnlyMemory<char> _html;
    private readonly byte[]? _utf8;
    private readonly byte[]? _marker;
    private readonly string? _replacement;
    private readonly bool _escaped = true;

    /// <summary><paramref name="html"/> as it is; it must not change until the page is rendered.</summary>
    public RawHtml(ReadOnlyMemory<char> html) => _html = html;

    /// <summary>
    /// <paramref name="utf8"/> (HTML as UTF-8, half the memory of a string for a card kept all build long) with
    /// <paramref name="replacement"/> at every <paramref name="marker"/>, which must be ASCII.
    /// </summary>
    public RawHtml(byte[] utf8, byte[] marker, string replacement) => (_utf8, _marker, _replacement) = (utf8, marker, replacement);

    private RawHtml(RawHtml html) =>
        (_html, _utf8, _marker, _replacement, _escaped) = (html._html, html._utf8, html._marker, html._replacement, false);

    public override FluidValues Type => FluidValues.String;

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(encoder);
        if (_escaped)
        {
            writer.Write(encoder.Encode(ToStringValue()));
        }
        else
        {
            Write(writer);
        }
        return default;
    }

    private void Write(TextWriter writer)
    {
        if (_utf8 is null)
        {
            writer.Write(_html.Span);
            return;
        }
        // The marker is ASCII, so cutting the bytes at it never cuts a character.
        var html = _utf8.AsSpan();
        for (int at; (at = html.IndexOf(_marker)) >= 0; html = html[(at + _marker!.Length)..])
        {
            WriteUtf8(writer, html[..at]);
            writer.Write(_replacement);
        }
        WriteUtf8(writer, html);
    }

    private static void WriteUtf8(TextWriter writer, ReadOnlySpan<byte> utf8)
    {
        var chars = ArrayPool<char>.Shared.Rent(utf8.Length); // never more characters than bytes
        var count = Encoding.UTF8.GetChars(utf8, chars);
        writer.Write(chars.AsSpan(0, count));
        ArrayPool<char>.Shared.Return(chars);
    }

    public override string ToStringValue()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer);
        return writer.ToString();
    }

    public override bool Equals(FluidValue other) => other is not null && other.Type == FluidValues.String && ToStringValue() == other.ToStringValue();

    public override bool ToBooleanValue() => true;

    public override decimal ToNumberValue() => StringValue.Create(ToStringValue()).ToNumberValue();

    public override object ToObjectValue() => ToStringValue();

    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context) =>
        StringValue.Create(ToStringValue()).GetValueAsync(name, context);

    public override bool Equals(object? obj) => obj is FluidValue other && Equals(other);

    public override int GetHashCode() => ToStringValue().GetHashCode(StringComparison.Ordinal);

    /// <summary>
    /// Fluid's <c>raw</c> filter, except that SiteGen's HTML stays as it is rather than becoming a string first, as
    /// Fluid's own filter makes every value.
    /// </summary>
    public static ValueTask<FluidValue> RawFilter(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        input is RawHtml html ? new RawHtml(html) : new StringValue(input.ToStringValue(), encode: false);
}

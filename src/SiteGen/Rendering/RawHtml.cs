using System.Globalization;
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
    private readonly string? _marker;
    private readonly string? _replacement;
    private readonly bool _escaped = true;

    /// <summary><paramref name="html"/> as it is; it must not change until the page is rendered.</summary>
    public RawHtml(ReadOnlyMemory<char> html) => _html = html;

    /// <summary><paramref name="html"/> with <paramref name="replacement"/> at every <paramref name="marker"/>.</summary>
    public RawHtml(string html, string marker, string replacement) => (_html, _marker, _replacement) = (html.AsMemory(), marker, replacement);

    private RawHtml(RawHtml html) => (_html, _marker, _replacement, _escaped) = (html._html, html._marker, html._replacement, false);

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
        var html = _html.Span;
        if (_marker is null)
        {
            writer.Write(html);
            return;
        }
        for (int at; (at = html.IndexOf(_marker, StringComparison.Ordinal)) >= 0; html = html[(at + _marker.Length)..])
        {
            writer.Write(html[..at]);
            writer.Write(_replacement);
        }
        writer.Write(html);
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

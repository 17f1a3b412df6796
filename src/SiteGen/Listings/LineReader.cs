namespace SiteGen.Listings;

/// <summary>
/// Reads a text line by line as spans over the original string, with 1-based line numbers. Accepts <c>\n</c>,
/// <c>\r\n</c> and a lone <c>\r</c>. A copy of the reader peeks ahead without moving the original.
/// </summary>
internal struct LineReader(string text)
{
    private int position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0; // a byte-order mark is no part of line 1
    private int lineNumber;

    public bool TryRead(out ReadOnlySpan<char> line, out int number)
    {
        if (position >= text.Length)
        {
            line = default;
            number = lineNumber;
            return false;
        }
        var rest = text.AsSpan(position);
        var end = rest.IndexOfAny('\r', '\n');
        if (end < 0)
        {
            line = rest;
            position = text.Length;
        }
        else
        {
            line = rest[..end];
            position += end + (rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1);
        }
        number = ++lineNumber;
        return true;
    }
}

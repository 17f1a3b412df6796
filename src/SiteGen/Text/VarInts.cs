namespace SiteGen.Text;

/// <summary>Numbers as <see cref="BinaryWriter.Write7BitEncodedInt"/> writes them, read straight from bytes: a BinaryReader reads them a byte at a time through its stream.</summary>
internal static class VarInts
{
    /// <summary>The non-negative number at <paramref name="at"/>, which then points past it.</summary>
    /// <exception cref="InvalidDataException">Cut short, too long, or negative.</exception>
    public static int Read(ReadOnlySpan<byte> bytes, ref int at)
    {
        var value = 0;
        for (var shift = 0; shift < 32; shift += 7)
        {
            if (at >= bytes.Length)
            {
                throw new InvalidDataException("a number cut short");
            }
            var next = bytes[at++];
            value |= (next & 0x7F) << shift;
            if (next < 0x80)
            {
                return value >= 0 ? value : throw new InvalidDataException("a negative number");
            }
        }
        throw new InvalidDataException("a number too long");
    }
}

using System.Buffers;

namespace SiteGen.Text;

/// <summary>
/// A file's bytes, read whole into a buffer rented from the shared pool for the length of one use: a capture is often
/// larger than the collector's large-object threshold, and a new array for each made full collections; a page read back
/// for its links is tens of kilobytes, read once and dropped.
/// </summary>
internal static class FileBytes
{
    /// <summary>What <paramref name="use"/> makes of the bytes of the file at <paramref name="path"/>, which are the pool's again once it returns.</summary>
    /// <exception cref="IOException">The file cannot be read, is too large to read at once, or grew while it was read.</exception>
    public static T With<T>(string path, Func<ReadOnlySpan<byte>, T> use)
    {
        byte[]? rented = null;
        try
        {
            int length;
            using (var file = File.OpenHandle(path))
            {
                var size = RandomAccess.GetLength(file);
                if (size >= Array.MaxLength)
                {
                    throw new IOException($"it is {size} bytes, more than can be read at once");
                }
                rented = ArrayPool<byte>.Shared.Rent((int)size + 1);
                length = 0;
                while (length < rented.Length && RandomAccess.Read(file, rented.AsSpan(length), length) is var read and > 0)
                {
                    length += read;
                }
                if (length == rented.Length)
                {
                    throw new IOException("it grew while it was read");
                }
            }
            return use(rented.AsSpan(0, length));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}

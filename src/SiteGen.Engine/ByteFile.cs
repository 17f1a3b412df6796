using Microsoft.Win32.SafeHandles;

namespace SiteGen.Engine;

/// <summary>
/// A file whose bytes stay where they are while it is open: read at an offset, from any thread. A text kept in one is
/// read when it is used rather than held (the store's records, a one-off build's file of texts).
/// </summary>
public interface IByteFile
{
    /// <summary>Fills <paramref name="destination"/> with the bytes at <paramref name="offset"/>.</summary>
    void Read(long offset, Span<byte> destination);
}

/// <summary>
/// A reader of one stored record that can hand out a stretch of it as its place in the store's file instead of a copy
/// (<see cref="DocumentCache.RemembersRuns"/> false: the store then outlives everything a build reads from it).
/// </summary>
public interface IStoredBytesReader
{
    /// <summary>
    /// The place of the next <paramref name="count"/> bytes, which the reader then skips; false when it does not lend
    /// them (they are then read as usual).
    /// </summary>
    bool TryLend(int count, out IByteFile file, out long offset);
}

/// <summary>The one way a file of bytes is read at an offset (<see cref="IByteFile"/>).</summary>
public static class ByteFiles
{
    /// <summary>Fills <paramref name="destination"/> from <paramref name="file"/> at <paramref name="offset"/>; a file that ends first is named (<paramref name="path"/>).</summary>
    public static void ReadExactly(SafeFileHandle file, long offset, Span<byte> destination, string path)
    {
        for (var read = 0; read < destination.Length;)
        {
            var got = RandomAccess.Read(file, destination[read..], offset + read);
            read += got > 0 ? got : throw new EndOfStreamException($"'{path}' ends before byte {offset + destination.Length}");
        }
    }
}

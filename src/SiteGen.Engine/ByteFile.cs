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

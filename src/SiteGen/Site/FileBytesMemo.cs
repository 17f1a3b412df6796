using System.Collections.Concurrent;

namespace SiteGen.Site;

/// <summary>
/// The last bytes of each whole-site file a session makes from a list (a feed, the sitemap), with the list they were
/// made from: when the next build's list is equal, item for item, the bytes are reused instead of written out again.
/// Items are compared with <see cref="EqualityComparer{T}.Default"/>: an unchanged paper's view is the very object of
/// the last build (found equal at once), and anything that compares by reference only ever makes the file again.
/// A one-off build keeps nothing.
/// </summary>
internal sealed class FileBytesMemo(bool remember)
{
    private readonly ConcurrentDictionary<string, (object Key, byte[] Bytes)> _last = new(StringComparer.Ordinal);

    public byte[] GetOrMake<T>(string destination, T[] key, Func<byte[]> make)
    {
        if (!remember)
        {
            return make();
        }
        if (_last.TryGetValue(destination, out var last) && last.Key is T[] lastKey && lastKey.AsSpan().SequenceEqual(key))
        {
            return last.Bytes;
        }
        var bytes = make();
        _last[destination] = (key, bytes);
        return bytes;
    }

    public void Clear() => _last.Clear();
}

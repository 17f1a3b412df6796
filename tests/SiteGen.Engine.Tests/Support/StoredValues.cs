namespace SiteGen.Engine.Tests.Support;

/// <summary><see cref="DocumentCache.StoredOrMade{TState, T}"/> for a test whose functions need nothing handed to them.</summary>
internal static class StoredValues
{
    public static T StoredOrMade<T>(this DocumentCache cache, string what, Func<UInt128> key, Func<T> make, Func<T, byte[]> encode,
        Func<ArraySegment<byte>, T> decode) =>
        cache.StoredOrMade(what, (key, make, encode, decode), static s => s.key(), static s => s.make(), static (s, value) => s.encode(value),
            static (s, bytes) => s.decode(bytes));
}

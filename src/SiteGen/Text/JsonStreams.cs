using System.Text.Json;

namespace SiteGen.Text;

/// <summary>JSON written straight into a file.</summary>
internal static class JsonStreams
{
    /// <summary>
    /// Hands what the writer holds to its stream once it is 64 KB: a writer on a stream otherwise keeps the whole file in
    /// a buffer it grows by doubling (the search index, megabytes; the journal of a million papers' files, 880 MB allocated).
    /// </summary>
    public static void FlushNowAndThen(this Utf8JsonWriter json)
    {
        if (json.BytesPending > 1 << 16)
        {
            json.Flush();
        }
    }
}

using System.Text;

namespace SiteGen.Site;

/// <summary>
/// The paths of the files the last build wrote, as its manifest's strings, for what a new process reads back from the
/// store that names them: a paper's view names its page and its Markdown file, and each was a string of its own beside
/// the manifest's (34 MB of a day at 100,000 papers). Set by a build for its run (<see cref="During"/>). Equal texts
/// are one string, so a path read while another build's manifest is set is still the right text; and one read before
/// the manifest is (it is read beside the build's start) is a string of its own, as before.
/// </summary>
internal static class KnownPaths
{
    /// <summary>Longer texts are read as they are: no page's path is this long.</summary>
    private const int MaxBytes = 512;

    private static OutputFolder? s_output;

    /// <summary>Paths read from now on are <paramref name="output"/>'s last manifest's, until the result is disposed.</summary>
    public static IDisposable During(OutputFolder output)
    {
        s_output = output;
        return new Ended(output);
    }

    /// <summary>A text <see cref="BinaryWriter.Write(string)"/> wrote: the manifest's string for it when it names a file the last build wrote.</summary>
    public static string Read(BinaryReader reader)
    {
        var length = reader.Read7BitEncodedInt();
        if (length < 0)
        {
            throw new InvalidDataException("a text of negative length");
        }
        if (length > MaxBytes)
        {
            var large = new byte[length];
            reader.BaseStream.ReadExactly(large);
            return Encoding.UTF8.GetString(large);
        }
        Span<byte> bytes = stackalloc byte[length];
        reader.BaseStream.ReadExactly(bytes);
        Span<char> chars = stackalloc char[length];
        var text = chars[..Encoding.UTF8.GetChars(bytes, chars)];
        return Of(text, Volatile.Read(ref s_output)?.LastBuildIfRead?.Files);
    }

    /// <summary><paramref name="text"/> as <paramref name="manifest"/>'s string for it when it names a file there, else a string of its own.</summary>
    public static string Of(ReadOnlySpan<char> text, Dictionary<string, FileStamp>? manifest) =>
        manifest?.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var path, out _) == true ? path : text.ToString();

    private sealed class Ended(OutputFolder output) : IDisposable
    {
        public void Dispose() => Interlocked.CompareExchange(ref s_output, null, output);
    }
}

using System.Text.Json;
using SiteGen.Text;

namespace SiteGen.Site;

/// <summary>
/// The paths of the output folder a build is about to change, in the cache folder beside the manifest, written before
/// the first of them changes and removed once the manifest describes the folder again. A journal that is still there
/// when a build starts says the last one stopped half way (killed, a full disk, a power cut after the write): those
/// files are SiteGen's, whatever they hold now, so the build neither trusts them nor takes them for a user's own.
/// </summary>
internal static class BuildJournal
{
    public static string PathFor(string manifestPath) => Path.ChangeExtension(manifestPath, ".journal");

    /// <summary>The paths a journal lists; none if there is no journal. A journal that does not read lists nothing it can vouch for.</summary>
    public static HashSet<string> Read(string path)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                if (entry.GetString() is { } destination)
                {
                    paths.Add(destination);
                }
            }
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
        {
            // Written whole or not at all (FileOperations.WriteAtomically): unreadable means damaged by something else.
            // Then every file of the output is suspect, which the caller learns from the flag below.
            paths.Add(Unreadable);
        }
        return paths;
    }

    /// <summary>A path no file has: listed when the journal could not be read, so that the build trusts no file.</summary>
    public const string Unreadable = "\0";

    public static void Write(FileOperations files, string path, IEnumerable<string> destinations) =>
        files.WriteAtomically(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream);
            json.WriteStartArray();
            foreach (var destination in destinations)
            {
                json.WriteStringValue(destination);
                json.FlushNowAndThen();
            }
            json.WriteEndArray();
        });
}

using System.Text.Json;
using System.Text.Json.Serialization;
using SiteGen.Site;

namespace SiteGen.Links;

/// <summary>Each page's links as the last build found them, by page (see <see cref="LinkCheck"/>).</summary>
internal sealed record PageLinkTable(IReadOnlyDictionary<string, PageLinks> Pages);

/// <summary>
/// <see cref="PageLinkTable"/> in the cache folder, beside the manifest: JSON, each href written once and pages
/// listing numbers into that list (a layout's links repeat on every page). Only ever a shortcut: a file that does
/// not read is no file, and an entry counts only for a page rendered from the same inputs, so an old or half-written
/// file can make a build slower (pages read back from disk), never its report wrong.
/// </summary>
internal static class PageLinksFile
{
    public static PageLinkTable? Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var saved = JsonSerializer.Deserialize(stream, PageLinksJson.Default.SavedLinks);
            if (saved is null)
            {
                return null;
            }
            var pages = new Dictionary<string, PageLinks>(saved.Pages.Length, StringComparer.Ordinal);
            foreach (var page in saved.Pages)
            {
                pages[page.Page] = new PageLinks(page.Inputs, [.. page.Links.Select(i => saved.Strings[i])]);
            }
            return new PageLinkTable(pages);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Writes the table whole or not at all (<see cref="FileOperations.WriteAtomically"/>).</summary>
    public static void Write(FileOperations files, string path, PageLinkTable table)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var strings = new List<string>();
        var pages = new List<SavedPage>(table.Pages.Count);
        foreach (var (page, links) in table.Pages.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var ids = new int[links.Links.Length];
            for (var i = 0; i < ids.Length; i++)
            {
                if (!numbers.TryGetValue(links.Links[i], out ids[i]))
                {
                    numbers[links.Links[i]] = ids[i] = strings.Count;
                    strings.Add(links.Links[i]);
                }
            }
            pages.Add(new SavedPage(page, links.Inputs, ids));
        }
        files.WriteAtomically(path, stream => JsonSerializer.Serialize(stream, new SavedLinks([.. strings], [.. pages]), PageLinksJson.Default.SavedLinks));
    }
}

internal sealed record SavedLinks(string[] Strings, SavedPage[] Pages);

internal sealed record SavedPage(string Page, ulong Inputs, int[] Links);

[JsonSerializable(typeof(SavedLinks))]
internal sealed partial class PageLinksJson : JsonSerializerContext;

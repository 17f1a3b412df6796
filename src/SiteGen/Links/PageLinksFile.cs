using System.Runtime.InteropServices;
using System.Text;
using SiteGen.Site;

namespace SiteGen.Links;

/// <summary>
/// Each page's links as the last build found them, by page, with what they came to (none for a table that was not
/// checked) and the files they were resolved against (<see cref="LinkCheck"/>).
/// </summary>
internal sealed record PageLinkTable(IReadOnlyDictionary<string, PageLinks> Pages, IReadOnlyDictionary<string, PageResult>? Results = null, ulong Files = 0);

/// <summary>
/// <see cref="PageLinkTable"/> in the cache folder, beside the manifest: each href written once, then each page with the
/// numbers of its hrefs in that list (a layout's links repeat on every page) and what they came to. Binary, because a
/// new process reads it whole before its link check: as JSON it took 90 ms at 10,000 papers. Only ever a shortcut: a
/// file that does not read whole is no file, and an entry counts only for a page rendered from the same inputs, its
/// result only against the same files, so an old or half-written file can make a build slower (pages read back from
/// disk, links resolved again), never its report wrong.
/// </summary>
internal static class PageLinksFile
{
    private const string Header = "sitegen page links 3";

    public static PageLinkTable? Read(string path)
    {
        try
        {
            // Read whole, then decoded from memory: through the file's own buffer, a byte at a time, reading took twice as long.
            using var reader = new BinaryReader(new MemoryStream(File.ReadAllBytes(path), writable: false), Encoding.UTF8);
            if (reader.ReadString() != Header)
            {
                return null;
            }
            var files = reader.ReadUInt64();
            var strings = new string[CountOf(reader)];
            for (var i = 0; i < strings.Length; i++)
            {
                strings[i] = reader.ReadString();
            }
            var count = CountOf(reader);
            var pages = new Dictionary<string, PageLinks>(count, StringComparer.Ordinal);
            var results = new Dictionary<string, PageResult>(count, StringComparer.Ordinal);
            for (var p = 0; p < count; p++)
            {
                var page = reader.ReadString();
                var inputs = reader.ReadUInt64();
                var links = new string[CountOf(reader)];
                for (var i = 0; i < links.Length; i++)
                {
                    links[i] = strings[reader.Read7BitEncodedInt()];
                }
                pages[page] = new PageLinks(inputs, links);
                var resolved = reader.Read7BitEncodedInt();
                var reachesOther = reader.ReadBoolean();
                var broken = new BrokenLink[CountOf(reader)];
                for (var i = 0; i < broken.Length; i++)
                {
                    broken[i] = new BrokenLink(page, strings[reader.Read7BitEncodedInt()], reader.ReadString(), reader.ReadBoolean(), 1);
                }
                results[page] = new PageResult(resolved, broken, reachesOther);
            }
            // Anything after the last page is not ours: the file was edited.
            return reader.BaseStream.Position == reader.BaseStream.Length ? new PageLinkTable(pages, results, files) : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException
            or InvalidDataException)
        {
            return null; // EndOfStreamException, a file cut short, is an IOException
        }
    }

    /// <summary>A count of things that follow, each at least a byte: more than the bytes left is an edited file.</summary>
    private static int CountOf(BinaryReader reader)
    {
        var count = reader.Read7BitEncodedInt();
        return count >= 0 && count <= reader.BaseStream.Length - reader.BaseStream.Position ? count : throw new InvalidDataException();
    }

    /// <summary>Writes the table, which must have been checked (it has results), whole or not at all (<see cref="FileOperations.WriteAtomically"/>).</summary>
    public static void Write(FileOperations files, string path, PageLinkTable table)
    {
        var results = table.Results ?? throw new ArgumentException("only a checked table is saved", nameof(table));
        // Each distinct href numbered in the order met; the pages then write numbers, each looked up once (at 100,000
        // papers, six million look-ups by text were most of the time the file took).
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var strings = new List<string>();
        var linkNumbers = new List<int>(table.Pages.Values.Sum(links => links.Links.Length));
        foreach (var (_, links) in table.Pages)
        {
            foreach (var link in links.Links)
            {
                ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(numbers, link, out var known);
                if (!known)
                {
                    number = strings.Count;
                    strings.Add(link);
                }
                linkNumbers.Add(number);
            }
        }
        files.WriteAtomically(path, file =>
        {
            using var stream = new BufferedStream(file, 1 << 20);
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(Header);
            writer.Write(table.Files);
            writer.Write7BitEncodedInt(strings.Count);
            strings.ForEach(writer.Write);
            writer.Write7BitEncodedInt(table.Pages.Count);
            // In no order: the file is read into a table by page. The pages come in the order they were numbered in.
            var next = 0;
            foreach (var (page, links) in table.Pages)
            {
                writer.Write(page);
                writer.Write(links.Inputs);
                writer.Write7BitEncodedInt(links.Links.Length);
                foreach (var number in CollectionsMarshal.AsSpan(linkNumbers).Slice(next, links.Links.Length))
                {
                    writer.Write7BitEncodedInt(number);
                }
                next += links.Links.Length;
                var result = results[page];
                writer.Write7BitEncodedInt(result.Links);
                writer.Write(result.ReachesOther);
                writer.Write7BitEncodedInt(result.Broken.Length);
                foreach (var broken in result.Broken)
                {
                    writer.Write7BitEncodedInt(numbers[broken.Href]);
                    writer.Write(broken.Target);
                    writer.Write(broken.Outside);
                }
            }
        });
    }
}

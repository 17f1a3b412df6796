using System.Runtime.InteropServices;
using System.Text;
using SiteGen.Site;

namespace SiteGen.Links;

/// <summary>
/// Each page's links as the last build found them, by page, with what they came to (none for a table that was not
/// checked) and the files they were resolved against (<see cref="LinkCheck"/>).
/// </summary>
/// <param name="Hrefs">For a table read from a file, the file's list of hrefs, which its pages' <see cref="PageLinks.Numbers"/> index.</param>
internal sealed record PageLinkTable(IReadOnlyDictionary<string, PageLinks> Pages, IReadOnlyDictionary<string, PageResult>? Results = null, ulong Files = 0,
    StoredHrefs? Hrefs = null);

/// <summary>
/// <see cref="PageLinkTable"/> in the cache folder, beside the manifest: each href written once, then each page with the
/// numbers of its hrefs in that list (a layout's links repeat on every page) and what they came to. Binary, because a
/// new process reads it whole before its link check: as JSON it took 90 ms at 10,000 papers. Only ever a shortcut: a
/// file that does not read whole is no file, and an entry counts only for a page rendered from the same inputs, its
/// result only against the same files, so an old or half-written file can make a build slower (pages read back from
/// disk, links resolved again), never its report wrong.
/// <para>
/// Written again, a file keeps the last file's list of hrefs and the numbers of the pages a build kept, looks up only
/// the links of the pages it rendered, and adds the hrefs the list lacks: numbering all 3.6 million links of 100,000
/// papers by their text was half the writing. Once a quarter of the list is hrefs no page links to any more, every link
/// is numbered anew and those hrefs are left out.
/// </para>
/// </summary>
internal static class PageLinksFile
{
    private const string Header = "sitegen page links 3";

    /// <param name="knownPaths">
    /// The last build's manifest, whose strings the pages' paths are taken as: the same paths, read from two files, were
    /// two strings each (21 MB of a day at 100,000 papers).
    /// </param>
    public static PageLinkTable? Read(string path, Dictionary<string, FileStamp>? knownPaths = null)
    {
        try
        {
            // Read whole, then decoded from memory: through the file's own buffer, a byte at a time, reading took twice as long.
            var bytes = File.ReadAllBytes(path);
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            if (reader.ReadString() != Header)
            {
                return null;
            }
            var files = reader.ReadUInt64();
            var hrefs = StoredHrefs.Read(reader, bytes);
            var count = CountOf(reader);
            var pages = new Dictionary<string, PageLinks>(count, StringComparer.Ordinal);
            var results = new Dictionary<string, PageResult>(count, StringComparer.Ordinal);
            var paths = new PathReader(bytes, knownPaths);
            for (var p = 0; p < count; p++)
            {
                var page = paths.Read(reader);
                var inputs = reader.ReadUInt64();
                var links = CountOf(reader);
                var start = (int)reader.BaseStream.Position;
                for (var i = 0; i < links; i++)
                {
                    hrefs.NumberOf(reader.Read7BitEncodedInt()); // checked now, read again only if asked for
                }
                pages[page] = new PageLinks(inputs, hrefs, start, (int)reader.BaseStream.Position - start, links);
                var resolved = reader.Read7BitEncodedInt();
                var reachesOther = reader.ReadBoolean();
                var broken = CountOf(reader) is var brokenCount and > 0 ? new BrokenLink[brokenCount] : [];
                for (var i = 0; i < broken.Length; i++)
                {
                    broken[i] = new BrokenLink(page, hrefs[hrefs.NumberOf(reader.Read7BitEncodedInt())], reader.ReadString(), reader.ReadBoolean(), 1);
                }
                results[page] = new PageResult(resolved, broken, reachesOther);
            }
            // Anything after the last page is not ours: the file was edited.
            return reader.BaseStream.Position == reader.BaseStream.Length ? new PageLinkTable(pages, results, files, hrefs) : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException
            or InvalidDataException)
        {
            return null; // EndOfStreamException, a file cut short, is an IOException
        }
    }

    /// <summary>Reads a page's path as <see cref="BinaryWriter.Write(string)"/> wrote it, as the manifest's string for it when it has one.</summary>
    private sealed class PathReader(byte[] bytes, Dictionary<string, FileStamp>? known)
    {
        private readonly Dictionary<string, FileStamp>.AlternateLookup<ReadOnlySpan<char>>? _known = known?.GetAlternateLookup<ReadOnlySpan<char>>();

        private char[] _chars = new char[256];

        public string Read(BinaryReader reader)
        {
            var length = reader.Read7BitEncodedInt();
            var start = reader.BaseStream.Position;
            if (length < 0 || length > reader.BaseStream.Length - start)
            {
                throw new InvalidDataException();
            }
            reader.BaseStream.Position = start + length;
            var utf8 = bytes.AsSpan((int)start, length);
            if (_chars.Length < length)
            {
                _chars = new char[length * 2];
            }
            var chars = _chars.AsSpan(0, Encoding.UTF8.GetChars(utf8, _chars));
            return _known is { } known && known.TryGetValue(chars, out var path, out _) ? path : new string(chars);
        }
    }

    /// <summary>A count of things that follow, each at least a byte: more than the bytes left is an edited file.</summary>
    private static int CountOf(BinaryReader reader)
    {
        var count = reader.Read7BitEncodedInt();
        return count >= 0 && count <= reader.BaseStream.Length - reader.BaseStream.Position ? count : throw new InvalidDataException();
    }

    /// <summary>
    /// Writes the table, which must have been checked (it has results), whole or not at all (<see cref="FileOperations.WriteAtomically"/>),
    /// keeping the numbers of the pages it has from <paramref name="last"/>, the table read from the file it replaces.
    /// </summary>
    public static void Write(FileOperations files, string path, PageLinkTable table, PageLinkTable? last = null)
    {
        var results = table.Results ?? throw new ArgumentException("only a checked table is saved", nameof(table));
        var numbering = Numbering.After(table, last) ?? Numbering.Anew(table);
        files.WriteAtomically(path, file =>
        {
            using var stream = new BufferedStream(file, 1 << 20);
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(Header);
            writer.Write(table.Files);
            writer.Write7BitEncodedInt(numbering.KeptCount + numbering.Added.Count);
            if (numbering.Kept is { } kept)
            {
                writer.Write(kept.Encoded); // as the last file holds them, not decoded to be encoded again
            }
            numbering.Added.ForEach(writer.Write);
            writer.Write7BitEncodedInt(table.Pages.Count);
            // In no order: the file is read into a table by page. The pages come in the order they were numbered in.
            foreach (var (page, links) in table.Pages)
            {
                writer.Write(page);
                writer.Write(links.Inputs);
                writer.Write7BitEncodedInt(links.Count);
                var result = results[page];
                ReadOnlySpan<int> numbers;
                if (numbering.IsKept(links))
                {
                    writer.Write(links.EncodedNumbers); // as the last file holds them
                    // Made numbers only for a page with broken links to name (rare).
                    numbers = result.Broken.Length > 0 ? links.Numbers() : default;
                }
                else
                {
                    numbers = numbering.Next(links);
                    foreach (var number in numbers)
                    {
                        writer.Write7BitEncodedInt(number);
                    }
                }
                writer.Write7BitEncodedInt(result.Links);
                writer.Write(result.ReachesOther);
                writer.Write7BitEncodedInt(result.Broken.Length);
                foreach (var broken in result.Broken)
                {
                    writer.Write7BitEncodedInt(numbers[Array.IndexOf(links.Links, broken.Href)]);
                    writer.Write(broken.Target);
                    writer.Write(broken.Outside);
                }
            }
        });
    }

    /// <summary>
    /// The numbers of a table's links: the hrefs of the last file (<see cref="Kept"/>), with the numbers of the pages kept
    /// from it, then the hrefs this table adds (<see cref="Added"/>), numbered after them, for the other pages' links, in
    /// the order of the table's pages.
    /// </summary>
    private sealed class Numbering(StoredHrefs? kept)
    {
        /// <summary>The last file's hrefs, kept with their numbers; none when every link is numbered anew.</summary>
        public StoredHrefs? Kept { get; } = kept;

        public int KeptCount => Kept?.Count ?? 0;

        public List<string> Added { get; } = [];

        /// <summary>The numbers of the links of the pages not kept, one page after another.</summary>
        private readonly List<int> _numbers = [];

        /// <summary>Where the next page not kept starts in <see cref="_numbers"/>.</summary>
        private int _next;

        /// <summary>Every link numbered by its text, each distinct href once: a table with no last file to keep from.</summary>
        public static Numbering Anew(PageLinkTable table)
        {
            var numbering = new Numbering(null);
            numbering.NumberNew(table, new Dictionary<string, int>(StringComparer.Ordinal));
            return numbering;
        }

        /// <summary>
        /// The pages kept from <paramref name="last"/> with their numbers, the others' links looked up among its hrefs;
        /// null when more than a quarter of its hrefs would be kept that no page links to any more (pages removed, or
        /// rendered with other links).
        /// </summary>
        public static Numbering? After(PageLinkTable table, PageLinkTable? last)
        {
            if (last?.Hrefs is not { } hrefs)
            {
                return null;
            }
            var numbering = new Numbering(hrefs);
            var used = numbering.NumberNew(table, numbering.KeptNumbersOfLinks(table));
            return used * 4L < hrefs.Count * 3L ? null : numbering;
        }

        /// <summary>
        /// The links of the pages not kept, each with its number among the last file's hrefs, or -1 when it has none: its
        /// hrefs are read through once and compared as they lie in the file (<see cref="StoredHrefs.Find"/>), rather than
        /// each made a string to be looked up (every href of the site, for the few thousand pages a day renders).
        /// </summary>
        private Dictionary<string, int> KeptNumbersOfLinks(PageLinkTable table)
        {
            var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var links in table.Pages.Values)
            {
                if (!IsKept(links))
                {
                    foreach (var link in links.Links)
                    {
                        numbers.TryAdd(link, -1);
                    }
                }
            }
            Kept?.Find(numbers);
            return numbers;
        }

        /// <summary>The numbers of the next page not kept (<see cref="IsKept"/>): asked for each such page once, in the table's order.</summary>
        public ReadOnlySpan<int> Next(PageLinks links)
        {
            _next += links.Count;
            return CollectionsMarshal.AsSpan(_numbers).Slice(_next - links.Count, links.Count);
        }

        /// <summary>
        /// True for a page whose links were read from the last file (a page kept unrendered): its numbers are that file's,
        /// which stay good while its hrefs are kept as they were (<see cref="PageLinks.EncodedNumbers"/>). False for other
        /// pages; links read from another file (a session keeps documents from build to build) are numbered anew. Told by
        /// the links alone: looked up by page, three times for each of 112,000 pages, they were a tenth of a second at the
        /// end of a day at 100,000 papers.
        /// </summary>
        public bool IsKept(PageLinks links) => Kept is { } kept && links.NumberedIn(kept);

        /// <summary>
        /// Numbers the links of the pages not kept by <paramref name="numbers"/> (-1: none yet), adding each href it lacks, each looked up
        /// once (at 100,000 papers, numbering all 3.6 million links by their text was most of the time the file took).
        /// </summary>
        /// <returns>How many of the kept hrefs some page links to.</returns>
        private int NumberNew(PageLinkTable table, Dictionary<string, int> numbers)
        {
            var used = new bool[KeptCount];
            // Made the right size at once: grown by doubling, the list of a million papers' 36 million links held a
            // 268 MB array and the 134 MB one it was copied from, at the end of the build, when it holds the most.
            _numbers.Capacity = table.Pages.Sum(p => IsKept(p.Value) ? 0 : p.Value.Count);
            foreach (var links in table.Pages.Values)
            {
                if (IsKept(links))
                {
                    var encoded = links.EncodedNumbers;
                    for (var at = 0; at < encoded.Length;)
                    {
                        used[Text.VarInts.Read(encoded, ref at)] = true;
                    }
                    continue;
                }
                foreach (var link in links.Links)
                {
                    ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(numbers, link, out var known);
                    if (!known || number < 0)
                    {
                        number = KeptCount + Added.Count;
                        Added.Add(link);
                    }
                    else if (number < used.Length)
                    {
                        used[number] = true;
                    }
                    _numbers.Add(number);
                }
            }
            return used.Count(u => u);
        }
    }
}

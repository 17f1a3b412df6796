using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using SiteGen.Text;

namespace SiteGen.Links;

/// <summary>
/// The site's internal links. <see cref="Modules.WriteFiles"/> finds each page's links as it renders it, or takes them
/// from the last build for a page it keeps unrendered, and passes them on with the page's document (<see
/// cref="Site.Keys.Links"/>); once every file is written, <see cref="Modules.ValidateLinks"/> hands them all to
/// <see cref="Check"/>, which resolves every link against what the build produced. Only the distinct hrefs of each page
/// that may need a file of the site are kept, as shared strings (a layout's links are the same on thousands of pages),
/// never the HTML.
/// <para>
/// A kept page was not rendered, yet its links count: a page that links to a paper removed since must be reported
/// even though the page itself did not change. Its HTML is the same as when it was last rendered (same inputs, same
/// bytes), so its links are too: the last build's links of each page, with the fingerprint of its inputs, are kept in
/// <see cref="PageLinksFile"/> beside the manifest, and a page kept with the same fingerprint takes its links from
/// there. Without an entry (a deleted cache, a file from an older SiteGen) the page is read back from disk instead.
/// </para>
/// <para>
/// What each page's links came to is kept with them, with the set of files they were resolved against. A kept page's
/// links are resolved again only when that set lost a file since, or when one of them led to a file SiteGen did not
/// make (which may have gone since); otherwise only its broken links are looked up again, since a file may have come.
/// So a rebuild, in the preview or in a new process, resolves the links of the pages it rendered, and a site's half
/// million links are not resolved again for one edit.
/// </para>
/// </summary>
internal sealed class LinkCheck
{
    private readonly string _linkRoot;
    /// <summary>The last build's links, read beside the build's first phases: a rendered page is the first to need them.</summary>
    private readonly Task<PageLinkTable?> _previousRead;
    private readonly Func<string, RentedText> _readPage;
    /// <summary>
    /// Every href met, once. Many lock stripes and room for a site's worth from the start: with a stripe per core and
    /// the table growing (which takes every stripe) as a cold build met new hrefs, threads waited on each other here.
    /// </summary>
    private readonly ConcurrentDictionary<string, string> _strings = new(Environment.ProcessorCount * 8, 1 << 14, StringComparer.Ordinal);

    /// <summary><see cref="InternSpan"/>, made a delegate once rather than for every page.</summary>
    private readonly Func<ReadOnlySpan<char>, string> _internSpan;
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private long _readingTicks;

    /// <summary>How many pages have links other than those of the table this build started from.</summary>
    private int _changed;

    /// <param name="linkRoot">The site's root path on its host: root-absolute links (the 404 page's) start with it.</param>
    /// <param name="previous">
    /// The reading of the last build's links of each page, for the pages this build keeps (null when there are none),
    /// awaited when first needed.
    /// </param>
    /// <param name="readPage">Reads a kept page's HTML from the output folder, when <paramref name="previous"/> lacks it.</param>
    public LinkCheck(string linkRoot, Task<PageLinkTable?> previous, Func<string, RentedText> readPage)
    {
        _linkRoot = linkRoot;
        _previousRead = previous;
        _readPage = readPage;
        _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        _internSpan = InternSpan;
    }

    /// <summary>The last build's links of each page, for the pages this build keeps (null when there are none).</summary>
    public PageLinkTable? Previous => _previousRead.GetAwaiter().GetResult();

    /// <summary>The report of the last <see cref="Check"/>.</summary>
    public LinkReport Report { get; private set; } = LinkReport.None;

    /// <summary>True when this build's table differs from the <see cref="PageLinkTable"/> it started from: other links, other pages or other files.</summary>
    public bool Changed => _changed != 0 || _pages.Count != (Previous?.Pages.Count ?? 0) || _files != Previous?.Files;

    /// <summary>
    /// True when the table this build started from is worth writing again for the next process: its files changed, or
    /// more than one page in fifty has other links. Short of that, the next process reads those few pages back from
    /// the output instead (a page whose links the table lacks is, see <see cref="Kept"/>): at 100,000 papers, writing
    /// the table took 0.6 s, reading a page back well under a millisecond.
    /// </summary>
    public bool WorthWriting => Previous is null || _pages.Count != Previous.Pages.Count || _files != Previous.Files
        || _changed > Math.Max(64, _pages.Count / 50);

    /// <summary>The pages of the last <see cref="Check"/>, with their links.</summary>
    private Dictionary<string, PageLinks> _pages = new(StringComparer.Ordinal);

    /// <summary>What the links of each page of the last <see cref="Check"/> came to.</summary>
    private Dictionary<string, PageResult> _results = new(StringComparer.Ordinal);

    /// <summary>The files the last <see cref="Check"/> resolved links against (<see cref="PageLinkTable.Files"/>).</summary>
    private ulong _files;

    /// <summary>A page just rendered from inputs with fingerprint <paramref name="inputs"/>.</summary>
    /// <returns>The page's links, to travel with its document.</returns>
    public PageLinks Rendered(string page, ReadOnlySpan<char> html, ulong inputs)
    {
        var started = Stopwatch.GetTimestamp();
        var pageLinks = new PageLinks(inputs, Read(html));
        if (Previous is not { } previous || !previous.Pages.TryGetValue(page, out var old) || old.Inputs != inputs)
        {
            Interlocked.Increment(ref _changed);
        }
        Interlocked.Add(ref _readingTicks, Stopwatch.GetTimestamp() - started);
        return pageLinks;
    }

    /// <summary>A page kept as the last build wrote it, from inputs with fingerprint <paramref name="inputs"/>.</summary>
    /// <returns>The page's links, to travel with its document.</returns>
    public PageLinks Kept(string page, ulong inputs)
    {
        if (Previous is { } previous && previous.Pages.TryGetValue(page, out var old) && old.Inputs == inputs)
        {
            // Taken as it is: that is what tells Check it may reuse what its links came to, and a table read from disk
            // already holds each href once.
            return old;
        }
        using var html = _readPage(page);
        return Rendered(page, html.Span, inputs);
    }

    /// <summary>Resolves every link of every page against the files the site will hold.</summary>
    /// <param name="pages">Every page of the build, with its links.</param>
    /// <param name="holds">What the site will hold at a path; asked from several threads at once.</param>
    /// <param name="files">The files this build made and the last build made (<see cref="Site.OutputFolder.Files"/>).</param>
    /// <param name="parallel">The bound on parallel work the pages are resolved under (the engine's).</param>
    public LinkReport Check(IEnumerable<(string Page, PageLinks Links)> pages, Func<string, LinkTarget> holds, FileSets files,
        ParallelOptions? parallel = null)
    {
        var previous = Previous;
        _pages = new Dictionary<string, PageLinks>(previous?.Pages.Count ?? 0, StringComparer.Ordinal);
        foreach (var (page, pageLinks) in pages)
        {
            if (!_pages.TryAdd(page, pageLinks))
            {
                throw new InvalidOperationException($"The links of '{page}' were read twice.");
            }
        }
        _files = FilesOf(files.Made);
        // What the last check found holds for a kept page while no file it counted on has gone.
        var last = previous?.Results is { } results && files.MadeAllTheLastMade && previous.Files == FilesOf(files.LastMade) ? results : null;
        var started = Stopwatch.GetTimestamp();
        var all = _pages.ToArray();
        // Resolved in a few runs of pages at once, each with its own table of what it resolved: the check runs once
        // every file is written, so nothing else runs beside it. Only the sums below need the pages in one place. Each
        // run takes every runs-th page, not a stretch of them: the pages to resolve (those rendered) come together, from
        // one pipeline, and a run given a stretch of kept pages was done while the other resolved them all.
        var found = new PageResult[all.Length];
        var runs = Math.Clamp(all.Length / 512, 1, Environment.ProcessorCount);
        Parallel.For(0, runs, parallel ?? new ParallelOptions(), run =>
        {
            var resolver = new PageResolver(_linkRoot, holds);
            for (var i = run; i < all.Length; i += runs)
            {
                var (page, pageLinks) = all[i];
                found[i] = last is not null && ReferenceEquals(pageLinks, previous!.Pages.GetValueOrDefault(page))
                    && last.TryGetValue(page, out var known) && !known.ReachesOther
                    ? resolver.StillBroken(known)
                    : resolver.Resolve(page, pageLinks);
            }
        });

        var broken = new Dictionary<string, BrokenLink>(StringComparer.Ordinal);
        var links = 0;
        // In no particular order: the report is sorted at the end, and each broken link counted from its first page in
        // path order whatever the order pages come in (sorting 21,000 paths cost 10 ms an edit at 10,000 papers).
        _results = new Dictionary<string, PageResult>(all.Length, StringComparer.Ordinal);
        for (var i = 0; i < all.Length; i++)
        {
            links += found[i].Links;
            foreach (var link in found[i].Broken)
            {
                Count(link);
            }
            _results[all[i].Key] = found[i];
        }

        // Each href once, at the first page (in path order) that has it, with the number of pages that do.
        void Count(BrokenLink link) =>
            broken[link.Href] = !broken.TryGetValue(link.Href, out var first) ? link
                : string.CompareOrdinal(link.Page, first.Page) < 0 ? link with { Pages = first.Pages + 1 }
                : first with { Pages = first.Pages + 1 };
        Report = new LinkReport(
            _pages.Count,
            links,
            [.. broken.Values.OrderBy(b => b.Page, StringComparer.Ordinal).ThenBy(b => b.Href, StringComparer.Ordinal)],
            Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _readingTicks)),
            Stopwatch.GetElapsedTime(started));
        return Report;
    }

    /// <summary>The set of files <paramref name="made"/> stands for, as links resolve against it (they depend on the link root too).</summary>
    private ulong FilesOf(ulong made) => new Site.Fingerprint().Add(made).Add(_linkRoot).Value;

    /// <summary>Resolves pages' links for one thread, remembering what each href came to.</summary>
    private sealed class PageResolver(string linkRoot, Func<string, LinkTarget> holds)
    {
        /// <summary>
        /// What an href leads to from the folder it counts from: "../../tags/a/index.html" leads to the same file from
        /// every paper's page, so it is resolved once. Keyed by the very strings, not their text: each href is one string
        /// (<see cref="InternSpan"/>, <see cref="PageLinksFile"/>) and each folder too (<see cref="_folders"/>), and
        /// hashing the text of two paths for each of half a million links was most of the check. A text met as two
        /// strings is only resolved twice. Only what it came to is kept, not the path: a million papers have five million
        /// distinct links, and their paths held as well were a gigabyte at the end of the build, when it holds the most.
        /// </summary>
        private readonly Dictionary<(string From, string Href), Target> _targets = new(SameStrings.Instance);

        /// <summary>Each folder above a page, as one string (<see cref="AncestorsOf"/>).</summary>
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _folders =
            new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

        private readonly List<string?> _ancestors = [];
        private readonly List<BrokenLink> _broken = [];

        public PageResult Resolve(string page, PageLinks pageLinks)
        {
            _broken.Clear();
            var count = 0;
            var reachesOther = false;
            AncestorsOf(page, _ancestors, _folders);
            foreach (var href in pageLinks.Links)
            {
                var climbs = LeadingClimbs(href);
                var from = href.StartsWith('/') ? "/" : climbs < _ancestors.Count ? _ancestors[climbs] : null;
                if (from is null || !_targets.TryGetValue((from, href), out var target))
                {
                    var path = LinkResolver.Resolve(page, href, linkRoot, out var outside);
                    target = new Target(path is not null, path is null ? LinkTarget.None : Holds(path, outside));
                    if (from is not null)
                    {
                        _targets[(from, href)] = target;
                    }
                }
                if (!target.IsLink)
                {
                    continue;
                }
                count++;
                reachesOther |= target.There == LinkTarget.Other;
                if (target.There == LinkTarget.None)
                {
                    // Rare: resolved again for its path rather than every link's path kept.
                    var resolved = LinkResolver.Resolve(page, href, linkRoot, out var outside)!;
                    _broken.Add(new BrokenLink(page, href, resolved, outside, 1));
                }
            }
            return new PageResult(count, [.. _broken], reachesOther);
        }

        /// <summary>
        /// What a page's links came to in the last check, now that files may have come: its broken links looked up again.
        /// One that now leads to a file put there by hand makes the page one to resolve again next time (that file may go).
        /// </summary>
        public PageResult StillBroken(PageResult last)
        {
            if (last.Broken.Length == 0)
            {
                return last;
            }
            var still = last.Broken.Where(b => Holds(b.Target, b.Outside) == LinkTarget.None).ToArray();
            return still.Length == last.Broken.Length ? last
                : new PageResult(last.Links, still, last.ReachesOther || last.Broken.Any(b => Holds(b.Target, b.Outside) == LinkTarget.Other));
        }

        // A folder link without its slash (papers/x) is served as papers/x/index.html by hosts.
        private LinkTarget Holds(string path, bool outside) =>
            outside ? LinkTarget.None
            : holds(path) is not LinkTarget.None and var file ? file
            : holds(path + "/" + Site.Urls.Index);

        /// <summary>What a link came to: whether it needs a file of the site, and what the site holds there.</summary>
        private readonly record struct Target(bool IsLink, LinkTarget There);
    }

    /// <summary>Two pairs of strings are the same when they are the very same strings.</summary>
    private sealed class SameStrings : IEqualityComparer<(string, string)>
    {
        public static readonly SameStrings Instance = new();

        public bool Equals((string, string) x, (string, string) y) => ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((string, string) pair) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(pair.Item1), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(pair.Item2));
    }

    /// <summary>
    /// The folders of a page, from its own up to the root: <c>papers/x/</c>, <c>papers/</c>, <c>""</c>, each as the one
    /// string <paramref name="folders"/> holds for it, but the page's own folder (not the root) as null: it is the page's
    /// alone, so what its links lead to from there is not kept. A string and a table entry for each page's folder, with
    /// those of its links that count from there, were 44 MB of the check's 194 MB at 100,000 papers, made at the end of
    /// the build, when it holds the most, and never used again.
    /// </summary>
    private static void AncestorsOf(string page, List<string?> ancestors, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> folders)
    {
        ancestors.Clear();
        var end = page.LastIndexOf('/');
        if (end >= 0)
        {
            ancestors.Add(null);
            end = end == 0 ? -1 : page.LastIndexOf('/', end - 1);
        }
        while (end >= 0)
        {
            var folder = page.AsSpan(0, end + 1);
            if (!folders.TryGetValue(folder, out var known))
            {
                known = folder.ToString();
                folders[known] = known;
            }
            ancestors.Add(known);
            end = end == 0 ? -1 : page.LastIndexOf('/', end - 1);
        }
        ancestors.Add("");
    }

    /// <summary>How many "../" a link starts with.</summary>
    private static int LeadingClimbs(string href)
    {
        var climbs = 0;
        while (href.AsSpan(climbs * 3).StartsWith("../", StringComparison.Ordinal))
        {
            climbs++;
        }
        return climbs;
    }

    /// <summary>This build's links of each page, to save for the next build.</summary>
    /// <remarks>The table is this check's own (no copy: at 10,000 papers a copy cost 10 ms an edit); it is done once the build is.</remarks>
    public PageLinkTable ToTable() => new(_pages, _results, _files);

    [ThreadStatic]
    private static List<string>? _found;

    [ThreadStatic]
    private static HashSet<string>? _distinct;

    /// <summary>The distinct references of a page, in the order they first appear.</summary>
    private string[] Read(ReadOnlySpan<char> html)
    {
        var found = _found ??= [];
        var distinct = _distinct ??= new(ReferenceEqualityComparer.Instance);
        found.Clear();
        distinct.Clear();
        HtmlReferenceScanner.Scan(html, found, _internSpan);
        // Interned: the same text is the same string, so reference equality is text equality. Kept in place, in order;
        // a reference that needs no file is none of the check's (InternSpan made it empty).
        var kept = 0;
        for (var i = 0; i < found.Count; i++)
        {
            if (found[i].Length > 0 && distinct.Add(found[i]))
            {
                found[kept++] = found[i];
            }
        }
        return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(found)[..kept].ToArray();
    }

    /// <summary>
    /// The one string of a reference's text; empty for a reference that needs no file (<see cref="LinkResolver.NeedsNoFile"/>),
    /// which is not kept: held, each page's own address and its paper's outside links were 45 MB of the 700 MB a cold
    /// build of 100,000 papers held, each on one page only.
    /// </summary>
    private string InternSpan(ReadOnlySpan<char> text) =>
        LinkResolver.NeedsNoFile(text) ? ""
        : _lookup.TryGetValue(text, out var known) ? known : _strings.GetOrAdd(text.ToString(), static s => s);

}

/// <summary>A page's distinct link references, and the fingerprint of the inputs it was rendered from.</summary>
internal sealed class PageLinks
{
    private readonly StoredHrefs? _hrefs;
    private readonly (int Start, int Length, int Count) _numbers;
    private string[]? _links;

    /// <summary>The links of a page just read.</summary>
    public PageLinks(ulong inputs, string[] links) => (Inputs, _links) = (inputs, links);

    /// <summary>
    /// Links read from the page links file, as their numbers in its list of hrefs, left as the file's bytes
    /// (<paramref name="length"/> bytes from <paramref name="start"/>, <paramref name="count"/> numbers): made numbers, or
    /// strings, only if asked for. A build's kept pages are checked by what their links came to, and written to the next
    /// file as these bytes; an array of numbers for each of 112,000 pages was 20 MB of a day at 100,000 papers.
    /// </summary>
    public PageLinks(ulong inputs, StoredHrefs hrefs, int start, int length, int count) =>
        (Inputs, _hrefs, _numbers) = (inputs, hrefs, (start, length, count));

    public ulong Inputs { get; }

    public int Count => _links?.Length ?? _numbers.Count;

    /// <summary>True for links read as numbers in <paramref name="hrefs"/>, the list of that very file.</summary>
    public bool NumberedIn(StoredHrefs hrefs) => _hrefs is not null && ReferenceEquals(_hrefs, hrefs);

    /// <summary>For links read from the page links file: their numbers as the file holds them (<see cref="System.IO.BinaryWriter.Write7BitEncodedInt"/>).</summary>
    public ReadOnlySpan<byte> EncodedNumbers => _hrefs!.Bytes(_numbers.Start, _numbers.Length);

    /// <summary>For links read from the page links file: their numbers in its list of hrefs, made anew at each call.</summary>
    public int[] Numbers()
    {
        var encoded = EncodedNumbers;
        var (numbers, at) = (new int[_numbers.Count], 0);
        for (var i = 0; i < numbers.Length; i++)
        {
            numbers[i] = Text.VarInts.Read(encoded, ref at);
        }
        return numbers;
    }

    /// <summary>The links, in the order they first appear on the page (two threads that ask at once make equal arrays).</summary>
    public string[] Links => _links ??= Array.ConvertAll(Numbers(), number => _hrefs![number]);
}

/// <summary>
/// What one page's links came to: how many need a file of the site, those that lead to none, and whether one led to a
/// file SiteGen did not make.
/// </summary>
internal sealed record PageResult(int Links, BrokenLink[] Broken, bool ReachesOther);

/// <summary>What the site will hold at a path: a file this build made, another file (put there by hand), or nothing.</summary>
internal enum LinkTarget { None, Made, Other }

/// <summary>
/// The files a build made and the last build made, each set as a fingerprint of its paths, and whether this build made
/// every file the last one did.
/// </summary>
internal readonly record struct FileSets(ulong Made, ulong LastMade, bool MadeAllTheLastMade);

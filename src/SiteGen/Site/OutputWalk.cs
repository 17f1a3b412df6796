namespace SiteGen.Site;

/// <summary>
/// The output folder as the manifest of the last build names it, for the up-to-date stamp and for a build that keeps
/// what the last one wrote (<see cref="OutputFolder"/>): each file of the manifest by its path, length and time
/// (<see cref="Files"/>), and each folder on the way to one, the output folder first, by its path and time
/// (<see cref="Folders"/>), which changes whenever an entry is added to the folder, removed or renamed: a file put
/// there by hand, or one of SiteGen's deleted or replaced by a link.
/// <para>
/// One status asked per file and per folder, by its path from the output folder (on Linux a <c>statx</c> from the
/// folder's descriptor, <see cref="LinuxFolderWalk.StatusAt"/>), where reading every folder as well (open it, read its
/// entries until none are left, close it) took three times the system calls: at 10,000 papers 21,000 files in 11,000
/// folders, 60 ms on one core against 157 ms, and a build whose inputs changed needs only the files. A link is neither
/// counted nor followed where it stands in place of a file or folder of the manifest; the status of a file follows a
/// link on its way, which the folders' own statuses tell (<see cref="WalkedFolders.RealWay"/>).
/// </para>
/// <para>
/// The work goes in runs to this thread and, once the walk is asked to hurry (<see cref="Hurry"/>), to threads of its
/// own beside it, one per core: when no input changed, the walk is all a build does; before that, a build that has work
/// to do runs it on every core. The sums do not depend on the order.
/// </para>
/// </summary>
internal static class OutputWalk
{
    /// <summary>Asked of a walk by the one that waits for it with nothing else to do, from another thread.</summary>
    internal sealed class Hurry
    {
        private volatile bool _asked;

        public bool Asked => _asked;

        public void Ask() => _asked = true;
    }

    /// <summary>
    /// Every file of <paramref name="destinations"/> (relative paths with forward slashes) that is there in
    /// <paramref name="output"/>, not a folder or a link: its length and time, summed as <see cref="UpToDateStamp.HashOf(string, long, long)"/>
    /// counts them, and each kept by its key (<see cref="UpToDateStamp.KeyOf(string)"/>).
    /// </summary>
    /// <exception cref="IOException">A file's status could not be read (but for one that is not there).</exception>
    public static WalkedFiles Files(string output, IReadOnlyList<string> destinations, Hurry? hurry = null)
    {
        using var root = Status.Of(output);
        // This thread's part, which the helpers' are added to, made the size of the whole at once: grown by doubling, its
        // tables were 20 MB of a day at 100,000 papers.
        var parts = Spread(destinations.Count, hurry, mine => new WalkedFiles(mine ? destinations.Count : 0), (part, i) =>
        {
            var destination = destinations[i];
            if (!IsPlain(destination))
            {
                return;
            }
            if (root.Of(destination, out var length, out var ticks) == EntryKind.File)
            {
                var key = UpToDateStamp.KeyOf(destination);
                var hash = UpToDateStamp.HashOf(key, length, ticks);
                part.Entries[key] = new WalkedFile(length, hash);
                part.Sum = part.Sum.Plus(new FileSum(hash, 1));
            }
        });
        var whole = parts[0];
        foreach (var part in parts.Skip(1))
        {
            whole.Sum = whole.Sum.Plus(part.Sum);
            foreach (var (key, file) in part.Entries)
            {
                whole.Entries[key] = file;
            }
        }
        return whole;
    }

    /// <summary>
    /// The output folder (if <paramref name="withTop"/>) and every folder on the way to one of <paramref name="destinations"/>
    /// that is a folder there (not a link): its time, summed as <see cref="HashOfFolder"/> counts it; and which of them are
    /// not reached by real folders all the way (<see cref="WalkedFolders.RealWay"/>).
    /// </summary>
    /// <exception cref="IOException">A folder's status could not be read (but for one that is not there).</exception>
    public static WalkedFolders Folders(string output, IEnumerable<string> destinations, Hurry? hurry = null, bool withTop = true)
    {
        // Each folder once, by its key, after the folder it is in.
        var folders = new List<(string Path, ulong Key, int Parent)>();
        var indexes = new Dictionary<ulong, int>();
        foreach (var destination in destinations)
        {
            if (!IsPlain(destination))
            {
                continue;
            }
            var parent = -1;
            for (var slash = destination.IndexOf('/'); slash > 0; slash = destination.IndexOf('/', slash + 1))
            {
                var key = UpToDateStamp.KeyOf(destination.AsSpan(0, slash));
                if (!indexes.TryGetValue(key, out var index))
                {
                    indexes[key] = index = folders.Count;
                    folders.Add((destination[..slash], key, parent));
                }
                parent = index;
            }
        }
        var isFolder = new bool[folders.Count];
        using var root = Status.Of(output);
        var parts = Spread(folders.Count, hurry, _ => new WalkedFolders(), (part, i) =>
        {
            var (path, key, _) = folders[i];
            if (isFolder[i] = root.Of(path, out _, out var ticks) == EntryKind.Directory)
            {
                part.Sum = part.Sum.Plus(new FileSum(HashOfFolder(key, ticks), 1));
            }
        });
        var whole = parts[0];
        foreach (var part in parts.Skip(1))
        {
            whole.Sum = whole.Sum.Plus(part.Sum);
        }
        if (withTop && root.Top() is { } top)
        {
            whole.Sum = whole.Sum.Plus(new FileSum(top, 1));
        }
        // A folder's way is real when it is a folder and the way to the folder it is in is real.
        var real = new bool[folders.Count];
        for (var i = 0; i < folders.Count; i++)
        {
            real[i] = isFolder[i] && (folders[i].Parent < 0 || real[folders[i].Parent]);
            if (!real[i])
            {
                whole.NotReal.Add(folders[i].Key);
            }
        }
        return whole;
    }

    /// <summary>
    /// False for a destination that is not a plain path inside the output folder (rooted, or with a <c>..</c>): the manifest
    /// is SiteGen's own, but a cache is a file like any other, and nothing outside the output folder is asked about.
    /// </summary>
    private static bool IsPlain(string destination) =>
        destination.Length > 0 && destination[0] != '/' && !Path.IsPathRooted(destination)
        && (!destination.Contains("..", StringComparison.Ordinal) || !destination.Split('/').Contains(".."));

    /// <summary>
    /// What <see cref="Folders"/> counts for each of <paramref name="folders"/> now ("" for the output folder itself); null
    /// for one that is not a folder there.
    /// </summary>
    public static ulong?[] FoldersNow(string output, IReadOnlyList<string> folders)
    {
        using var root = Status.Of(output);
        var hashes = new ulong?[folders.Count];
        for (var i = 0; i < folders.Count; i++)
        {
            hashes[i] = folders[i].Length == 0 ? root.Top()
                : root.Of(folders[i], out _, out var ticks) == EntryKind.Directory ? HashOfFolder(UpToDateStamp.KeyOf(folders[i]), ticks) : null;
        }
        return hashes;
    }

    /// <summary>What <see cref="Folders"/> counts for the output folder itself (followed if it is a link); null when it is not there.</summary>
    public static ulong? TopOf(string output)
    {
        using var root = Status.Of(output);
        return root.Top();
    }

    /// <summary>What <see cref="Folders"/> counts for a folder by its key: a length no file has tells it from a file's.</summary>
    private static ulong HashOfFolder(ulong key, long ticks) => UpToDateStamp.HashOf(key, -1, ticks);

    /// <summary>A run of this many items is taken at once by one thread.</summary>
    private const int Run = 256;

    /// <summary>
    /// Calls <paramref name="each"/> for 0 to <paramref name="count"/> - 1 in runs, on this thread and, once
    /// <paramref name="hurry"/> is asked, on up to three more of its own, each with a part of its own (from
    /// <paramref name="newPart"/>, told whether the part is this thread's); returns the parts, this thread's first.
    /// </summary>
    private static List<TPart> Spread<TPart>(int count, Hurry? hurry, Func<bool, TPart> newPart, Action<TPart, int> each)
    {
        var runs = (count + Run - 1) / Run;
        var taken = -1;
        var helpers = new List<(Thread Thread, TPart Part, Exception?[] Failed)>();
        void TakeRuns(TPart part, bool first)
        {
            for (var run = Interlocked.Increment(ref taken); run < runs; run = Interlocked.Increment(ref taken))
            {
                for (var i = run * Run; i < Math.Min(count, (run + 1) * Run); i++)
                {
                    each(part, i);
                }
                if (first && helpers.Count == 0 && hurry is { Asked: true } && run + 1 < runs)
                {
                    for (var h = 1; h < Math.Min(Environment.ProcessorCount, 4); h++)
                    {
                        var (helperPart, failed) = (newPart(false), new Exception?[1]);
                        var thread = new Thread(() =>
                        {
                            try
                            {
                                TakeRuns(helperPart, first: false);
                            }
                            catch (Exception exception)
                            {
                                failed[0] = exception;
                            }
                        }) { IsBackground = true, Name = "output walk" };
                        thread.Start();
                        helpers.Add((thread, helperPart, failed));
                    }
                }
            }
        }
        var parts = new List<TPart> { newPart(true) };
        try
        {
            TakeRuns(parts[0], first: true);
        }
        finally
        {
            Interlocked.Exchange(ref taken, runs); // no more runs for anyone
            foreach (var (thread, _, _) in helpers)
            {
                thread.Join();
            }
        }
        foreach (var (_, part, failed) in helpers)
        {
            if (failed[0] is { } exception)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception);
            }
            parts.Add(part);
        }
        return parts;
    }

    /// <summary>The status of paths under one folder: through libc on Linux, else by the runtime.</summary>
    private sealed class Status : IDisposable
    {
        private readonly string _folder;
        private readonly int _descriptor;

        private Status(string folder)
        {
            _folder = folder;
            _descriptor = LinuxFolderWalk.OpenForStatus(folder);
        }

        public static Status Of(string folder) => new(folder);

        /// <summary>What is at <paramref name="relative"/> (forward slashes), a link not followed; a file's length and the time of either.</summary>
        public EntryKind Of(string relative, out long length, out long ticks)
        {
            if (_descriptor >= 0 && LinuxFolderWalk.StatusAt(_descriptor, relative, out length, out ticks) is { } kind)
            {
                return kind;
            }
            var entry = new FileInfo(Path.Combine(_folder, relative));
            var found = Entries.KindOf(entry);
            ticks = found is EntryKind.File or EntryKind.Directory ? entry.LastWriteTimeUtc.Ticks : 0;
            length = found is EntryKind.File ? entry.Length : 0;
            return found;
        }

        /// <summary>What <see cref="Folders"/> counts for the folder itself (followed if it is a link); null when it is not there.</summary>
        public ulong? Top()
        {
            long ticks;
            if (_descriptor >= 0 && LinuxFolderWalk.StatusAt(_descriptor, "", out _, out ticks) is EntryKind.Directory)
            {
                return HashOfFolder(UpToDateStamp.KeyOf(""), ticks);
            }
            var folder = new DirectoryInfo(_folder);
            if (!folder.Exists)
            {
                return null;
            }
            ticks = (folder.ResolveLinkTarget(returnFinalTarget: true) ?? folder).LastWriteTimeUtc.Ticks;
            return HashOfFolder(UpToDateStamp.KeyOf(""), ticks);
        }

        public void Dispose() => LinuxFolderWalk.CloseForStatus(_descriptor);
    }
}

/// <summary>A file of the manifest as <see cref="OutputWalk.Files"/> found it: its length, and what it adds to the sum.</summary>
internal readonly record struct WalkedFile(long Length, ulong Hash);

/// <summary>The files of the manifest that are there, summed (<see cref="OutputWalk.Files"/>), and each by its key.</summary>
internal sealed class WalkedFiles(int capacity = 0)
{
    public FileSum Sum { get; set; }

    public Dictionary<ulong, WalkedFile> Entries { get; } = new(capacity);

    /// <summary>The folders, walked too when the files were not as the last build left them (<see cref="OutputFolder"/>).</summary>
    public WalkedFolders? Ways { get; set; }
}

/// <summary>The folders on the way to the manifest's files that are there, summed (<see cref="OutputWalk.Folders"/>).</summary>
internal sealed class WalkedFolders
{
    public FileSum Sum { get; set; }

    /// <summary>The keys of the folders that are not there as folders, or are reached through a link or a file.</summary>
    public HashSet<ulong> NotReal { get; } = [];

    /// <summary>True when every folder from the output folder to the one <paramref name="destination"/> is in is a real folder.</summary>
    public bool RealWay(string destination)
    {
        var slash = destination.LastIndexOf('/');
        return slash < 0 || !NotReal.Contains(UpToDateStamp.KeyOf(destination.AsSpan(0, slash)));
    }
}

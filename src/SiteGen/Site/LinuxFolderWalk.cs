using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace SiteGen.Site;

/// <summary>
/// <see cref="UpToDateStamp.FilesOf"/>'s walk of a folder on Linux, through libc (and, with the same calls, the entries of
/// one source folder for <see cref="SourceTree"/>: <see cref="TryEntries"/>): every build walks its whole output
/// folder (beside its first steps), and at 100,000 papers that is 212,000 files in 112,000 folders, a core's work for
/// most of a daily update's Process phase. The runtime's enumerator opens each folder with <c>opendir</c> (which adds an
/// <c>fstat</c>) and asks each file's length and time by its full path, which the kernel looks up name by name. Here
/// each folder is opened from its parent's descriptor and read with <c>getdents64</c>, and each file is asked of with
/// <c>statx</c> from its folder's: the same sum, a third fewer system calls and one name looked up for each. Counted
/// exactly as the runtime's walk counts (a test holds the two to the same sum): symbolic links neither counted nor
/// followed, anything else that is not a folder counted as a file.
/// <para>
/// A folder's files and subfolders are taken once all its entries are read, and those of a folder with many (the paper
/// pages' folder has a subfolder and a Markdown page per paper) by threads of the walk's own beside it, one per core,
/// once the walk is asked to hurry (<see cref="Hurry"/>): when no input changed, the walk is all a build does (at
/// 100,000 papers, 2.1 s on one core of two, 1.4 s on both), and a sum does not depend on the order files are counted in. Not before: a build that has work
/// to do runs it on every core, and a walk on both beside it slowed a daily update by 0.4-1.0 s.
/// </para>
/// </summary>
internal static class LinuxFolderWalk
{
    /// <summary>False once a call found this system without what the walk needs (an old libc): the runtime's walk then.</summary>
    private static bool s_available = true;

    /// <summary>
    /// The sum of <paramref name="folder"/>'s files as <see cref="UpToDateStamp.FilesOf"/> counts them, leaving out
    /// <paramref name="skip"/> at its top; null where this walk does not run (not Linux, another processor, an old libc, a
    /// system that refuses <c>statx</c>).
    /// </summary>
    /// <exception cref="IOException">A folder or file could not be read (but for one that went away during the walk).</exception>
    /// <param name="hurry">Asked when the walk is all that is left to wait for: it then takes every core.</param>
    /// <param name="lengths">True to keep each file's length too (<see cref="FileSum.Lengths"/>).</param>
    public static FileSum? TrySum(string folder, string? skip, Hurry? hurry = null, bool lengths = false)
    {
        if (!s_available || !OperatingSystem.IsLinux() || FlagsOf(RuntimeInformation.ProcessArchitecture) is not { } flags)
        {
            return null;
        }
        try
        {
            var walk = new Walk(flags, skip is null ? null : Encoding.UTF8.GetBytes(skip), hurry, [], lengths ? [] : null);
            var root = Encoding.UTF8.GetBytes(folder + '\0'); // NUL-terminated, as the kernel takes a name
            walk.Folder(AtCurrentFolder, ref root[0], depth: 0, pathLength: 0);
            return new FileSum(walk.Sum, walk.Count) { Lengths = walk.Lengths };
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException or NotAvailableException)
        {
            s_available = false;
            return null;
        }
    }

    /// <summary>
    /// The entries of the folder <paramref name="folder"/> (a link to one is followed) for <see cref="SourceTree"/>, with
    /// what it asks of each: every file's length and time, from a <c>statx</c> by the folder's descriptor; folders and
    /// links as the directory says they are, without a stat (a link is followed by its reader). The runtime's enumerator
    /// asks each entry's attributes, which costs an <c>lstat</c> by full path and a <c>geteuid</c> each (for a read-only
    /// flag no one reads): two thirds of the system calls of the input walk every build begins with. Null where this walk
    /// does not run, as for <see cref="TrySum"/>.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder, or the status of one of its files, may not be read.</exception>
    /// <exception cref="IOException">The folder could not be read.</exception>
    public static SourceTree.Entry[]? TryEntries(string folder)
    {
        if (!s_available || !OperatingSystem.IsLinux() || FlagsOf(RuntimeInformation.ProcessArchitecture) is not { } flags)
        {
            return null;
        }
        var folderName = Encoding.UTF8.GetBytes(folder + '\0');
        var fd = OpenAt(AtCurrentFolder, ref folderName[0], ReadOnly | CloseOnExec | flags.Folder);
        if (fd < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            throw error switch
            {
                NoEntry or NotAFolder => new DirectoryNotFoundException($"Could not find a part of the path '{folder}'."),
                AccessDenied => new UnauthorizedAccessException($"Access to the path '{folder}' is denied."),
                _ => new IOException($"cannot read the folder '{folder}' (errno {error})"),
            };
        }
        try
        {
            var found = new List<SourceTree.Entry>();
            var buffer = new byte[32 * 1024];
            var status = new byte[StatxSize];
            int read;
            while ((read = (int)GetDents64(fd, buffer, (nuint)buffer.Length)) > 0)
            {
                for (var offset = 0; offset < read;)
                {
                    var (type, nameStart, nameLength) = DirectoryEntry(buffer, ref offset);
                    var name = buffer.AsSpan(nameStart, nameLength);
                    if (name is [(byte)'.'] or [(byte)'.', (byte)'.'])
                    {
                        continue;
                    }
                    if (type is TypeFolder or TypeLink)
                    {
                        found.Add(new SourceTree.Entry(Encoding.UTF8.GetString(name), Link: type == TypeLink, Folder: type == TypeFolder, default, 0));
                        continue;
                    }
                    if (StatusOf(fd, ref buffer[nameStart], status) is var error and not 0)
                    {
                        if (error is NoEntry)
                        {
                            continue; // gone since the folder was read
                        }
                        var path = Path.Combine(folder, Encoding.UTF8.GetString(name));
                        throw error is AccessDenied ? new UnauthorizedAccessException($"Access to the path '{path}' is denied.")
                            : new IOException($"cannot read '{path}' (errno {error})");
                    }
                    var mode = ModeOf(status);
                    found.Add(new SourceTree.Entry(Encoding.UTF8.GetString(name), Link: mode == LinkMode, Folder: mode == FolderMode,
                        TimeOf(status), mode is LinkMode or FolderMode ? 0 : LengthOf(status)));
                }
            }
            if (read < 0)
            {
                throw new IOException($"cannot read the folder '{folder}' (errno {Marshal.GetLastPInvokeError()})");
            }
            return [.. found];
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException or NotAvailableException)
        {
            s_available = false;
            return null;
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>
    /// The entry of a <c>getdents64</c> buffer at <paramref name="offset"/> (a <c>struct linux_dirent64</c>: d_ino, 8 bytes;
    /// d_off, 8; d_reclen, 2; d_type, 1; then the NUL-terminated name), moving <paramref name="offset"/> past it.
    /// </summary>
    private static (byte Type, int NameStart, int NameLength) DirectoryEntry(byte[] buffer, ref int offset)
    {
        var length = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(offset + 16));
        var type = buffer[offset + 18];
        var nameStart = offset + 19;
        var nameLength = buffer.AsSpan(nameStart, length - 19).IndexOf((byte)0);
        offset += length;
        return (type, nameStart, nameLength);
    }

    /// <summary>
    /// Reads the status of <paramref name="name"/> (of the folder <paramref name="fd"/>, a link not followed) into
    /// <paramref name="status"/>, a <c>struct statx</c>: 0 when read, else the error (<see cref="NoEntry"/>: it went away).
    /// </summary>
    /// <exception cref="NotAvailableException">A kernel older than statx (Linux 4.11), or a container's filter that refuses it: the runtime's walk then.</exception>
    private static int StatusOf(int fd, ref byte name, byte[] status)
    {
        if (Statx(fd, ref name, NoFollowLink, TypeAndMode | SizeAndModified, status) == 0)
        {
            return 0;
        }
        var error = Marshal.GetLastPInvokeError();
        return error is NotImplemented or NotPermitted ? throw new NotAvailableException() : error;
    }

    /// <summary>The file type bits of a <c>struct statx</c>'s stx_mode (at 28).</summary>
    private static int ModeOf(byte[] status) => BinaryPrimitives.ReadUInt16LittleEndian(status.AsSpan(28)) & FileTypeMask;

    /// <summary>A <c>struct statx</c>'s stx_size (at 40).</summary>
    private static long LengthOf(byte[] status) => BinaryPrimitives.ReadInt64LittleEndian(status.AsSpan(40));

    /// <summary>A file's time from its <c>struct statx</c> (stx_mtime at 112: tv_sec, 8 bytes, then tv_nsec, 4), as the runtime reads it.</summary>
    private static DateTime TimeOf(byte[] status)
    {
        var seconds = BinaryPrimitives.ReadInt64LittleEndian(status.AsSpan(112));
        var nanoseconds = BinaryPrimitives.ReadUInt32LittleEndian(status.AsSpan(120));
        return DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(nanoseconds / 100).UtcDateTime;
    }

    /// <summary>A folder with at least this many files and subfolders has them taken by several threads, this many to a run.</summary>
    private const int SpreadFrom = 64;

    /// <summary>The threads that take a folder's many entries, the one that read it among them.</summary>
    private static int Walkers => Math.Min(Environment.ProcessorCount, 4);

    /// <summary>Asked of a walk by the one that waits for it with nothing else to do, from another thread.</summary>
    internal sealed class Hurry
    {
        private volatile bool _asked;

        public bool Asked => _asked;

        public void Ask() => _asked = true;
    }

    /// <summary><c>O_DIRECTORY</c> and <c>O_NOFOLLOW</c>, whose values differ between processors; null for one not known here.</summary>
    private static (int Folder, int NoFollow)? FlagsOf(Architecture architecture) => architecture switch
    {
        Architecture.X64 => (0x10000, 0x20000),
        Architecture.Arm64 => (0x4000, 0x8000),
        _ => null,
    };

    /// <param name="path">The path of the folder it starts in, from the root of the whole walk (see <see cref="_path"/>).</param>
    /// <param name="lengths">Where each file's length is kept, by its key (<see cref="FileSum.Lengths"/>); null to keep none.</param>
    private sealed class Walk((int Folder, int NoFollow) flags, byte[]? skip, Hurry? hurry, ReadOnlySpan<char> path, Dictionary<ulong, long>? lengths)
    {
        public Dictionary<ulong, long>? Lengths => lengths;

        /// <summary>One buffer of directory entries for each depth, since a folder is read while its parents' are held.</summary>
        private readonly List<byte[]> _entries = [];

        /// <summary>
        /// For each depth, the files and subfolders of the folder read there, taken once all its entries are read: each
        /// as its type (a byte) and its name, NUL-terminated, one after another, and where each name starts (for the paper
        /// pages' folder, 16 MB at 100,000 papers, for as long as the walk lasts). Files are taken in runs as subfolders are, so
        /// that a hurried walk spreads the paper pages' folder's 100,000 Markdown pages over its threads too.
        /// </summary>
        private readonly List<(byte[] Names, List<int> Starts)> _contents = [];

        /// <summary>The path of the folder being read from the walk's root, "" or "/papers/a", then "/" and a file's name.</summary>
        private char[] _path = Started(path);

        private static char[] Started(ReadOnlySpan<char> path)
        {
            var chars = new char[Math.Max(256, path.Length * 2)];
            path.CopyTo(chars);
            return chars;
        }

        private readonly byte[] _status = new byte[StatxSize];

        public ulong Sum { get; private set; }

        public ulong Count { get; private set; }

        /// <summary>Counts the files under the folder <paramref name="name"/> (of <paramref name="parent"/>), whose path is the first <paramref name="pathLength"/> characters of <see cref="_path"/>.</summary>
        public void Folder(int parent, ref byte name, int depth, int pathLength)
        {
            // The root is followed if it is a link, as the runtime's walk does; a folder under it never is.
            var fd = OpenAt(parent, ref name, ReadOnly | CloseOnExec | flags.Folder | (depth == 0 ? 0 : flags.NoFollow));
            if (fd < 0)
            {
                var error = Marshal.GetLastPInvokeError();
                if (depth > 0 && error is NoEntry)
                {
                    return; // gone since its parent was read
                }
                throw new IOException($"cannot read a folder of the output (errno {error})");
            }
            try
            {
                while (_entries.Count <= depth)
                {
                    _entries.Add(new byte[32 * 1024]);
                    _contents.Add((new byte[4 * 1024], []));
                }
                var entries = _entries[depth];
                var (names, starts) = _contents[depth];
                starts.Clear();
                var namesEnd = 0;
                while (true)
                {
                    var read = (int)GetDents64(fd, entries, (nuint)entries.Length);
                    if (read == 0)
                    {
                        break;
                    }
                    if (read < 0)
                    {
                        throw new IOException($"cannot read a folder of the output (errno {Marshal.GetLastPInvokeError()})");
                    }
                    for (var offset = 0; offset < read;)
                    {
                        var (type, nameStart, nameLength) = DirectoryEntry(entries, ref offset);
                        var nameBytes = entries.AsSpan(nameStart, nameLength);
                        if (nameBytes is [(byte)'.'] or [(byte)'.', (byte)'.'] || type == TypeLink
                            || (depth == 0 && skip is not null && nameBytes.SequenceEqual(skip)))
                        {
                            continue;
                        }
                        if (names.Length < namesEnd + nameBytes.Length + 2)
                        {
                            Array.Resize(ref names, Math.Max(names.Length * 2, namesEnd + nameBytes.Length + 2));
                            _contents[depth] = (names, starts);
                        }
                        names[namesEnd] = type;
                        starts.Add(namesEnd + 1);
                        nameBytes.CopyTo(names.AsSpan(namesEnd + 1));
                        names[namesEnd + 1 + nameBytes.Length] = 0;
                        namesEnd += nameBytes.Length + 2;
                    }
                }
                Contents(fd, names, starts, depth, pathLength);
            }
            finally
            {
                _ = Close(fd);
            }
        }

        /// <summary>
        /// Counts the files and walks the subfolders of the folder <paramref name="fd"/> (at <paramref name="depth"/>, whose
        /// path is the first <paramref name="pathLength"/> characters of <see cref="_path"/>): in turn, or when there are many, in runs taken
        /// by this thread and, once the walk is asked to hurry, by <see cref="Walkers"/> less one of the walk's own, each
        /// with buffers of its own; the folder stays open, and its names as they are, until every run is done.
        /// </summary>
        private void Contents(int fd, byte[] names, List<int> starts, int depth, int pathLength)
        {
            if (starts.Count < SpreadFrom || hurry is null || Walkers == 1)
            {
                foreach (var start in starts)
                {
                    Entry(fd, ref names[start], names[start - 1], depth, PathOf(pathLength, NameAt(names, start)));
                }
                return;
            }
            var runs = (starts.Count + SpreadFrom - 1) / SpreadFrom;
            var taken = -1;
            Helper[]? helpers = null;
            void TakeRuns(Walk walk, bool first)
            {
                for (var run = Interlocked.Increment(ref taken); run < runs; run = Interlocked.Increment(ref taken))
                {
                    for (var i = run * SpreadFrom; i < Math.Min(starts.Count, (run + 1) * SpreadFrom); i++)
                    {
                        walk.Entry(fd, ref names[starts[i]], names[starts[i] - 1], depth, walk.PathOf(pathLength, NameAt(names, starts[i])));
                    }
                    if (first && helpers is null && hurry.Asked)
                    {
                        var started = new Helper[Walkers - 1];
                        for (var h = 0; h < started.Length; h++)
                        {
                            started[h] = new Helper(new Walk(flags, skip: null, hurry, _path.AsSpan(0, pathLength), lengths is null ? null : []), TakeRuns);
                        }
                        helpers = started;
                    }
                }
            }
            try
            {
                TakeRuns(this, first: true);
            }
            finally
            {
                Interlocked.Exchange(ref taken, runs); // no more runs for anyone
                foreach (var helper in helpers ?? [])
                {
                    helper.Join();
                }
            }
            foreach (var helper in helpers ?? [])
            {
                if (helper.Failed is { } failed)
                {
                    // What a walk on one thread would have thrown: a folder that cannot be read, a system without statx.
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed);
                }
                Sum += helper.Walk.Sum;
                Count += helper.Walk.Count;
                foreach (var (key, length) in helper.Walk.Lengths ?? [])
                {
                    lengths![key] = length;
                }
            }
        }

        private static ReadOnlySpan<byte> NameAt(byte[] names, int start) => names.AsSpan(start, names.AsSpan(start).IndexOf((byte)0));

        /// <summary>Puts "/" and <paramref name="name"/> after the first <paramref name="pathLength"/> characters of <see cref="_path"/>; returns the new path's length.</summary>
        private int PathOf(int pathLength, ReadOnlySpan<byte> name)
        {
            var pathEnd = pathLength + 1 + Encoding.UTF8.GetCharCount(name);
            if (_path.Length < pathEnd)
            {
                Array.Resize(ref _path, pathEnd * 2);
            }
            _path[pathLength] = '/';
            Encoding.UTF8.GetChars(name, _path.AsSpan(pathLength + 1));
            return pathEnd;
        }

        /// <summary>Counts the entry <paramref name="name"/> of the folder <paramref name="fd"/>, of type <paramref name="type"/>, whose path is the first <paramref name="pathEnd"/> characters of <see cref="_path"/>.</summary>
        private void Entry(int fd, ref byte name, byte type, int depth, int pathEnd)
        {
            if (type == TypeUnknown)
            {
                // A file system that does not say: its status does, and a file's is then read already.
                if (!Status(fd, ref name))
                {
                    return;
                }
                type = ModeOf(_status) switch
                {
                    LinkMode => TypeLink,
                    FolderMode => TypeFolder,
                    _ => TypeFile,
                };
                if (type == TypeFile)
                {
                    Add(pathEnd);
                    return;
                }
            }
            if (type == TypeFolder)
            {
                Folder(fd, ref name, depth + 1, pathEnd);
            }
            else if (type != TypeLink && Status(fd, ref name))
            {
                Add(pathEnd);
            }
        }

        /// <summary>Reads the status of <paramref name="name"/> (of the folder <paramref name="fd"/>) into <see cref="_status"/>; false when it is gone.</summary>
        private bool Status(int fd, ref byte name) => StatusOf(fd, ref name, _status) switch
        {
            0 => true,
            NoEntry => false,
            var error => throw new IOException($"cannot read a file of the output (errno {error})"),
        };

        /// <summary>Counts the file whose path is the first <paramref name="pathLength"/> characters of <see cref="_path"/>, status in <see cref="_status"/>.</summary>
        private void Add(int pathLength)
        {
            var key = UpToDateStamp.KeyOf(_path.AsSpan(0, pathLength));
            Sum += UpToDateStamp.HashOf(key, LengthOf(_status), TimeOf(_status).Ticks);
            Count++;
            if (lengths is not null)
            {
                lengths[key] = LengthOf(_status);
            }
        }
    }

    /// <summary>A thread of a walk's own, taking runs of a folder's entries with a walk of its own, started at once.</summary>
    private sealed class Helper
    {
        private readonly Thread _thread;

        public Helper(Walk walk, Action<Walk, bool> takeRuns)
        {
            Walk = walk;
            _thread = new Thread(() =>
            {
                try
                {
                    takeRuns(walk, false);
                }
                catch (Exception exception)
                {
                    Failed = exception;
                }
            }) { IsBackground = true, Name = "output walk" };
            _thread.Start();
        }

        public Walk Walk { get; }

        /// <summary>What the thread threw, read once it is joined.</summary>
        public Exception? Failed { get; private set; }

        public void Join() => _thread.Join();
    }

    private const int AtCurrentFolder = -100;
    private const int ReadOnly = 0;
    private const int CloseOnExec = 0x80000;
    private const int NoFollowLink = 0x100;
    private const uint SizeAndModified = 0x200 | 0x40;
    private const uint TypeAndMode = 0x1 | 0x2;
    private const int StatxSize = 256;
    private const int NoEntry = 2;
    private const int NotPermitted = 1;
    private const int NotImplemented = 38;
    private const int AccessDenied = 13;
    private const int NotAFolder = 20;
    private const byte TypeUnknown = 0;
    private const byte TypeFolder = 4;
    private const byte TypeFile = 8;
    private const byte TypeLink = 10;
    private const int FileTypeMask = 0xF000;
    private const int FolderMode = 0x4000;
    private const int LinkMode = 0xA000;

    /// <summary>This system refuses a call the walk needs.</summary>
    private sealed class NotAvailableException : Exception;

    // DllImport rather than LibraryImport, which would need unsafe code for the project: the arguments are blittable, a
    // name passed as a reference to its first byte (NUL-terminated, as the kernel wrote it or TrySum made it).
    [DllImport("libc", EntryPoint = "openat", SetLastError = true)]
    private static extern int OpenAt(int folder, ref byte name, int flags);

    [DllImport("libc", EntryPoint = "getdents64", SetLastError = true)]
    private static extern nint GetDents64(int fd, byte[] buffer, nuint length);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int folder, ref byte name, int flags, uint mask, byte[] status);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}

using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace SiteGen.Site;

/// <summary>
/// <see cref="UpToDateStamp.FilesOf"/>'s walk of a folder on Linux, through libc: every build walks its whole output
/// folder (beside its first steps), and at 100,000 papers that is 212,000 files in 112,000 folders, a core's work for
/// most of a daily update's Process phase. The runtime's enumerator opens each folder with <c>opendir</c> (which adds an
/// <c>fstat</c>) and asks each file's length and time by its full path, which the kernel looks up name by name. Here
/// each folder is opened from its parent's descriptor and read with <c>getdents64</c>, and each file is asked of with
/// <c>statx</c> from its folder's: the same sum, a third fewer system calls and one name looked up for each. Counted
/// exactly as the runtime's walk counts (a test holds the two to the same sum): symbolic links neither counted nor
/// followed, anything else that is not a folder counted as a file.
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
    public static FileSum? TrySum(string folder, string? skip)
    {
        if (!s_available || !OperatingSystem.IsLinux() || FlagsOf(RuntimeInformation.ProcessArchitecture) is not { } flags)
        {
            return null;
        }
        try
        {
            var walk = new Walk(flags, skip is null ? null : Encoding.UTF8.GetBytes(skip));
            var root = Encoding.UTF8.GetBytes(folder + '\0'); // NUL-terminated, as the kernel takes a name
            walk.Folder(AtCurrentFolder, ref root[0], depth: 0, pathLength: 0);
            return new FileSum(walk.Sum, walk.Count);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException or NotAvailableException)
        {
            s_available = false;
            return null;
        }
    }

    /// <summary><c>O_DIRECTORY</c> and <c>O_NOFOLLOW</c>, whose values differ between processors; null for one not known here.</summary>
    private static (int Folder, int NoFollow)? FlagsOf(Architecture architecture) => architecture switch
    {
        Architecture.X64 => (0x10000, 0x20000),
        Architecture.Arm64 => (0x4000, 0x8000),
        _ => null,
    };

    private sealed class Walk((int Folder, int NoFollow) flags, byte[]? skip)
    {
        /// <summary>One buffer of directory entries for each depth, since a folder is read while its parents' are held.</summary>
        private readonly List<byte[]> _entries = [];

        /// <summary>The path of the folder being read from the walk's root, "" or "/papers/a", then "/" and a file's name.</summary>
        private char[] _path = new char[256];

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
                if (_entries.Count == depth)
                {
                    _entries.Add(new byte[32 * 1024]);
                }
                var entries = _entries[depth];
                while (true)
                {
                    var read = (int)GetDents64(fd, entries, (nuint)entries.Length);
                    if (read == 0)
                    {
                        return;
                    }
                    if (read < 0)
                    {
                        throw new IOException($"cannot read a folder of the output (errno {Marshal.GetLastPInvokeError()})");
                    }
                    for (var offset = 0; offset < read;)
                    {
                        // struct linux_dirent64: d_ino (8 bytes), d_off (8), d_reclen (2), d_type (1), d_name (NUL-terminated).
                        var length = BinaryPrimitives.ReadUInt16LittleEndian(entries.AsSpan(offset + 16));
                        var type = entries[offset + 18];
                        var nameStart = offset + 19;
                        var nameBytes = entries.AsSpan(nameStart, entries.AsSpan(nameStart, length - 19).IndexOf((byte)0));
                        offset += length;
                        if (nameBytes is [(byte)'.'] or [(byte)'.', (byte)'.'] || type == TypeLink
                            || (depth == 0 && skip is not null && nameBytes.SequenceEqual(skip)))
                        {
                            continue;
                        }
                        var pathEnd = pathLength + 1 + Encoding.UTF8.GetCharCount(nameBytes);
                        if (_path.Length < pathEnd)
                        {
                            Array.Resize(ref _path, pathEnd * 2);
                        }
                        _path[pathLength] = '/';
                        Encoding.UTF8.GetChars(nameBytes, _path.AsSpan(pathLength + 1));
                        Entry(fd, ref entries[nameStart], type, depth, pathEnd);
                    }
                }
            }
            finally
            {
                _ = Close(fd);
            }
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
                type = (BinaryPrimitives.ReadUInt16LittleEndian(_status.AsSpan(28)) & FileTypeMask) switch
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
        private bool Status(int fd, ref byte name)
        {
            if (Statx(fd, ref name, NoFollowLink, SizeAndModified, _status) == 0)
            {
                return true;
            }
            var error = Marshal.GetLastPInvokeError();
            return error switch
            {
                NoEntry => false,
                // A kernel older than statx (Linux 4.11), or a container's filter that refuses it: the runtime's walk then.
                NotImplemented or NotPermitted => throw new NotAvailableException(),
                _ => throw new IOException($"cannot read a file of the output (errno {error})"),
            };
        }

        /// <summary>Counts the file whose path is the first <paramref name="pathLength"/> characters of <see cref="_path"/>, status in <see cref="_status"/>.</summary>
        private void Add(int pathLength)
        {
            // struct statx: stx_size at 40, stx_mtime at 112 (tv_sec, 8 bytes, then tv_nsec, 4), as the runtime reads them.
            var size = BinaryPrimitives.ReadInt64LittleEndian(_status.AsSpan(40));
            var seconds = BinaryPrimitives.ReadInt64LittleEndian(_status.AsSpan(112));
            var nanoseconds = BinaryPrimitives.ReadUInt32LittleEndian(_status.AsSpan(120));
            var ticks = DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(nanoseconds / 100).UtcTicks;
            Sum += UpToDateStamp.HashOf(_path.AsSpan(0, pathLength), size, ticks);
            Count++;
        }
    }

    private const int AtCurrentFolder = -100;
    private const int ReadOnly = 0;
    private const int CloseOnExec = 0x80000;
    private const int NoFollowLink = 0x100;
    private const uint SizeAndModified = 0x200 | 0x40;
    private const int StatxSize = 256;
    private const int NoEntry = 2;
    private const int NotPermitted = 1;
    private const int NotImplemented = 38;
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

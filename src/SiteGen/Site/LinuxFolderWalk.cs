using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace SiteGen.Site;

/// <summary>
/// Folders and files asked of through libc on Linux, where the runtime asks more of the system than SiteGen needs: the
/// entries of one source folder for <see cref="SourceTree"/> (<see cref="TryEntries"/>), and the status of a path under
/// the output folder for <see cref="OutputWalk"/> (<see cref="StatusAt"/>), by a <c>statx</c> from the folder's
/// descriptor, where the runtime looks every path up from the root of the file system and asks twice of a link.
/// </summary>
internal static class LinuxFolderWalk
{
    /// <summary>False once a call found this system without what the walk needs (an old libc): the runtime's walk then.</summary>
    private static bool s_available = true;

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
    /// A descriptor of <paramref name="folder"/> (a link to one is followed) to ask the status of paths under it with
    /// (<see cref="StatusAt"/>); -1 where that does not run (not Linux, another processor, an old libc) or the folder
    /// cannot be opened.
    /// </summary>
    public static int OpenForStatus(string folder)
    {
        if (!s_available || !OperatingSystem.IsLinux() || FlagsOf(RuntimeInformation.ProcessArchitecture) is not { } flags)
        {
            return -1;
        }
        try
        {
            var name = Encoding.UTF8.GetBytes(folder + '\0');
            return OpenAt(AtCurrentFolder, ref name[0], PathOnly | CloseOnExec | flags.Folder);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            s_available = false;
            return -1;
        }
    }

    /// <summary>Closes a descriptor of <see cref="OpenForStatus"/>.</summary>
    public static void CloseForStatus(int fd)
    {
        if (fd >= 0)
        {
            _ = Close(fd);
        }
    }

    /// <summary>
    /// What is at <paramref name="relative"/> (forward slashes; "" for the folder itself) under the folder
    /// <paramref name="fd"/> (<see cref="OpenForStatus"/>), a link not followed where it stands at the end of the path: a
    /// file's length, and the time of anything, as the runtime reads them. <see cref="EntryKind.Missing"/> when nothing
    /// is there (or a file is on the way); null when this system refuses <c>statx</c> (a kernel older than Linux 4.11, a
    /// container's filter): the runtime then.
    /// </summary>
    /// <exception cref="IOException">The status could not be read.</exception>
    public static EntryKind? StatusAt(int fd, string relative, out long length, out long ticks)
    {
        (length, ticks) = (0, 0);
        if (!s_available)
        {
            return null;
        }
        var buffers = t_statusBuffers ??= (new byte[256], new byte[StatxSize]);
        if (buffers.Name.Length < Encoding.UTF8.GetMaxByteCount(relative.Length) + 1)
        {
            buffers.Name = new byte[Encoding.UTF8.GetMaxByteCount(relative.Length) * 2 + 1];
            t_statusBuffers = buffers;
        }
        var (name, status) = buffers;
        name[Encoding.UTF8.GetBytes(relative, name)] = 0;
        if (Statx(fd, ref name[0], relative.Length == 0 ? EmptyPath : NoFollowLink, TypeAndMode | SizeAndModified, status) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (error is NotImplemented or NotPermitted)
            {
                s_available = false;
                return null;
            }
            return error is NoEntry or NotAFolder ? EntryKind.Missing
                : throw new IOException($"cannot read the status of '{relative}' in the output folder (errno {error})");
        }
        ticks = TimeOf(status).Ticks;
        switch (ModeOf(status))
        {
            case LinkMode:
                return EntryKind.Link;
            case FolderMode:
                return EntryKind.Directory;
            default:
                length = LengthOf(status);
                return EntryKind.File;
        }
    }

    /// <summary>A name and a status for <see cref="StatusAt"/>, one pair per thread.</summary>
    [ThreadStatic]
    private static (byte[] Name, byte[] Status)? t_statusBuffers;

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

    /// <summary><c>O_DIRECTORY</c> and <c>O_NOFOLLOW</c>, whose values differ between processors; null for one not known here.</summary>
    private static (int Folder, int NoFollow)? FlagsOf(Architecture architecture) => architecture switch
    {
        Architecture.X64 => (0x10000, 0x20000),
        Architecture.Arm64 => (0x4000, 0x8000),
        _ => null,
    };

    private const int AtCurrentFolder = -100;
    private const int ReadOnly = 0;
    private const int CloseOnExec = 0x80000;
    private const int PathOnly = 0x200000;
    private const int EmptyPath = 0x1000;
    private const int NoFollowLink = 0x100;
    private const uint SizeAndModified = 0x200 | 0x40;
    private const uint TypeAndMode = 0x1 | 0x2;
    private const int StatxSize = 256;
    private const int NoEntry = 2;
    private const int NotPermitted = 1;
    private const int NotImplemented = 38;
    private const int AccessDenied = 13;
    private const int NotAFolder = 20;
    private const byte TypeFolder = 4;
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

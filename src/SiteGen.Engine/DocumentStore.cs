using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace SiteGen.Engine;

/// <summary>How a <see cref="DocumentStore"/>'s file read when it was opened.</summary>
public enum StoreState
{
    /// <summary>Whole, made on the same basis.</summary>
    Whole,

    /// <summary>No file: a first build, or a cache that was cleared.</summary>
    Missing,

    /// <summary>Written by another program (its records may read differently): nothing in it is used.</summary>
    OtherBasis,

    /// <summary>Not a store, cut short, or a record that does not match its checksum: only records that check are used.</summary>
    Damaged,
}

/// <summary>
/// The <see cref="DocumentCache"/> on disk, for the next process: what per-document modules made, by a hash of the module
/// and of the input document (<see cref="DocumentCodec"/>), so a new process reuses the work of the last one for every
/// input that did not change. One file: a header with the basis its records were written on (the host's fingerprint of
/// the program: what decides how they read), then records <c>[length][key][checksum][outputs]</c>, the last one under a
/// key the one that counts. A record is checked when it is read, so a cut or edited file costs work, never a wrong page.
/// <para>
/// A build appends the records it made; when the records it did not use (papers removed, old versions of edited ones)
/// outweigh a quarter of those it did, or the file was not whole, it writes the file again with the used ones only, into
/// a new file that replaces it. The new records wait in a file beside it until then, so they cost no memory. Each save
/// then leaves the file's table of contents beside it (<see cref="IndexPath"/>), so that the next process opens the
/// store without reading it whole.
/// </para>
/// </summary>
public sealed class DocumentStore : IDisposable, IByteFile
{
    private const ulong Magic = 0x3120_7374_6E65_6D75; // "uments 1": the end of "sitegen documents 1"
    private const int FileHeader = 16;
    private const int RecordHeader = 28;

    private readonly string _path;
    private readonly ulong _basis;
    private readonly IStoreFiles _files;
    /// <summary>
    /// The file as it was opened, read through each thread's window on it (<see cref="ReadAt"/>), not mapped: a mapped
    /// file's pages count in the process's memory as they are read, and a build reads nearly every record (the whole
    /// store's size, 420 MB at 100,000 papers).
    /// </summary>
    private readonly SafeFileHandle? _file;
    private readonly HashKeyedTable<Record> _records = new();

    /// <summary>The file's length when it was opened: where an append puts this build's records.</summary>
    private readonly long _length;

    /// <summary>True when the records were known from the table of contents beside the file (<see cref="IndexPath"/>).</summary>
    internal bool OpenedFromIndex { get; private set; }

    /// <summary>The records this build added, in the order of the pending file until <see cref="Save"/> sorts them by key.</summary>
    private readonly List<Added> _added = [];

    /// <summary>
    /// A record this build added: its key, where it starts in the pending file, its size and checksum. The key is kept as
    /// its two halves: a <see cref="UInt128"/> would align the whole to 16 bytes, 48 where 40 do, and a million papers add
    /// four million records.
    /// </summary>
    private readonly record struct Added(ulong KeyUpper, ulong KeyLower, long At, int Size, ulong Checksum)
    {
        public Added(UInt128 key, long at, int size, ulong checksum) : this((ulong)(key >> 64), (ulong)key, at, size, checksum)
        {
        }

        public UInt128 Key => new(KeyUpper, KeyLower);
    }

    /// <summary>This store's number, by which a thread's window on a file knows whose it is (<see cref="ReadAt"/>).</summary>
    private readonly long _id = Interlocked.Increment(ref s_lastId);
    private static long s_lastId;
    private readonly Lock _pendingLock = new();
    private Stream? _pending;
    private long _pendingBytes;

    /// <summary>The bytes of records a later one under the same key replaced.</summary>
    private long _shadowed;

    private DocumentStore(string path, ulong basis, IStoreFiles files, StoreState state, SafeFileHandle? file, long length = FileHeader)
    {
        _length = length;
        _path = path;
        _basis = basis;
        _files = files;
        State = state;
        _file = file;
    }

    /// <summary>How the file read; <see cref="StoreState.Damaged"/> also when a record failed its checksum as it was read.</summary>
    public StoreState State { get; private set; }

    /// <summary>Opens the store at <paramref name="path"/>, whose records count only if it was written on <paramref name="basis"/> (the program).</summary>
    public static DocumentStore Open(string path, ulong basis, IStoreFiles files)
    {
        // The new records of a build that was stopped before it saved: never trusted, never appended.
        files.Delete(path + PendingSuffix);
        var length = File.Exists(path) ? new FileInfo(path).Length : -1;
        if (length < 0)
        {
            return new DocumentStore(path, basis, files, StoreState.Missing, null);
        }
        if (length < FileHeader)
        {
            return new DocumentStore(path, basis, files, StoreState.Damaged, null);
        }
        // Shared: the build appends to the file it reads (Save), and may replace it.
        var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var state = StateOfHeader(file, basis);
        var store = new DocumentStore(path, basis, files, state, file, length);
        if (state == StoreState.Whole && !store.ReadSavedIndex(length))
        {
            store.ReadIndex(length);
        }
        return store;
    }

    /// <summary>
    /// How the store at <paramref name="path"/> would open, by its header alone (its records are not read): whether a
    /// build will find its work there, before it opens it.
    /// </summary>
    public static StoreState StateOf(string path, ulong basis)
    {
        try
        {
            using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return StateOfHeader(file, basis);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return StoreState.Missing;
        }
    }

    private static StoreState StateOfHeader(SafeFileHandle file, ulong basis)
    {
        Span<byte> header = stackalloc byte[FileHeader];
        return RandomAccess.Read(file, header, 0) < FileHeader || BinaryPrimitives.ReadUInt64LittleEndian(header) != Magic ? StoreState.Damaged
            : BinaryPrimitives.ReadUInt64LittleEndian(header[8..]) != basis ? StoreState.OtherBasis
            : StoreState.Whole;
    }

    /// <summary>
    /// Walks the records' headers, reading the file a megabyte at a time; a record that would run past the end means the
    /// file was cut there.
    /// </summary>
    private void ReadIndex(long length)
    {
        var chunk = new byte[1 << 20];
        var (chunkStart, chunkLength) = (0L, 0);
        for (var offset = (long)FileHeader; offset < length;)
        {
            if (offset + RecordHeader > chunkStart + chunkLength)
            {
                (chunkStart, chunkLength) = (offset, RandomAccess.Read(_file!, chunk, offset));
            }
            var header = chunk.AsSpan((int)(offset - chunkStart), chunkLength - (int)(offset - chunkStart));
            var size = header.Length >= RecordHeader ? BinaryPrimitives.ReadInt32LittleEndian(header) : -1;
            if (size < 0 || offset + RecordHeader + size > length)
            {
                State = StoreState.Damaged;
                return;
            }
            Index(KeyOf(header), offset, size, BinaryPrimitives.ReadUInt64LittleEndian(header[20..]));
            offset += RecordHeader + size;
        }
    }

    /// <summary>Knows the record at <paramref name="offset"/> (<see cref="Put"/>).</summary>
    private void Index(UInt128 key, long offset, int size, ulong checksum) => _shadowed += Put(_records, key, new Record(offset, size, checksum));

    /// <summary>
    /// Puts <paramref name="record"/> under <paramref name="key"/>: a later record under a key replaces an earlier one (a
    /// value made again, one kept anew), and the earlier is unused. Returns the bytes it replaced.
    /// </summary>
    private static long Put(HashKeyedTable<Record> records, UInt128 key, Record record)
    {
        ref var put = ref records.GetOrAdd(key, out var existed);
        var replaced = existed ? RecordHeader + put.Size : 0L;
        put = record;
        return replaced;
    }

    private static UInt128 KeyOf(ReadOnlySpan<byte> header) =>
        new(BinaryPrimitives.ReadUInt64LittleEndian(header[12..]), BinaryPrimitives.ReadUInt64LittleEndian(header[4..]));

    private const string IndexSuffix = ".index";

    /// <summary>
    /// The store's table of contents, which <see cref="Save"/> leaves beside it: every record's key, place, size and
    /// checksum, for a file of exactly the length it names. Without it, opening the store walked every record's header,
    /// which reads the whole file (at 100,000 papers 420 MB, 0.7 s before a daily update could start).
    /// </summary>
    private string IndexPath => IndexPathOf(_path);

    /// <summary>Where the table of contents of the store at <paramref name="path"/> is kept.</summary>
    public static string IndexPathOf(string path) => path + IndexSuffix;

    private const ulong IndexMagic = 0x3178_6564_6E69_7374; // "tsindex1"
    private const int IndexHeader = 36;
    private const int IndexEntry = RecordHeader + sizeof(long); // a record's header and its place

    /// <summary>
    /// Knows the records from the table of contents, when there is one for this very file (its basis and length) that
    /// checks; false otherwise, and nothing is known.
    /// </summary>
    private bool ReadSavedIndex(long length)
    {
        try
        {
            // Streamed, as the store is: at a million papers it has four million records.
            using var index = new FileStream(IndexPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            var checksum = new XxHash3();
            Span<byte> header = stackalloc byte[IndexHeader];
            if (index.ReadAtLeast(header, IndexHeader, throwOnEndOfStream: false) != IndexHeader
                || BinaryPrimitives.ReadUInt64LittleEndian(header) != IndexMagic || BinaryPrimitives.ReadUInt64LittleEndian(header[8..]) != _basis
                || BinaryPrimitives.ReadInt64LittleEndian(header[16..]) != length
                || BinaryPrimitives.ReadInt32LittleEndian(header[32..]) is var count && (long)count * IndexEntry + IndexHeader + sizeof(ulong) != index.Length)
            {
                return false;
            }
            checksum.Append(header);
            _records.EnsureCapacity(count);
            var chunk = new byte[IndexEntry * 4096];
            for (var left = count; left > 0;)
            {
                var entries = chunk.AsSpan(0, IndexEntry * Math.Min(left, 4096));
                index.ReadExactly(entries);
                checksum.Append(entries);
                for (var entry = entries; !entry.IsEmpty; entry = entry[IndexEntry..])
                {
                    var (key, offset, size) = (KeyOf(entry), BinaryPrimitives.ReadInt64LittleEndian(entry[RecordHeader..]), BinaryPrimitives.ReadInt32LittleEndian(entry));
                    if (size < 0 || offset < FileHeader || offset + RecordHeader + size > length)
                    {
                        _records.Clear();
                        return false;
                    }
                    _records.GetOrAdd(key, out _) = new Record(offset, size, BinaryPrimitives.ReadUInt64LittleEndian(entry[20..]));
                }
                left -= entries.Length / IndexEntry;
            }
            Span<byte> stored = stackalloc byte[sizeof(ulong)];
            index.ReadExactly(stored);
            if (checksum.GetCurrentHashAsUInt64() != BinaryPrimitives.ReadUInt64LittleEndian(stored))
            {
                _records.Clear();
                return false;
            }
            _shadowed = BinaryPrimitives.ReadInt64LittleEndian(header[24..]);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _records.Clear();
            return false;
        }
        OpenedFromIndex = true;
        return true;
    }

    /// <summary>
    /// Writes the table of contents of the file as <see cref="Save"/> left it, <paramref name="count"/> records: those
    /// <paramref name="kept"/>, then the last under each key of those this build added (<see cref="SortAdded"/>), from
    /// <paramref name="addedAt"/> on; all it holds but <paramref name="shadowed"/> bytes.
    /// </summary>
    private void WriteIndex(IEnumerable<(UInt128 Key, Record Record)> kept, int count, long addedAt, long shadowed)
    {
        var length = addedAt + _pendingBytes;
        _files.WriteAtomically(IndexPath, stream =>
        {
            var checksum = new XxHash3();
            var chunk = new byte[IndexEntry * 4096];
            var used = IndexHeader;
            BinaryPrimitives.WriteUInt64LittleEndian(chunk, IndexMagic);
            BinaryPrimitives.WriteUInt64LittleEndian(chunk.AsSpan(8), _basis);
            BinaryPrimitives.WriteInt64LittleEndian(chunk.AsSpan(16), length);
            BinaryPrimitives.WriteInt64LittleEndian(chunk.AsSpan(24), shadowed);
            BinaryPrimitives.WriteInt32LittleEndian(chunk.AsSpan(32), count);
            foreach (var (key, record) in kept)
            {
                Entry(key, record.Offset, record.Size, record.Checksum);
            }
            var added = CollectionsMarshal.AsSpan(_added);
            for (var i = 0; i < added.Length; i++)
            {
                if (!IsReplaced(added, i))
                {
                    Entry(added[i].Key, addedAt + added[i].At - FileHeader, added[i].Size, added[i].Checksum);
                }
            }
            checksum.Append(chunk.AsSpan(0, used));
            stream.Write(chunk, 0, used);
            Span<byte> sum = stackalloc byte[sizeof(ulong)];
            BinaryPrimitives.WriteUInt64LittleEndian(sum, checksum.GetCurrentHashAsUInt64());
            stream.Write(sum);

            // An entry is a record's header (length, key, checksum) and its place.
            void Entry(UInt128 key, long offset, int size, ulong recordChecksum)
            {
                if (used + IndexEntry > chunk.Length)
                {
                    checksum.Append(chunk.AsSpan(0, used));
                    stream.Write(chunk, 0, used);
                    used = 0;
                }
                var entry = chunk.AsSpan(used, IndexEntry);
                WriteHeader(entry, key, size, recordChecksum);
                BinaryPrimitives.WriteInt64LittleEndian(entry[RecordHeader..], offset);
                used += IndexEntry;
            }
        });
    }

    /// <summary>
    /// The outputs stored under <paramref name="key"/>, if a record holds them and checks; it is then kept by the next save.
    /// They are read into an array rented from the shared pool, for the caller to give back once it has read them (a
    /// rebuild reads every record once, and an array of its own for each was a tenth of what a rebuild allocated).
    /// <paramref name="at"/> is where they start in the file, for a reader that lends stretches of them (<see cref="IStoredBytesReader"/>).
    /// </summary>
    internal ArraySegment<byte>? Read(UInt128 key, out long at)
    {
        at = 0;
        ref var record = ref _records.Find(key);
        if (Unsafe.IsNullRef(ref record))
        {
            return null;
        }
        // The record's own header is read again and must name the key: a table of contents that is not the file's (one
        // written over by hand) then costs work, never another record's outputs.
        Span<byte> header = stackalloc byte[RecordHeader];
        var payload = new ArraySegment<byte>(ArrayPool<byte>.Shared.Rent(record.Size), 0, record.Size);
        if (ReadAt(record.Offset, header) != RecordHeader || BinaryPrimitives.ReadInt32LittleEndian(header) != record.Size || KeyOf(header) != key
            || ReadAt(record.Offset + RecordHeader, payload) != payload.Count || XxHash3.HashToUInt64(payload) != record.Checksum)
        {
            ArrayPool<byte>.Shared.Return(payload.Array!);
            State = StoreState.Damaged;
            return null;
        }
        record.Used = true;
        at = record.Offset + RecordHeader;
        return payload;
    }

    /// <summary>
    /// Reads <paramref name="destination"/> from the file at <paramref name="offset"/> through this thread's window on
    /// it: a build reads records in about the order the last one wrote them (module by module, each thread a range of
    /// the documents), so a read of a whole window serves the records after it too. A <c>pread</c> for each record was
    /// a twentieth of a daily update's CPU at 100,000 papers. The file's bytes never change while it is open (a build
    /// appends to it, or replaces it, only once it is done reading), so a window stays true.
    /// </summary>
    private int ReadAt(long offset, Span<byte> destination)
    {
        if (destination.Length > ReadWindow.Size / 4)
        {
            return RandomAccess.Read(_file!, destination, offset);
        }
        var window = t_window ??= new ReadWindow();
        if (window.Store != _id || offset < window.Start || offset + destination.Length > window.Start + window.Length)
        {
            (window.Store, window.Start, window.Length) = (_id, offset, 0); // unread until the read is done
            window.Length = RandomAccess.Read(_file!, window.Bytes, offset);
        }
        var count = (int)Math.Min(destination.Length, window.Start + window.Length - offset);
        window.Bytes.AsSpan((int)(offset - window.Start), count).CopyTo(destination);
        return count;
    }

    /// <summary>A thread's last read of a store's file (<see cref="ReadAt"/>), by the store's number, never its object.</summary>
    private sealed class ReadWindow
    {
        public const int Size = 1 << 16;
        public readonly byte[] Bytes = new byte[Size];
        public long Store = -1;
        public long Start;
        public int Length;
    }

    [ThreadStatic]
    private static ReadWindow? t_window;

    /// <summary>
    /// Bytes of the file as it was opened, lent out by <see cref="IStoredBytesReader"/>: readable until the store is saved
    /// or disposed.
    /// </summary>
    void IByteFile.Read(long offset, Span<byte> destination) => ByteFiles.ReadExactly(_file!, offset, destination, _path);

    /// <summary>Keeps the record under <paramref name="key"/>, if there is one, as if it had been read: it is still wanted.</summary>
    internal void KeepRecord(UInt128 key)
    {
        ref var record = ref _records.Find(key);
        if (!Unsafe.IsNullRef(ref record))
        {
            record.Used = true;
        }
    }

    /// <summary>Values being made to be added (<see cref="AddInBackground"/>), waited for before the store is saved or closed.</summary>
    private readonly List<Task> _adding = [];

    /// <summary>Adds what <paramref name="make"/> makes under <paramref name="key"/>, made on another thread meanwhile.</summary>
    internal void AddInBackground(UInt128 key, Func<byte[]> make)
    {
        lock (_adding)
        {
            _adding.Add(Task.Run(() => Add(key, make())));
        }
    }

    /// <summary>
    /// Waits for the values being added; with <paramref name="rethrow"/>, the first failure is thrown once all have ended
    /// (else a value that failed is not kept: the failure is the build's, and reported where it stopped).
    /// </summary>
    private void EndAdding(bool rethrow)
    {
        Task[] adding;
        lock (_adding)
        {
            adding = [.. _adding];
            _adding.Clear();
        }
        try
        {
            Task.WaitAll(adding);
        }
        catch (AggregateException failed) when (rethrow)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed.InnerExceptions[0]);
        }
        catch (AggregateException)
        {
            // Not kept (see above).
        }
    }

    /// <summary>Adds what a module made for the input <paramref name="key"/> stands for (written to the pending file at once).</summary>
    internal void Add(UInt128 key, ReadOnlySpan<byte> payload)
    {
        Span<byte> header = stackalloc byte[RecordHeader];
        WriteHeader(header, key, payload);
        lock (_pendingLock)
        {
            _pending ??= CreatePending();
            _pending.Write(header);
            _pending.Write(payload);
            _added.Add(new Added(key, FileHeader + _pendingBytes, payload.Length, BinaryPrimitives.ReadUInt64LittleEndian(header[20..])));
            _pendingBytes += RecordHeader + payload.Length;
        }
    }

    private static void WriteHeader(Span<byte> header, UInt128 key, ReadOnlySpan<byte> payload) =>
        WriteHeader(header, key, payload.Length, XxHash3.HashToUInt64(payload));

    /// <summary>A record's header: its length, key and checksum (<see cref="KeyOf"/> reads the key back).</summary>
    private static void WriteHeader(Span<byte> header, UInt128 key, int size, ulong checksum)
    {
        BinaryPrimitives.WriteInt32LittleEndian(header, size);
        BinaryPrimitives.WriteUInt64LittleEndian(header[4..], (ulong)key);
        BinaryPrimitives.WriteUInt64LittleEndian(header[12..], (ulong)(key >> 64));
        BinaryPrimitives.WriteUInt64LittleEndian(header[20..], checksum);
    }

    /// <summary>
    /// The file of new records, which starts as a whole store does: a build with nothing to keep from the old file (a
    /// first build, another basis) renames it into place instead of copying it.
    /// </summary>
    private Stream CreatePending()
    {
        var pending = _files.CreateNew(PendingPath);
        WriteFileHeader(pending);
        return pending;
    }

    private void WriteFileHeader(Stream stream)
    {
        Span<byte> header = stackalloc byte[FileHeader];
        BinaryPrimitives.WriteUInt64LittleEndian(header, Magic);
        BinaryPrimitives.WriteUInt64LittleEndian(header[8..], _basis);
        stream.Write(header);
    }

    private const string PendingSuffix = ".new";

    private string PendingPath => _path + PendingSuffix;

    /// <summary>
    /// Keeps this build's records for the next process: appends the new ones, or writes the file again with the used
    /// and the new ones when it was not whole or holds too much that this build did not use. Writes nothing when
    /// nothing changed. Call it once, after a build that succeeded; then dispose.
    /// </summary>
    public void Save()
    {
        EndAdding(rethrow: true);
        _pending?.Dispose(); // the new records are read back from the file: it is done with
        var (addedKeys, addedShadowed) = SortAdded();
        long used = 0, unused = _shadowed, replaced = 0;
        var replacedCount = 0;
        foreach (var (_, record) in _records.Entries)
        {
            if (record.Used)
            {
                used += RecordHeader + record.Size;
            }
            else
            {
                unused += RecordHeader + record.Size;
            }
            if (record.Replaced)
            {
                // Unused from the next build on: it still counts as this build's.
                replaced += RecordHeader + record.Size;
                replacedCount++;
            }
        }
        var rewrite = State != StoreState.Whole || (unused > MinimumUnused && unused * 4 > used + _pendingBytes);
        var changes = rewrite || _pendingBytes > 0;
        if (changes || (!OpenedFromIndex && _file is not null))
        {
            // Gone before the file changes, so that a table of contents is only ever the file's beside it.
            _files.Delete(IndexPath);
        }
        // The records kept from the file and where they will be, where this build's new ones start, and the bytes unused.
        IEnumerable<(UInt128 Key, Record Record)> kept;
        long addedAt, shadowed;
        int keptCount;
        if (rewrite && used == 0 && _pending is not null)
        {
            Close();
            _files.Replace(PendingPath, _path);
            _pending = null;
            (kept, keptCount, addedAt, shadowed) = ([], 0, FileHeader, addedShadowed);
        }
        else if (rewrite)
        {
            var moved = new List<(UInt128, Record)>();
            (addedAt, shadowed) = (FileHeader, addedShadowed);
            foreach (var (key, record) in UsedInPlaceOrder())
            {
                if (record.Replaced)
                {
                    shadowed += RecordHeader + record.Size;
                }
                else
                {
                    moved.Add((key, new Record(addedAt, record.Size, record.Checksum)));
                }
                addedAt += RecordHeader + record.Size;
            }
            (kept, keptCount) = (moved, moved.Count);
            _files.WriteAtomically(_path, WriteWhole);
        }
        else
        {
            kept = _records.Entries.Where(r => !r.Value.Replaced);
            (keptCount, addedAt, shadowed) = (_records.Count - replacedCount, _length, _shadowed + replaced + addedShadowed);
            if (_pendingBytes > 0)
            {
                Close();
                using var file = _files.OpenAppend(_path);
                CopyPending(file);
            }
        }
        if (!changes && (OpenedFromIndex || _file is null))
        {
            return;
        }
        WriteIndex(kept, keptCount + addedKeys, addedAt, shadowed);
    }

    /// <summary>
    /// Sorts this build's records by key, each key's last last (a later record under a key replaces an earlier one: a
    /// value made again), and marks the file's records they replace. Returns how many keys they have, and the bytes of
    /// those a later one replaced.
    /// </summary>
    /// <remarks>
    /// Sorted rather than put in a table: at a million papers a build adds four million records, and their table, made
    /// at the very end of the build while it held the most, was a gigabyte more at its peak.
    /// </remarks>
    private (int Keys, long Shadowed) SortAdded()
    {
        var added = CollectionsMarshal.AsSpan(_added);
        added.Sort(static (a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.At.CompareTo(b.At));
        var (keys, shadowed) = (0, 0L);
        for (var i = 0; i < added.Length; i++)
        {
            if (IsReplaced(added, i))
            {
                shadowed += RecordHeader + added[i].Size;
                continue;
            }
            keys++;
            ref var earlier = ref _records.Find(added[i].Key);
            if (!Unsafe.IsNullRef(ref earlier))
            {
                earlier.Replaced = true;
            }
        }
        return (keys, shadowed);
    }

    /// <summary>True when the record added at <paramref name="i"/> of the sorted records is replaced by the next.</summary>
    private static bool IsReplaced(Span<Added> added, int i) =>
        i + 1 < added.Length && added[i + 1].Key == added[i].Key;

    /// <summary>The file's records this build read, which a rewrite keeps, in their order in the file.</summary>
    private IEnumerable<(UInt128 Key, Record Record)> UsedInPlaceOrder() =>
        _records.Entries.Where(r => r.Value.Used).OrderBy(r => r.Value.Offset);

    /// <summary>Records not used are let be below this many bytes: rewriting a file for a few edits is not worth it.</summary>
    private const long MinimumUnused = 1 << 20;

    private void WriteWhole(Stream stream)
    {
        WriteFileHeader(stream);
        var buffer = new byte[1 << 16];
        foreach (var (_, record) in UsedInPlaceOrder())
        {
            for (long at = record.Offset, end = record.Offset + RecordHeader + record.Size; at < end;)
            {
                var count = RandomAccess.Read(_file!, buffer.AsSpan(0, (int)Math.Min(buffer.Length, end - at)), at);
                if (count == 0)
                {
                    throw new IOException($"'{_path}' became shorter while it was read; delete it and build again");
                }
                stream.Write(buffer, 0, count);
                at += count;
            }
        }
        CopyPending(stream);
        Close(); // before the new file replaces it: an open file cannot be replaced everywhere (Windows)
    }

    private void Close() => _file?.Dispose();

    private void CopyPending(Stream destination)
    {
        if (_pendingBytes == 0)
        {
            return;
        }
        using var pending = new FileStream(PendingPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        pending.Position = FileHeader;
        pending.CopyTo(destination);
    }

    public void Dispose()
    {
        EndAdding(rethrow: false); // nothing is left writing to the pending file
        Close();
        if (_pending is not null)
        {
            _pending.Dispose();
            _files.Delete(PendingPath);
        }
    }

    /// <summary>
    /// A record of the file: a value in the table, not an object of its own (a day at 100,000 papers opens a store of
    /// hundreds of thousands of records before its papers can be read back). Marked in place (<see cref="HashKeyedTable{TValue}.Find"/>):
    /// the table does not change while a build reads from it (what the build adds waits beside it, <see cref="_added"/>).
    /// The longest fields first, so that it takes 24 bytes, not 32.
    /// </summary>
    private struct Record(long offset, int size, ulong checksum)
    {
        public long Offset { get; } = offset;

        /// <summary>The checksum its header holds for its outputs.</summary>
        public ulong Checksum { get; } = checksum;

        public int Size { get; } = size;

        /// <summary>Read by this build; racing readers all write true.</summary>
        public bool Used;

        /// <summary>Replaced by a record this build added under its key (<see cref="SortAdded"/>).</summary>
        public bool Replaced;
    }
}

/// <summary>The host's way of changing files in its cache folder, so it can watch every change (and a test fail one).</summary>
public interface IStoreFiles
{
    /// <summary>A new file, for writing; fails if anything is at <paramref name="path"/>.</summary>
    Stream CreateNew(string path);

    /// <summary>The file at <paramref name="path"/>, for writing at its end.</summary>
    Stream OpenAppend(string path);

    /// <summary>Replaces the file at <paramref name="path"/> by what <paramref name="write"/> writes, whole or not at all.</summary>
    void WriteAtomically(string path, Action<Stream> write);

    /// <summary>Renames the file <paramref name="source"/> over <paramref name="destination"/> in one step.</summary>
    void Replace(string source, string destination);

    /// <summary>Deletes the file if it is there.</summary>
    void Delete(string path);
}

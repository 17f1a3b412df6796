using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Globalization;
using System.Text;

namespace SiteGen.Site;

/// <summary>
/// The only place that writes the site, as one transaction: a build never changes a published file until it has made
/// every file and passed every check, then swaps its new files in at once (<see cref="Commit"/>); a failure anywhere
/// leaves the folder as the last good build left it.
/// <list type="bullet">
/// <item>New and changed files are written into <c>.sitegen-staging/</c> inside the output folder (so that moving them in
/// is a rename, never a copy); a file whose bytes did not change is not written at all (its time stays: hosts and rsync see
/// no change), and a page whose inputs did not change is not even rendered (<see cref="TryKeep"/>).</item>
/// <item>The commit first notes every path it will change in a journal (<see cref="BuildJournal"/>), then moves the new
/// files in and the replaced and stale ones aside, undoing every step if one fails; then it writes the manifest, removes
/// the journal, and deletes what was moved aside. A build killed at any moment leaves either no journal (nothing changed)
/// or one that names the files it may have changed: the next build takes them for SiteGen's, trusts none of them, and so
/// ends where a cold build does.</item>
/// <item>The manifest (in the cache folder) holds, per file of the last build, the fingerprint of its inputs and the hash of
/// its bytes: the files SiteGen made, which it removes when a build no longer makes them, and only those (a CNAME you put
/// there stays).</item>
/// <item>Nothing is written, deleted or read through a symbolic link: a link where SiteGen writes is replaced, one on the
/// way to a file SiteGen made hides that file, and every path is checked to stay inside the folder.</item>
/// </list>
/// Deleting the cache folder is safe: the next build compares every file on disk.
/// <para>
/// A dry run (<c>sitegen check</c>) goes through the same calls but touches nothing on disk: every page is rendered
/// (none is kept, or its links could not be checked), every path is checked, every file is counted.
/// </para>
/// </summary>
internal sealed class OutputFolder
{
    /// <summary>Where a build puts its new files, and the ones it replaces, until it is done; only ever SiteGen's.</summary>
    public const string StagingFolder = ".sitegen-staging";

    private readonly FileOperations _files;
    private readonly string? _manifestPath;
    private readonly BuildSession? _session;

    /// <summary>
    /// The last build's manifest as read from disk (none in a session that remembers its own), and its files with those a
    /// build that stopped half way may have changed, as unknown. Read on a thread of its own beside the build's first
    /// steps: nothing asks for it before pages are written, and at 100,000 papers reading it was 0.2 s of a daily
    /// update's start.
    /// </summary>
    private readonly Task<(LastManifest? Manifest, IReadOnlyDictionary<string, FileStamp> Files)> _last;

    /// <summary>The last build's files (<see cref="_last"/>).</summary>
    private IReadOnlyDictionary<string, FileStamp> Previous => _last.GetAwaiter().GetResult().Files;

    /// <summary>What the journal of a build that stopped half way listed: kept in the next journal until a build commits.</summary>
    private readonly HashSet<string> _journaled;

    /// <summary>
    /// True when <see cref="Previous"/> is what this very process wrote in its last build (a preview session):
    /// then the files are taken to be as it left them, without a stat each. A manifest read from disk, which
    /// may be older than the folder, is checked against it, unless the folder is as the last build left it
    /// (<see cref="_unchangedSinceLastBuild"/>).
    /// </summary>
    private readonly bool _remembered;

    /// <summary>The output folder's files as this build found them, walked beside the build (<see cref="WalkInBackground"/>).</summary>
    private Task<WalkedFiles?>? _before;

    /// <summary>The manifest read and the walk begun before the build took its lock, when they are still the folder's (<see cref="EarlyWalk"/>).</summary>
    private readonly EarlyWalk? _begun;

    /// <summary>True when that walk is what the last build left: no file of the folder changed since.</summary>
    private Lazy<bool>? _unchangedSinceLastBuild;

    /// <summary>Whether the files are taken to be as <see cref="Previous"/> says, without a stat each.</summary>
    private bool Trusted => _remembered || (_unchangedSinceLastBuild?.Value ?? false);

    private readonly ConcurrentDictionary<string, FileStamp> _produced;
    private readonly ConcurrentQueue<string> _staged = new();

    /// <summary>The files produced that the last build did not make, for the manifest's order (<see cref="ManifestFile.Sorted"/>).</summary>
    private readonly ConcurrentQueue<string> _new = new();
    private readonly ConcurrentDictionary<string, byte> _stagingFolders = new(StringComparer.Ordinal);

    /// <summary>What is on the way from the output folder to each of its folders asked about (relative): see <see cref="Way"/>.</summary>
    private readonly ConcurrentDictionary<string, Way> _ways = new(StringComparer.Ordinal);
    private readonly Lock _stagingGate = new();
    private bool _stagingMade;
    private bool _outputMade;
    private int _written;

    /// <summary>1 once a file's stamp differs from the manifest's: a build that changed nothing leaves the manifest as it is.</summary>
    private int _stampsChanged;

    /// <summary>What <see cref="Files"/> tells, as files are produced: a hash of each path, summed, and of those the last build made too, and how many of those.</summary>
    private ulong _pathSum, _pathSumOfTheLast;
    private int _producedOfTheLast;

    /// <summary>The manifest's entries in order, found once every file is produced (<see cref="EveryFileProduced"/>), beside the link check.</summary>
    private Task<KeyValuePair<string, FileStamp>[]>? _manifestEntries;

    /// <summary>True once the build said every file is produced: another would be a file the manifest's order lacks.</summary>
    private volatile bool _everyFileProduced;

    /// <param name="path">The output folder.</param>
    /// <param name="manifestPath">Where the manifest of this output folder is kept; null keeps none (every file is compared on disk).</param>
    /// <param name="session">A long-running process's session: it hands over the last build's manifest without reading the file.</param>
    /// <param name="dryRun">Write nothing at all (see the class's summary).</param>
    /// <param name="files">Where changes go: the disk, or a test's layer that fails some of them.</param>
    /// <param name="begun">
    /// The manifest read and the walk begun before the build took its lock (<see cref="EarlyWalk"/>), taken when no other
    /// build can have changed the folder since: the up-to-date stamp is still the one of when it began, and no build stopped half way.
    /// </param>
    public OutputFolder(string path, string? manifestPath = null, BuildSession? session = null, bool dryRun = false, FileOperations? files = null,
        EarlyWalk? begun = null)
    {
        DryRun = dryRun;
        Path = System.IO.Path.GetFullPath(path);
        _files = files ?? FileOperations.Disk;
        _manifestPath = manifestPath;
        _session = session;
        var remembered = manifestPath is null ? null : KeptManifest.Of(session, manifestPath);
        _journaled = manifestPath is null ? [] : BuildJournal.Read(BuildJournal.PathFor(manifestPath));
        if (_journaled.Count > 0)
        {
            remembered = null;
        }
        var outputExists = Directory.Exists(Path);
        _remembered = remembered is not null && outputExists;
        static Task<(LastManifest?, IReadOnlyDictionary<string, FileStamp>)> Known(IReadOnlyDictionary<string, FileStamp> files) =>
            Task.FromResult<(LastManifest?, IReadOnlyDictionary<string, FileStamp>)>((null, files));
        int lastCount;
        if (manifestPath is null || !outputExists)
        {
            (_last, lastCount) = (Known(new Dictionary<string, FileStamp>(StringComparer.Ordinal)), 0);
        }
        else if (remembered is not null)
        {
            // The session's own table, as it is: the next build knows it by reference (ContinuesFrom).
            (_last, lastCount) = (Known(remembered), remembered.Count);
        }
        else
        {
            var journaled = _journaled;
            _begun = begun is not null && journaled.Count == 0 && !dryRun && begun.StillHolds() ? begun : null;
            _last = _begun is not null
                ? _begun.Manifest.ContinueWith(read => ((LastManifest?)read.Result, (IReadOnlyDictionary<string, FileStamp>)read.Result.Files),
                    CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default)
                : Task.Factory.StartNew(() =>
                {
                    var manifest = ManifestFile.Read(manifestPath);
                    return ((LastManifest?)manifest, (IReadOnlyDictionary<string, FileStamp>)WithUnknown(manifest.Files, journaled));
                }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            lastCount = ManifestFile.CountOf(manifestPath);
        }
        if (!dryRun)
        {
            RemoveLeftStaging();
        }
        // Sized like the last build, with many lock stripes: growing or writing a concurrent table from every
        // core at once otherwise waits on its locks.
        // (Twice the count: a table grows, holding every lock, as soon as one stripe fills its share.)
        _produced = new(Environment.ProcessorCount * 8, 31 + 2 * lastCount, StringComparer.Ordinal);
    }

    public string Path { get; }

    /// <summary>The manifest of the last build as this build found it on disk; null in a session that remembers its own, or with no output folder yet.</summary>
    public LastManifest? LastBuild => _last.GetAwaiter().GetResult().Manifest;

    /// <summary>The key of this build, written in the manifest for the next one (see <see cref="CacheNote"/>).</summary>
    public BuildKey Key { get; set; }

    public bool DryRun { get; }

    /// <summary>Files whose bytes changed (or were new) in this build.</summary>
    public int FilesWritten => _written;

    /// <summary>Files this build produced, changed or not.</summary>
    public int FilesProduced => _produced.Count;

    /// <summary>
    /// Walks the output folder's files that the last build made beside the build (<see cref="OutputWalk.Files"/>), while it
    /// renders into the staging folder, so that the commit can tell the up-to-date stamp what the folder then holds
    /// (<see cref="OutputAfterCommit"/>) from what it changed; and when the walk finds those files as the last build left
    /// them (<paramref name="lastFiles"/>, from the up-to-date stamp that goes with the manifest read), every file is
    /// taken to be as the manifest says, without a stat each (the first page kept waits for the walk).
    /// </summary>
    /// <param name="lastFolders">The folders as the last build left them, by its stamp: what the commit adds to and takes from.</param>
    public void WalkInBackground(FileSum? lastFiles, FileSum? lastFolders)
    {
        if (DryRun || _before is not null)
        {
            return;
        }
        // Before anything is staged: the staging folder, made in the output folder, changes its time.
        _topBefore = OutputWalk.TopOf(Path);
        _foldersBefore = _begun?.Folders?.Sum ?? lastFolders;
        var files = _begun?.Files ?? _last.ContinueWith(last => WalkOrNone(() => OutputWalk.Files(Path, [.. last.Result.Files.Keys])),
            CancellationToken.None, TaskContinuationOptions.LongRunning, TaskScheduler.Default);
        // Files not as the last build left them are each looked at as they are kept, and the way to each with them: the
        // folders are walked beside the build too, by their paths, rather than asked of one by one by full path (unless
        // the up-to-date check walked them already).
        var before = _before = files.ContinueWith(walked => walked.Result is { } found && found.Sum != lastFiles
            && (_begun?.Folders ?? WalkOrNone(() => OutputWalk.Folders(Path, _last.Result.Files.Keys))) is { } folders
                ? WithWays(found, folders) : walked.Result,
            CancellationToken.None, TaskContinuationOptions.LongRunning, TaskScheduler.Default);
        if (lastFiles is { } left && _manifestPath is not null)
        {
            _unchangedSinceLastBuild = new Lazy<bool>(() => before.GetAwaiter().GetResult()?.Sum == left);
        }
    }

    /// <summary>
    /// <paramref name="files"/> with the folders walked beside them, which are then also the folders the commit counts from
    /// (read by the commit only once this walk is done).
    /// </summary>
    private WalkedFiles WithWays(WalkedFiles files, WalkedFolders folders)
    {
        files.Ways = folders;
        _foldersBefore = folders.Sum;
        return files;
    }

    /// <summary>What <see cref="OutputWalk.Folders"/> counts for the output folder itself, before this build staged anything.</summary>
    private ulong? _topBefore;

    /// <summary>The folders before this build: as the up-to-date check walked them, else as the last build's stamp says.</summary>
    private FileSum? _foldersBefore;

    /// <summary>
    /// What <paramref name="walk"/> finds; none when a file or folder of the output cannot be read: then a build trusts no
    /// file unseen, and the stamp walks the folder after the commit.
    /// </summary>
    internal static T? WalkOrNone<T>(Func<T> walk) where T : class
    {
        try
        {
            return walk();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The output folder once the commit is done, as the up-to-date stamp holds it: its files, from the walk before
    /// (<see cref="WalkInBackground"/>), less those the commit replaced or moved aside, plus those it moved in; its folders,
    /// the same way, less the ones it moved files in or out of as they were, plus those as they are. Null without that walk.
    /// </summary>
    public (FileSum Files, FileSum Folders)? OutputAfterCommit { get; private set; }

    /// <summary>True when a build of <paramref name="path"/> stopped half way: it left its journal, or its staging folder.</summary>
    public static bool StoppedHalfWay(string path, string manifestPath) =>
        File.Exists(BuildJournal.PathFor(manifestPath)) || Entries.KindOf(System.IO.Path.Combine(path, StagingFolder)) != EntryKind.Missing;

    /// <summary>True when the last build stopped half way, so this one trusts none of the files it may have changed.</summary>
    public bool Recovering => _journaled.Count > 0;

    private string StagingPath => System.IO.Path.Combine(Path, StagingFolder);

    private string NewPath(string destination) => System.IO.Path.Combine(Path, StagingFolder, "new", destination);

    private string AsidePath(string destination) => System.IO.Path.Combine(Path, StagingFolder, "old", destination);

    /// <summary>
    /// True, and the file counts as produced, when the last build wrote <paramref name="destination"/> from
    /// inputs with this fingerprint and the file is still there as written: then it need not be rendered.
    /// </summary>
    public bool TryKeep(string destination, ulong inputs) => TryKeep(destination, inputs, out _);

    /// <summary>
    /// True when the last build wrote <paramref name="destination"/> and it is still there as written, in a real folder
    /// (as <see cref="TryKeep(string, ulong)"/> asks), for a build that reads parts of the last file back (papers.json's lines):
    /// not a link, nor anything put in its place.
    /// </summary>
    public bool HoldsAsWritten(string destination) => LastStampOf(destination, out var stamp) && StillAsWritten(destination, stamp);

    /// <param name="stamp">What the manifest holds of the file kept.</param>
    internal bool TryKeep(string destination, ulong inputs, out FileStamp stamp)
    {
        // The inputs first: a file whose inputs changed is not looked at.
        if (!LastStampOf(destination, out stamp) || stamp.Inputs != inputs || !StillAsWritten(destination, stamp))
        {
            return false;
        }
        Produce(destination, stamp, stamp);
        return true;
    }

    /// <summary>What the last build's manifest holds of <paramref name="destination"/>, when a build that writes files knows it.</summary>
    private bool LastStampOf(string destination, out FileStamp stamp)
    {
        stamp = default;
        return !DryRun && Previous.TryGetValue(destination, out stamp) && !stamp.IsUnknown;
    }

    /// <summary>True when the file is as the last build left it, <paramref name="stamp"/> its manifest's: the folder is trusted whole, or the file looks so.</summary>
    private bool StillAsWritten(string destination, FileStamp stamp) => Trusted || IsIntact(destination, stamp);

    /// <summary>
    /// True when this build starts from the very manifest that the build which produced <paramref name="produced"/>
    /// (<see cref="Produced"/>) left, in this process: every file it made is as it left it.
    /// </summary>
    internal bool ContinuesFrom(object produced) => _remembered && !DryRun && ReferenceEquals(Previous, produced);

    /// <summary>This build's files, as the next build of the session will start from them (<see cref="ContinuesFrom"/>).</summary>
    internal object Produced => _produced;

    /// <summary>
    /// A file the build that this one <see cref="ContinuesFrom"/> made from the same inputs, with this stamp: it counts as
    /// produced, with no look at the manifest or the disk.
    /// </summary>
    internal void Carry(string destination, FileStamp stamp) => Produce(destination, stamp, stamp);

    public void Write(string destination, ReadOnlySpan<byte> bytes, ulong inputs = 0) => WriteBytes(destination, bytes, inputs);

    /// <summary><paramref name="text"/> as UTF-8, through a pooled buffer.</summary>
    /// <returns>The file's stamp, as the manifest will hold it.</returns>
    internal FileStamp WriteText(string destination, ReadOnlySpan<char> text, ulong inputs)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            return WriteBytes(destination, buffer.AsSpan(0, length), inputs);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <returns>The file's stamp, as the manifest will hold it.</returns>
    internal FileStamp WriteBytes(string destination, ReadOnlySpan<byte> bytes, ulong inputs)
    {
        if (DryRun)
        {
            Resolve(destination);
            var counted = new FileStamp(inputs, 0, bytes.Length);
            Produce(destination, counted);
            return counted;
        }
        var stamp = new FileStamp(inputs, Fingerprint.Of(bytes), bytes.Length);
        var known = Previous.TryGetValue(destination, out var old) && !old.IsUnknown;
        Produce(destination, stamp, Previous.TryGetValue(destination, out var last) ? last : null);
        // A file this process wrote with these very bytes (a session's manifest) is left as it is without a look at the
        // disk, or a path made for it: its path was checked when it was first written.
        if (known && Trusted && old.SameBytes(stamp))
        {
            return stamp;
        }
        Resolve(destination);
        if (known ? old.SameBytes(stamp) && StillAsWritten(destination, stamp) : SameBytesOnDisk(destination, bytes))
        {
            return stamp;
        }
        using (var file = _files.CreateNew(Stage(destination), buffered: false))
        {
            file.Write(bytes);
            AddStaged(StagedHash(destination, file, bytes.Length));
        }
        _staged.Enqueue(destination);
        Interlocked.Increment(ref _written);
        return stamp;
    }

    /// <summary>
    /// Writes a file too large to hold in memory (papers.json of a million papers): <paramref name="write"/> streams
    /// it into the staging folder, hashed on the way; it is kept there only if its bytes differ from the file's, so an
    /// unchanged file keeps its timestamp as <see cref="Write(string, ReadOnlySpan{byte}, ulong)"/> does.
    /// </summary>
    public void Write(string destination, Action<Stream> write, ulong inputs = 0)
    {
        Resolve(destination);
        if (DryRun)
        {
            var counting = new HashingStream(Stream.Null);
            write(counting);
            Produce(destination, new FileStamp(inputs, 0, counting.Written));
            return;
        }
        var staged = Stage(destination);
        FileStamp stamp;
        ulong counted;
        using (var file = _files.CreateNew(staged))
        {
            var hashing = new HashingStream(file);
            write(hashing);
            stamp = new FileStamp(inputs, hashing.Hash, hashing.Written);
            counted = StagedHash(destination, file, hashing.Written);
        }
        Produce(destination, stamp);
        var unchanged = Previous.TryGetValue(destination, out var old) && !old.IsUnknown
            ? old.SameBytes(stamp) && StillAsWritten(destination, stamp)
            : SameFileOnDisk(destination, staged);
        if (unchanged)
        {
            _files.DeleteFile(staged);
            return;
        }
        AddStaged(counted);
        _staged.Enqueue(destination);
        Interlocked.Increment(ref _written);
    }

    /// <summary>
    /// Told once every file of the build is produced (the link check's start: it runs after every other pipeline has
    /// written): the manifest's entries are then put in order beside the check, when a changed file or stamp says the
    /// manifest will be written again. Found at the commit, they were 0.13 s of a core at the very end of a day at
    /// 100,000 papers, each path of the last manifest looked up among the files produced.
    /// </summary>
    public void EveryFileProduced()
    {
        _everyFileProduced = true;
        // A stale file without a new one changes the count of files: the staged files stand for the whole of "changed".
        if (_manifestPath is not null && _manifestEntries is null && ManifestChanges(filesChanged: !_staged.IsEmpty))
        {
            _manifestEntries = SortManifestEntries();
        }
    }

    /// <summary>
    /// True when the manifest is to be written again: a file moved in or out (<paramref name="filesChanged"/>), a stamp
    /// or the count changed, a journal is left to clear, or the last manifest is damaged or of another key.
    /// </summary>
    private bool ManifestChanges(bool filesChanged) =>
        filesChanged || _stampsChanged != 0 || _produced.Count != Previous.Count || _journaled.Count > 0
        || (LastBuild is { } last && (last.State != ManifestState.Whole || last.Key != Key));

    private Task<KeyValuePair<string, FileStamp>[]> SortManifestEntries() => Task.Run(() => ManifestFile.Sorted(_produced, LastBuild?.Files.Keys, _new));

    /// <summary>
    /// The files staged so far, as a walk of the staging folder would count them (<see cref="UpToDateStamp.FilesOf"/>):
    /// what the commit moves in. Counted as each is written, from its open file: at a million papers, on a disk, walking
    /// the two million staged files after the build took 66 s, a fifth of the build.
    /// </summary>
    private ulong _stagedSum, _stagedCount;

    /// <summary>
    /// What a walk would count for a file just written to the staging folder, still open: its length, and when it was last
    /// written to, from its handle (or its path, for a stream that has none), once nothing is left in its buffer.
    /// </summary>
    private ulong StagedHash(string destination, Stream file, long length)
    {
        file.Flush();
        var written = file is FileStream { SafeFileHandle: var handle } ? File.GetLastWriteTimeUtc(handle) : File.GetLastWriteTimeUtc(NewPath(destination));
        return UpToDateStamp.HashOf(destination, length, written.Ticks);
    }

    private void AddStaged(ulong hash)
    {
        Interlocked.Add(ref _stagedSum, hash);
        Interlocked.Increment(ref _stagedCount);
    }

    /// <summary>The path of <paramref name="destination"/> in the staging folder, its folders made.</summary>
    private string Stage(string destination)
    {
        lock (_stagingGate)
        {
            if (!_stagingMade)
            {
                _outputMade = !Directory.Exists(Path);
                _files.CreateDirectory(System.IO.Path.Combine(StagingPath, "new"));
                _stagingMade = true;
            }
        }
        // GetOrAdd, not TryAdd-then-create: a second writer into the same new folder must not get ahead of its creation.
        // Kept by the folder's relative path, not its full one: a million papers are a million folders.
        var folder = destination.AsSpan(0, Math.Max(destination.LastIndexOf('/'), 0));
        if (!_stagingFolders.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(folder))
        {
            _stagingFolders.GetOrAdd(FolderKey(folder), folder =>
            {
                _files.CreateDirectory(NewPath(folder));
                return 0;
            });
        }
        return NewPath(destination);
    }

    /// <summary>
    /// The string of a folder's relative path, one for both tables that keep folders (the way to each, the staged ones):
    /// the same folders are asked about and staged, and a string each in both was 24 MB held at 100,000 papers.
    /// </summary>
    private string FolderKey(ReadOnlySpan<char> folder) =>
        _ways.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(folder, out var kept, out _) ? kept
        : _stagingFolders.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(folder, out kept, out _) ? kept
        : folder.ToString();

    /// <summary>
    /// Makes this build's files the folder's: moves the new ones in and the replaced and stale ones aside, all or none,
    /// then records the new manifest (after <paramref name="saveCache"/>, which writes what goes with it) and removes
    /// what was moved aside. Returns how many stale files were removed.
    /// </summary>
    public int Commit(Action? saveCache = null)
    {
        if (DryRun)
        {
            // What a build would remove.
            return StaleFiles().Count;
        }
        var staged = _staged.ToArray();
        Array.Sort(staged, StringComparer.Ordinal);
        var stale = StaleFiles();
        var changed = staged.Length > 0 || stale.Count > 0;
        var journal = _manifestPath is null ? null : BuildJournal.PathFor(_manifestPath);
        var undo = new UndoLog(_files);
        // A one-off build writes its caches (each page's links, the store of documents) while the files are moved: neither
        // says anything of the output folder that a crash could leave wrong (a page's links count only under the
        // fingerprint of its inputs, a stored document only for its input), and the manifest, which does, comes after both.
        var saving = saveCache is not null && _manifestPath is not null && _session is not { Remembers: true } ? Task.Run(saveCache) : null;
        var manifestChanged = ManifestChanges(changed);
        // Every file is produced by now: the manifest's entries are sorted while the files move, if the link check's start
        // has not had them sorted already.
        var manifestEntries = _manifestPath is null || !manifestChanged ? null : _manifestEntries ?? SortManifestEntries();
        try
        {
            if (changed && journal is not null)
            {
                BuildJournal.Write(_files, journal, [.. _journaled.Where(j => j != BuildJournal.Unreadable), .. staged, .. stale]);
            }
            // The walk beside the build ends before the folder changes; a staged file keeps its length and time as it moves in.
            var before = _before?.GetAwaiter().GetResult();
            // The folders the commit will move files in and out of, as they are before it.
            var touched = before is null || _foldersBefore is null ? null : TouchedFolders(staged, stale);
            var foldersBefore = touched is null ? null : WalkOrNone(() => OutputWalk.FoldersNow(Path, touched));
            var placed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var destination in staged)
            {
                Place(destination, placed, undo);
            }
            foreach (var destination in stale)
            {
                var full = System.IO.Path.Combine(Path, destination);
                if (Entries.KindOf(full) is EntryKind.File or EntryKind.Link) // else moved aside already, on the way to a new file
                {
                    MoveAside(destination, undo);
                }
                RemoveEmptyFolders(System.IO.Path.GetDirectoryName(full)!, undo);
            }
            var files = before is null ? (FileSum?)null : FilesAfter(before, staged, stale);
            Record(saving is null ? saveCache : saving.GetAwaiter().GetResult, manifestEntries, journal);
            // The output folder's own time once the staging folder in it is gone.
            if (files is { } walked && FoldersAfter(touched, foldersBefore) is { } foldersAfter)
            {
                OutputAfterCommit = (walked, foldersAfter);
            }
        }
        catch
        {
            // The caches are not written over while they are being undone, nor the store closed under its writer.
            saving.WaitToEnd();
            manifestEntries.WaitToEnd();
            Undo(undo);
            throw;
        }
        return stale.Count;
    }

    /// <summary>
    /// The files the manifest names once the commit is done: those the walk found before it, less the ones it replaced or
    /// moved aside (<paramref name="staged"/>, <paramref name="stale"/>), plus the staged ones, with the lengths and times
    /// they were staged with (a file put in by hand where one goes was never counted).
    /// </summary>
    private FileSum FilesAfter(WalkedFiles before, string[] staged, List<string> stale)
    {
        var gone = default(FileSum);
        foreach (var destination in staged.Concat(stale))
        {
            if (before.Entries.TryGetValue(UpToDateStamp.KeyOf(destination), out var file))
            {
                gone = gone.Plus(new FileSum(file.Hash, 1));
            }
        }
        return before.Sum.Minus(gone).Plus(new FileSum(_stagedSum, _stagedCount));
    }

    /// <summary>
    /// The folders on the way to <paramref name="staged"/> and <paramref name="stale"/> files, the output folder ("") first:
    /// those a commit moves files in and out of, or makes, or removes.
    /// </summary>
    private static string[] TouchedFolders(string[] staged, List<string> stale)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal) { "" };
        var inOrder = new List<string> { "" };
        foreach (var destination in staged.Concat(stale))
        {
            for (var slash = destination.IndexOf('/'); slash > 0; slash = destination.IndexOf('/', slash + 1))
            {
                if (folders.Add(destination[..slash]))
                {
                    inOrder.Add(destination[..slash]);
                }
            }
        }
        return [.. inOrder];
    }

    /// <summary>
    /// The folders the manifest names once the commit is done: those before it, less the ones it touched
    /// (<paramref name="touched"/>) as they were (<paramref name="hashesBefore"/>, in the same order), plus those as they
    /// are now. Without the folders before (no stamp, or it did not read them), each of this build's folders is asked
    /// about. Null when one cannot be. A folder touched that holds none of SiteGen's files, before or after (one made by
    /// hand), is counted as one of the manifest's: the stamp then is not the folder, and the next build runs, writes
    /// nothing, and counts the folders as they are, as after a folder changed by hand.
    /// </summary>
    private FileSum? FoldersAfter(string[]? touched, ulong?[]? hashesBefore)
    {
        try
        {
            if (_foldersBefore is not { } sum || touched is null || hashesBefore is null)
            {
                return OutputWalk.Folders(Path, [.. _produced.Keys], HurriedWalk()).Sum;
            }
            var hashesNow = OutputWalk.FoldersNow(Path, touched);
            for (var i = 0; i < touched.Length; i++)
            {
                // The output folder as it was before the staging folder was made in it.
                if ((i == 0 ? _topBefore : hashesBefore[i]) is { } then)
                {
                    sum = sum.Minus(new FileSum(then, 1));
                }
                if (hashesNow[i] is { } now)
                {
                    sum = sum.Plus(new FileSum(now, 1));
                }
            }
            return sum;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A walk asked to hurry from the start: the commit waits for it with nothing else to do.</summary>
    private static OutputWalk.Hurry HurriedWalk()
    {
        var hurry = new OutputWalk.Hurry();
        hurry.Ask();
        return hurry;
    }

    /// <summary>
    /// The manifest, then no journal: from then on the folder is this build's. A session writes them while the next
    /// edit is awaited (its next build waits for them); the files moved aside go with them.
    /// </summary>
    /// <param name="manifestEntries">The sorting of the manifest's entries (<see cref="ManifestFile.Sorted"/>), when it changed.</param>
    private void Record(Action? saveCache, Task<KeyValuePair<string, FileStamp>[]>? manifestEntries, string? journal)
    {
        if (_manifestPath is null)
        {
            RemoveStaging();
            return;
        }
        // This build's table is a session's from now on, changed or not: its next build continues from this one
        // (ContinuesFrom).
        _session?.Reuse.Keep(KeptManifest.Name, MadeFrom.KeyAlone, new KeptManifest(_manifestPath, _produced));
        var (files, manifest, key) = (_files, _manifestPath, Key);
        void Write()
        {
            saveCache?.Invoke();
            if (manifestEntries is not null)
            {
                ManifestFile.Write(files, manifest, key, manifestEntries.GetAwaiter().GetResult());
            }
            if (journal is not null)
            {
                files.TryDelete(journal);
            }
            RemoveStaging();
        }
        if (_session is { Remembers: true })
        {
            _session.InBackground(Write);
        }
        else
        {
            Write();
        }
    }

    /// <summary>Puts back what a failed commit moved; if that fails too, the journal stays for the next build to find.</summary>
    private void Undo(UndoLog undo)
    {
        try
        {
            undo.Run();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return; // the journal names every file that may have changed: the next build trusts none of them
        }
        Abandon();
    }

    /// <summary>A build that failed before its commit: what it staged goes, and the output folder if it made it.</summary>
    public void Abandon()
    {
        if (DryRun)
        {
            return;
        }
        RemoveStaging();
        if (_outputMade && Directory.Exists(Path) && !Directory.EnumerateFileSystemEntries(Path).Any())
        {
            try
            {
                _files.DeleteDirectory(Path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>Moves a staged file in, with the folders on its way that the output lacks (in one move, when it lacks them).</summary>
    private void Place(string destination, HashSet<string> placed, UndoLog undo)
    {
        var folder = Path;
        var relative = "";
        for (var slash = destination.IndexOf('/'); slash >= 0; slash = destination.IndexOf('/', slash + 1))
        {
            relative = destination[..slash];
            if (placed.Contains(relative))
            {
                return; // moved in with its folder
            }
            var next = System.IO.Path.Combine(Path, relative);
            var kind = Entries.KindOf(next);
            if (kind == EntryKind.Directory)
            {
                folder = next;
                continue;
            }
            if (kind == EntryKind.File && !Previous.ContainsKey(relative))
            {
                throw new IOException($"'{next}' is a file SiteGen did not make, where it needs a folder; move it out of the output folder");
            }
            if (kind != EntryKind.Missing)
            {
                MoveAside(relative, undo); // a symbolic link is replaced, never written through; a file of ours is stale
            }
            MoveIn(relative, undo);
            placed.Add(relative);
            return;
        }
        var full = System.IO.Path.Combine(Path, destination);
        switch (Entries.KindOf(full))
        {
            case EntryKind.File or EntryKind.Link:
                MoveAside(destination, undo);
                break;
            case EntryKind.Directory when Directory.EnumerateFileSystemEntries(full).Any():
                throw new IOException($"'{full}' is a folder, where SiteGen writes a file; move it out of the output folder");
            case EntryKind.Directory:
                _files.DeleteDirectory(full);
                undo.Removed(full);
                break;
        }
        MoveIn(destination, undo);
    }

    private void MoveIn(string relative, UndoLog undo)
    {
        var (from, to) = (NewPath(relative), System.IO.Path.Combine(Path, relative));
        _files.Move(from, to);
        undo.Moved(from, to);
    }

    /// <summary>Moves a file (or a link) of the output into the staging folder, from where it is deleted once the commit holds.</summary>
    private void MoveAside(string relative, UndoLog undo)
    {
        var (from, to) = (System.IO.Path.Combine(Path, relative), AsidePath(relative));
        _files.CreateDirectory(System.IO.Path.GetDirectoryName(to)!);
        _files.Move(from, to);
        undo.Moved(from, to);
    }

    private void RemoveEmptyFolders(string folder, UndoLog undo)
    {
        while (folder.Length > Path.Length && Entries.KindOf(folder) == EntryKind.Directory && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            _files.DeleteDirectory(folder);
            undo.Removed(folder);
            folder = System.IO.Path.GetDirectoryName(folder)!;
        }
    }

    /// <summary>The files the last build made (or a stopped one may have) that this one does not, still in the folder, sorted.</summary>
    private List<string> StaleFiles()
    {
        var stale = new List<string>();
        // Every file of the last build made again: none is stale, and 21,000 lookups are saved an edit.
        if (_producedOfTheLast == Previous.Count)
        {
            return stale;
        }
        foreach (var destination in Previous.Keys)
        {
            if (!_produced.ContainsKey(destination) && IsInside(destination, out var full) && IsInRealFolder(destination, fresh: true)
                && Entries.KindOf(full) is EntryKind.File or EntryKind.Link)
            {
                stale.Add(destination);
            }
        }
        stale.Sort(StringComparer.Ordinal);
        return stale;
    }

    /// <summary>What a build left in the staging folder when it stopped: only ever SiteGen's, so it goes.</summary>
    private void RemoveLeftStaging()
    {
        switch (Entries.KindOf(StagingPath))
        {
            case EntryKind.Directory:
                // Its folders (new/papers, old/tags...) on every core, then what is left: at the end of a daily update at
                // 100,000 papers, removing the folders of 4,500 pages written again took a core 0.3 s, while the other idled.
                // Links are neither followed nor removed through (the last step removes a link itself).
                var realFolders = new EnumerationOptions { AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = false };
                var failures = new ConcurrentQueue<Exception>();
                Parallel.ForEach(Directory.EnumerateDirectories(StagingPath, "*", realFolders)
                    .SelectMany(folder => Directory.EnumerateDirectories(folder, "*", realFolders)).ToArray(), folder =>
                {
                    try
                    {
                        _files.DeleteTree(folder);
                    }
                    catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                    {
                        failures.Enqueue(exception);
                    }
                });
                if (failures.TryDequeue(out var failure))
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
                }
                _files.DeleteTree(StagingPath);
                break;
            case EntryKind.File or EntryKind.Link:
                _files.DeleteFile(StagingPath);
                break;
        }
    }

    private void RemoveStaging()
    {
        try
        {
            RemoveLeftStaging();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // What is left is removed by the next build before it writes anything; until then it must not be published.
            LeftOver = $"{System.IO.Path.Combine(Path, StagingFolder)}: warning: a folder of SiteGen's own that could not be removed ({exception.Message}); the next build removes it, or delete it before you publish the site";
        }
    }

    /// <summary>A warning when the staging folder outlived a build that otherwise succeeded.</summary>
    public string? LeftOver { get; private set; }

    /// <summary>
    /// What the folder will hold at <paramref name="destination"/> once this build is done (the link check asks): a file
    /// this build produced, or a file SiteGen did not make (a CNAME, a PDF put there by hand), which builds leave alone,
    /// or nothing. A file only the last build made is stale: it is removed at the end of this build.
    /// </summary>
    public Links.LinkTarget Holds(string destination) =>
        _produced.ContainsKey(destination) ? Links.LinkTarget.Made
        : !Previous.ContainsKey(destination) && IsInside(destination, out var full) && WayToFolderOf(destination, fresh: false) == Way.Real
            && Entries.KindOf(full) == EntryKind.File ? Links.LinkTarget.Other
        : Links.LinkTarget.None;

    /// <summary>
    /// The files this build produced and those the last build did (its manifest), each set as a sum of a hash of every
    /// path, and whether this build produced every file the last one did; asked once every file is produced. Summed as
    /// files are produced: going over the two tables at the end cost a preview's rebuild 10 to 15 ms at 10,000 papers.
    /// When this build produced every file of the last, the paths it produced that the last build did are all of those.
    /// </summary>
    public Links.FileSets Files => new(_pathSum, _pathSumOfTheLast, _producedOfTheLast == Previous.Count);

    /// <summary>A page as a build left it, for the link check of a page this build keeps.</summary>
    public Text.RentedText ReadPage(string destination) => Text.RentedText.Read(Resolve(destination));

    /// <summary>The absolute path of <paramref name="destination"/>; throws if it would leave the output folder.</summary>
    public string Resolve(string destination) =>
        IsInside(destination, out var full)
            ? full
            : throw new InvalidOperationException($"'{destination}' would be written outside the output folder.");

    private void Produce(string destination, FileStamp stamp) =>
        Produce(destination, stamp, Previous.TryGetValue(destination, out var old) ? old : null);

    /// <param name="previous">The last build's stamp of <paramref name="destination"/>, if it made it (the caller has looked it up).</param>
    private void Produce(string destination, FileStamp stamp, FileStamp? previous)
    {
        if (_everyFileProduced)
        {
            throw new InvalidOperationException($"'{destination}' is produced after the build said every file was.");
        }
        if (!_produced.TryAdd(destination, stamp))
        {
            throw new InvalidOperationException($"Two documents are written to '{destination}'.");
        }
        var pathHash = XxHash3.HashToUInt64(System.Runtime.InteropServices.MemoryMarshal.AsBytes(destination.AsSpan()));
        Interlocked.Add(ref _pathSum, pathHash);
        if (previous is not null)
        {
            Interlocked.Add(ref _pathSumOfTheLast, pathHash);
            Interlocked.Increment(ref _producedOfTheLast);
        }
        else
        {
            _new.Enqueue(destination);
        }
        if (_stampsChanged == 0 && previous != stamp)
        {
            Interlocked.Exchange(ref _stampsChanged, 1);
        }
    }

    /// <summary>Without a manifest entry (a first build, a deleted cache), the file on disk is compared itself.</summary>
    private bool SameBytesOnDisk(string destination, ReadOnlySpan<byte> bytes)
    {
        var full = System.IO.Path.Combine(Path, destination);
        return IsRealFile(destination, full, bytes.Length) && File.ReadAllBytes(full).AsSpan().SequenceEqual(bytes);
    }

    private bool SameFileOnDisk(string destination, string other)
    {
        var full = System.IO.Path.Combine(Path, destination);
        if (!IsRealFile(destination, full, new FileInfo(other).Length))
        {
            return false;
        }
        using var a = File.OpenRead(full);
        using var b = File.OpenRead(other);
        var (x, y) = (new byte[1 << 16], new byte[1 << 16]);
        int read;
        while ((read = a.ReadAtLeast(x, x.Length, throwOnEndOfStream: false)) > 0)
        {
            if (b.ReadAtLeast(y, read, throwOnEndOfStream: false) != read || !x.AsSpan(0, read).SequenceEqual(y.AsSpan(0, read)))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// True when the file at <paramref name="destination"/> is there with the length it was written with, in the output
    /// folder itself (not through a link): its length as the walk beside the build found it, when it is done (a walk
    /// neither counts nor follows a link that stands in a file's place, but finds a file through a link on its way, so the
    /// way is looked at, once per folder), else as the file is now. A build that cannot trust the folder as a whole (a CI
    /// runner's cache restores it with other times) asked that of each file it kept, 212,000 at 100,000 papers, one by one.
    /// </summary>
    private bool IsIntact(string destination, FileStamp stamp) =>
        _before is { IsCompletedSuccessfully: true } walk && walk.Result is { } walked
            ? walked.Entries.TryGetValue(UpToDateStamp.KeyOf(destination), out var file) && file.Length == stamp.Length
                && (walked.Ways?.RealWay(destination) ?? WayToFolderOf(destination, fresh: false) == Way.Real)
            : IsRealFile(destination, System.IO.Path.Combine(Path, destination), stamp.Length);

    private bool IsRealFile(string destination, string full, long length)
    {
        if (WayToFolderOf(destination, fresh: false) != Way.Real)
        {
            return false; // through a link, or in a folder that is not there (a first build's every file): nothing to look at
        }
        var file = new FileInfo(full);
        return file.Exists && !file.Attributes.HasFlag(FileAttributes.ReparsePoint) && file.Length == length;
    }

    /// <summary>
    /// True when no folder on the way from the output folder to <paramref name="destination"/> is a symbolic link (or a
    /// file): what is there is in the output folder, not somewhere a link leads. Remembered per folder, unless
    /// <paramref name="fresh"/> (the commit asks after it has replaced links).
    /// </summary>
    private bool IsInRealFolder(string destination, bool fresh) => WayToFolderOf(destination, fresh) != Way.NotReal;

    /// <summary>The way from the output folder to the folder <paramref name="destination"/> is in (see <see cref="Way"/>).</summary>
    private Way WayToFolderOf(string destination, bool fresh)
    {
        var slash = destination.LastIndexOf('/');
        if (slash < 0)
        {
            return Way.Real;
        }
        var folder = destination.AsSpan(0, slash);
        return fresh ? WayTo(folder.ToString(), fresh)
            : _ways.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(folder, out var way) ? way
            : _ways.GetOrAdd(FolderKey(folder), static (f, output) => output.WayTo(f, fresh: false), this);
    }

    private Way WayTo(string folder, bool fresh) =>
        // Below a folder that is not there nothing is, and below a link nothing counts: only a real way is looked at further.
        WayToFolderOf(folder, fresh) is not Way.Real and var above ? above
        : Entries.KindOf(System.IO.Path.Combine(Path, folder)) switch
        {
            EntryKind.Directory => Way.Real,
            EntryKind.Missing => Way.Missing,
            _ => Way.NotReal,
        };

    /// <summary>What is on the way from the output folder to a folder in it.</summary>
    private enum Way
    {
        /// <summary>Real folders, all the way.</summary>
        Real,

        /// <summary>Real folders up to one that is not there, so neither is anything below it.</summary>
        Missing,

        /// <summary>A symbolic link or a file on the way.</summary>
        NotReal,
    }

    private bool IsInside(string destination, out string full)
    {
        full = System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, destination));
        return !System.IO.Path.IsPathRooted(destination)
            && full.StartsWith(Path + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal)
            && !full.AsSpan(Path.Length + 1).StartsWith(StagingFolder, StringComparison.Ordinal);
    }

    /// <summary>Files a stopped build may have changed: SiteGen's, but their bytes unknown. All of them when its journal does not read.</summary>
    private static Dictionary<string, FileStamp> WithUnknown(Dictionary<string, FileStamp> previous, HashSet<string> journaled)
    {
        if (journaled.Contains(BuildJournal.Unreadable))
        {
            foreach (var destination in previous.Keys)
            {
                previous[destination] = FileStamp.Unknown;
            }
        }
        foreach (var destination in journaled)
        {
            if (destination != BuildJournal.Unreadable)
            {
                previous[destination] = FileStamp.Unknown;
            }
        }
        return previous;
    }
}

/// <summary>What the manifest knows of one output file: its inputs' fingerprint, its bytes' hash and length.</summary>
internal readonly record struct FileStamp(ulong Inputs, ulong Bytes, long Length)
{
    /// <summary>A file SiteGen made whose bytes it does not know (a build stopped while changing it).</summary>
    public static FileStamp Unknown { get; } = new(0, 0, -1);

    public bool IsUnknown => Length < 0;

    public bool SameBytes(FileStamp other) => Bytes == other.Bytes && Length == other.Length;
}

/// <summary>The manifest the last build of a session wrote, and where: the next build need not read it back.</summary>
internal sealed record KeptManifest(string Path, IReadOnlyDictionary<string, FileStamp> Stamps)
{
    public const string Name = "manifest";

    /// <summary>The stamps of the manifest at <paramref name="path"/> the last build of <paramref name="session"/> wrote, if it is still there.</summary>
    public static IReadOnlyDictionary<string, FileStamp>? Of(BuildSession? session, string path)
    {
        session?.WaitForBackground(); // the last build may still be writing it
        return session?.Reuse.Last<KeptManifest>(Name) is { } kept && kept.Path == path && File.Exists(path) ? kept.Stamps : null;
    }
}

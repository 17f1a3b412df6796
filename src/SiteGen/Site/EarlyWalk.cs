namespace SiteGen.Site;

/// <summary>
/// The last build's manifest read, and the output folder walked by it (<see cref="OutputWalk"/>), begun before a build
/// takes its lock, beside the walk of its sources: the up-to-date check needs both when no input changed, the build its
/// manifest and its files when one did (<see cref="OutputFolder"/>), and begun at once they run on a core that the check
/// of the sources leaves idle. The build takes them as its own only while the manifest and the up-to-date stamp are as
/// they were when the walk began: any build that changes the folder writes both.
/// </summary>
internal sealed class EarlyWalk
{
    private readonly string _outputPath;
    private readonly string _manifestPath;
    private readonly (ulong Manifest, string? Stamp) _began;
    private readonly OutputWalk.Hurry _hurry = new();

    private EarlyWalk(string outputPath, string manifestPath)
    {
        (_outputPath, _manifestPath) = (outputPath, manifestPath);
        // Read before the walk begins: a build that commits after this has to write them again.
        _began = Versions();
        Manifest = Task.Factory.StartNew(() => ManifestFile.Read(manifestPath), CancellationToken.None, TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        Files = Manifest.ContinueWith(read => OutputFolder.WalkOrNone(() => OutputWalk.Files(outputPath, [.. read.Result.Files.Keys], _hurry)),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Begins the walk of <paramref name="outputPath"/>, whose build keeps its manifest at <paramref name="manifestPath"/>.</summary>
    public static EarlyWalk Begin(string outputPath, string manifestPath) => new(outputPath, manifestPath);

    /// <summary>The manifest of the last build, as it was read.</summary>
    public Task<LastManifest> Manifest { get; }

    /// <summary>The output folder's files that the manifest names, as the walk found them; none when one could not be read.</summary>
    public Task<WalkedFiles?> Files { get; }

    /// <summary>
    /// What the up-to-date stamp holds of the output folder (<see cref="UpToDateStamp.OutputFiles"/>, <see cref="UpToDateStamp.OutputFolders"/>),
    /// waited for by a thread with nothing else to do: the walk then takes every core. Null when a file or folder could not be read.
    /// </summary>
    public (FileSum Files, FileSum Folders)? Result()
    {
        _hurry.Ask();
        // The folders on this thread while the files are walked on theirs.
        var destinations = Manifest.GetAwaiter().GetResult().Files.Keys;
        var walkedFolders = OutputFolder.WalkOrNone(() => OutputWalk.Folders(_outputPath, destinations, _hurry));
        if (Files.GetAwaiter().GetResult() is not { } files || walkedFolders is not { } folders)
        {
            return null;
        }
        Folders = folders;
        return (files.Sum, folders.Sum);
    }

    /// <summary>The folders as <see cref="Result"/> found them, once it has been asked for.</summary>
    public WalkedFolders? Folders { get; private set; }

    /// <summary>True when no build has changed the folder since the walk began (as far as the manifest and the stamp tell).</summary>
    public bool StillHolds() => Versions() == _began;

    private (ulong Manifest, string? Stamp) Versions()
    {
        string? stamp;
        try
        {
            stamp = File.ReadAllText(UpToDateStamp.PathFor(_manifestPath));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            stamp = null;
        }
        return (UpToDateStamp.ManifestVersionOf(_manifestPath), stamp);
    }
}

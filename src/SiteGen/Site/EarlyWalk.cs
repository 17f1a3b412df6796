namespace SiteGen.Site;

/// <summary>
/// A walk of the output folder begun before a build takes its lock, beside the walk of its sources: the up-to-date check
/// needs it when no input changed, the build when one did (<see cref="OutputFolder.WalkInBackground"/>), and begun at
/// once it runs on a core that the check of the sources leaves idle. The build takes it as its own only while the
/// manifest and the up-to-date stamp are as they were when it began: any build that changes the folder writes both.
/// </summary>
internal sealed class EarlyWalk
{
    private readonly string _manifestPath;
    private readonly (ulong Manifest, string? Stamp) _began;
    private readonly LinuxFolderWalk.Hurry _hurry = new();

    private EarlyWalk(string outputPath, string manifestPath)
    {
        _manifestPath = manifestPath;
        // Read before the walk begins: a build that commits after this has to write them again.
        _began = Versions();
        Files = OutputFolder.Walk(outputPath, _hurry);
    }

    /// <summary>Begins the walk of <paramref name="outputPath"/>, whose build keeps its manifest at <paramref name="manifestPath"/>.</summary>
    public static EarlyWalk Begin(string outputPath, string manifestPath) => new(outputPath, manifestPath);

    /// <summary>The output folder's files as the walk found them; none when one of its folders could not be read.</summary>
    public Task<FileSum?> Files { get; }

    /// <summary><see cref="Files"/>, waited for by a thread with nothing else to do: the walk then takes every core.</summary>
    public FileSum? Result()
    {
        _hurry.Ask();
        return Files.GetAwaiter().GetResult();
    }

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

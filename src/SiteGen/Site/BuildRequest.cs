namespace SiteGen.Site;

/// <summary>What the command line asks of a build.</summary>
/// <param name="ChangedFiles">
/// In a session, the paths a file watcher reported since the session's last build: then only those files of the input
/// folders are looked at again, rather than a stat of every file. Null (the default): not known, so every folder is
/// listed. A path that is a folder read by the build (or holds one) lists that folder again.
/// </param>
/// <param name="Files">Where the build's changes on disk go: the disk, unless a test fails some of them.</param>
/// <param name="LockTimeout">How long to wait for another build of the same output folder (default 10 minutes).</param>
/// <param name="Notify">Told, in one line, what the user should know while the build runs (that it waits for another).</param>
internal sealed record BuildRequest(
    string Root,
    string? Output = null,
    bool Strict = false,
    IReadOnlyList<KeyValuePair<string, string>>? Settings = null,
    IDictionary<string, string?>? Environment = null,
    BuildSession? Session = null,
    Action<string, Engine.ModuleTiming>? Progress = null,
    bool DryRun = false,
    IReadOnlyCollection<string>? ChangedFiles = null,
    FileOperations? Files = null,
    TimeSpan? LockTimeout = null,
    Action<string>? Notify = null);

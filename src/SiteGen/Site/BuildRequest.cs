namespace SiteGen.Site;

/// <summary>What the command line asks of a build.</summary>
/// <param name="ChangedFiles">
/// In a session, the paths a file watcher reported since the session's last build: then only those files of the input
/// folders are looked at again, rather than a stat of every file. Null (the default): not known, so every folder is
/// listed. A path that is a folder read by the build (or holds one) lists that folder again.
/// </param>
public sealed record BuildRequest(
    string Root,
    string? Output = null,
    bool Strict = false,
    IReadOnlyList<KeyValuePair<string, string>>? Settings = null,
    IDictionary<string, string?>? Environment = null,
    BuildSession? Session = null,
    Action<string, Engine.ModuleTiming>? Progress = null,
    bool DryRun = false,
    IReadOnlyCollection<string>? ChangedFiles = null);

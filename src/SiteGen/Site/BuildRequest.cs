namespace SiteGen.Site;

/// <summary>What the command line asks of a build.</summary>
public sealed record BuildRequest(
    string Root,
    string? Output = null,
    bool Strict = false,
    IReadOnlyList<KeyValuePair<string, string>>? Settings = null,
    IDictionary<string, string?>? Environment = null,
    BuildSession? Session = null,
    Action<string, Engine.ModuleTiming>? Progress = null,
    bool DryRun = false);

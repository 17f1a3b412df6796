namespace SiteGen.Engine;

/// <summary>
/// Verify mode found a module whose outputs for an input, made again, differ from those the store kept for it (or, with
/// <paramref name="keeper"/>, what else kept or patched them): what the module declared it depends on is not all it
/// depends on, or its patch is wrong.
/// </summary>
public sealed class StoredWorkMismatchException(string module, string input, string keeper = "the cache kept")
    : Exception($"verify: {module} makes other outputs for {input} than {keeper} (a bug in what SiteGen reuses between builds: please report it)")
{
    public string Module { get; } = module;
}

namespace SiteGen.Engine;

/// <summary>
/// Verify mode found a module whose outputs for an input, made again, differ from those the store kept for it: what
/// the module declared it depends on is not all it depends on.
/// </summary>
public sealed class StoredWorkMismatchException(string module, string input)
    : Exception($"verify: {module} makes other outputs for {input} than the cache kept for it (a bug in what SiteGen reuses between builds: please report it)")
{
    public string Module { get; } = module;
}

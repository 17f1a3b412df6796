namespace SiteGen.Cli;

/// <summary>
/// CI services set CI=true. There a warning should fail the build rather than scroll by (strict mode),
/// and the log should get no progress line.
/// </summary>
internal static class Ci
{
    public static bool IsRunning =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}

namespace SiteGen.Site;

/// <summary>
/// Verify mode (<c>SITEGEN_VERIFY=1</c>): after every build, the same input is built again cold (no session, an empty
/// cache, an empty output folder) into <c>verify/</c> in the cache folder, and the two outputs are compared byte for byte.
/// Whatever a build reused (the preview's memory, cache/, the files left in the output folder) that a cold build would
/// have made otherwise fails the build, naming the first file that differs; so does a report that differs (its
/// warnings, broken links among them, and the pages and links the link check counted). For tests and for a user who
/// doubts a build; it doubles the time.
/// </summary>
internal static class ReuseCheck
{
    public const string Variable = "SITEGEN_VERIFY";

    public static bool IsOn(IDictionary<string, string?> environment) =>
        environment.TryGetValue(Variable, out var value) && value is "1" or "true";

    /// <summary>Builds cold beside the output and compares; throws <see cref="ReuseMismatchException"/> on a difference.</summary>
    public static async Task VerifyAsync(BuildRequest request, IDictionary<string, string?> environment, BuildSummary built,
        CancellationToken cancellationToken)
    {
        var folders = built.Folders!;
        var folder = Path.Combine(folders.Cache, "verify");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        var coldOutput = Path.Combine(folder, "output");
        var cold = await SiteBuilder.BuildAsync(request with
        {
            Output = coldOutput,
            Settings = [.. request.Settings ?? [], new("CachePath", Path.Combine(folder, "cache"))],
            Environment = environment.Where(e => e.Key != Variable).ToDictionary(StringComparer.Ordinal),
            Session = null,
            Progress = null,
            ChangedFiles = null,
            Files = null,
        }, cancellationToken).ConfigureAwait(false);

        if ((FirstDifference(folders.Output, coldOutput) ?? OtherReport(built, cold)) is { } difference)
        {
            throw new ReuseMismatchException(difference, coldOutput);
        }
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>How the report of a build differs from a cold build's, if it does: its warnings, and what the link check counted.</summary>
    internal static string? OtherReport(BuildSummary built, BuildSummary cold)
    {
        var warnings = built.Warnings.Order(StringComparer.Ordinal).ToArray();
        var coldWarnings = cold.Warnings.Order(StringComparer.Ordinal).ToArray();
        if (!warnings.SequenceEqual(coldWarnings))
        {
            return $"the build warns '{warnings.Except(coldWarnings).FirstOrDefault() ?? "(nothing)"}' where a cold build warns '{coldWarnings.Except(warnings).FirstOrDefault() ?? "(nothing)"}'";
        }
        return (built.Links.Pages, built.Links.Links) != (cold.Links.Pages, cold.Links.Links)
            ? $"the link check counted {built.Links.Links} links on {built.Links.Pages} pages where a cold build counts {cold.Links.Links} on {cold.Links.Pages}"
            : null;
    }

    /// <summary>The first file, in path order, that one folder has and the other has not, or has with other bytes.</summary>
    internal static string? FirstDifference(string built, string cold)
    {
        var builtFiles = Files(built);
        var coldFiles = Files(cold);
        foreach (var path in builtFiles.Union(coldFiles).Order(StringComparer.Ordinal))
        {
            if (!coldFiles.Contains(path))
            {
                return $"{path} is in the output but a cold build does not make it";
            }
            if (!builtFiles.Contains(path))
            {
                return $"{path} is missing from the output";
            }
            if (!File.ReadAllBytes(Path.Combine(built, path)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(cold, path))))
            {
                return $"{path} differs from a cold build's";
            }
        }
        return null;
    }

    private static HashSet<string> Files(string folder) => Directory.Exists(folder)
        ? [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => SitePath.Relative(folder, f))]
        : [];
}

/// <summary>Verify mode found a build whose output is not what a cold build of the same input makes.</summary>
internal sealed class ReuseMismatchException(string difference, string coldOutput)
    : Exception($"verify: {difference}; the cold build is kept in {coldOutput} to compare (a bug in what SiteGen reuses between builds: please report it)")
{
    public string Difference { get; } = difference;
}

using System.Text.RegularExpressions;

namespace SiteGen.Site;

/// <summary>
/// The cache files of other output folders (<c>cache/output-{id}.*</c>, one set per folder ever built with
/// <c>--output</c>) that no build has touched for <see cref="MaxAge"/>: a build removes them, so that <c>cache/</c>
/// does not keep a manifest and a store of documents for every folder a site was ever built into. Removing them only
/// makes that folder's next build start over. A set is left alone while a build of its folder holds its lock, or when
/// a build of it stopped half way (its journal is what lets the next build finish or undo it); the lock files stay.
/// The set of a build's own folder under its former name is taken over instead (<see cref="AdoptFormerName"/>).
/// </summary>
internal static partial class StaleCaches
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(30);

    /// <summary>Removes the stale sets of <paramref name="cacheFolder"/> but <paramref name="manifestPath"/>'s own.</summary>
    /// <returns>How many output folders' files were removed.</returns>
    public static int Remove(string cacheFolder, string manifestPath, FileOperations files, DateTime now)
    {
        var own = IdOf(Path.GetFileName(manifestPath));
        var removed = 0;
        foreach (var set in Directory.EnumerateFiles(cacheFolder, "output-*").GroupBy(f => IdOf(Path.GetFileName(f))))
        {
            if (set.Key is null || set.Key == own || set.Any(f => f.EndsWith(".journal", StringComparison.Ordinal))
                || set.Max(File.GetLastWriteTimeUtc) > now - MaxAge)
            {
                continue;
            }
            BuildLock? buildLock;
            try
            {
                buildLock = BuildLock.TryAcquire(files, Path.Combine(cacheFolder, $"output-{set.Key}.lock"));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue; // removing is only ever a tidying up: a lock file that cannot be opened leaves its set alone
            }
            if (buildLock is null)
            {
                continue; // a build of that folder is running
            }
            using (buildLock)
            {
                foreach (var file in set.Where(f => !f.EndsWith(".lock", StringComparison.Ordinal) && !f.EndsWith(".lock.owner", StringComparison.Ordinal)))
                {
                    files.TryDelete(file);
                }
            }
            removed++;
        }
        return removed;
    }

    /// <summary>
    /// The set of this output folder under the name SiteGen gave it before sets were named by the output's place in the
    /// site (<paramref name="formerId"/>, from its full path), renamed to <paramref name="manifestPath"/>'s when that has
    /// no manifest yet: so the first build after the change still knows which files of the output it made, and removes
    /// those it no longer makes. Called under the build's lock; a file that cannot be renamed is left to the tidying up.
    /// </summary>
    public static void AdoptFormerName(string formerId, string manifestPath, FileOperations files)
    {
        var cacheFolder = Path.GetDirectoryName(manifestPath)!;
        var id = IdOf(Path.GetFileName(manifestPath));
        var former = Path.Combine(cacheFolder, $"output-{formerId}.manifest");
        // A journal alone is a first build stopped half way: what it names is still to be finished or undone.
        if (id is null || formerId == id || File.Exists(manifestPath) || !(File.Exists(former) || File.Exists(BuildJournal.PathFor(former))))
        {
            return;
        }
        foreach (var file in Directory.EnumerateFiles(cacheFolder, $"output-{formerId}.*"))
        {
            var extension = Path.GetFileName(file)[$"output-{formerId}".Length..];
            if (extension is ".lock" or ".lock.owner")
            {
                continue; // a build of the former name holds its own lock
            }
            try
            {
                files.Move(file, Path.Combine(cacheFolder, $"output-{id}{extension}"));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>The output folder's id in a cache file's name, null for a file that is not one of those sets.</summary>
    private static string? IdOf(string fileName) => SetFile().Match(fileName) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex(@"^output-([0-9a-f]{16})\.")]
    private static partial Regex SetFile();
}

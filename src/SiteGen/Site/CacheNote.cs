namespace SiteGen.Site;

/// <summary>
/// Why a build cannot take the last one's pages (or documents) as they are, in one line for the user: the cache was
/// cleared, cut short, left by another SiteGen, or the settings or theme changed. Nothing when it can, or on a first build.
/// </summary>
internal static class CacheNote
{
    /// <param name="last">The manifest as the build found it (null in a session, which keeps its own).</param>
    /// <param name="now">This build's key.</param>
    /// <param name="manifest">The manifest's path as the user should see it.</param>
    /// <param name="output">The output folder as the user should see it.</param>
    /// <param name="outputHasFiles">Whether the output folder holds anything (else this is a first build).</param>
    /// <param name="unreadLinks">The last build's file of each page's links, as the user should see it, when it is there but does not read.</param>
    public static string? Why(LastManifest? last, BuildKey now, string manifest, string output, bool outputHasFiles, string? unreadLinks = null) => last switch
    {
        null => null,
        { State: ManifestState.Missing } => outputHasFiles
            ? $"note: {manifest} is missing (a new or cleared cache), so SiteGen cannot tell its files from yours: files in {output} that this build does not make are kept; delete {output} for a clean site"
            : null,
        { State: ManifestState.Damaged } => $"note: {manifest} does not read whole (cut short or edited), so every page is rendered again and compared with {output}",
        { State: ManifestState.OtherVersion } => $"note: {manifest} was written by another version of SiteGen, so every page is rendered again",
        { Key: { } key } when key.Program != now.Program => "note: the last build was made by another build of SiteGen, so every page is rendered again",
        { Key: { } key } when key.Settings != now.Settings && key.Theme != now.Theme =>
            "note: the settings and the theme's templates changed since the last build, so the pages that show them are rendered again",
        { Key: { } key } when key.Settings != now.Settings =>
            "note: the settings changed since the last build (statiq.json or --setting), so the pages that show them are rendered again",
        { Key: { } key } when key.Theme != now.Theme => "note: the theme's templates changed since the last build, so the pages they make are rendered again",
        _ when unreadLinks is not null => $"note: {unreadLinks} does not read whole (cut short or edited), so the links of the pages kept from the last build are read from {output}",
        _ => null,
    };

    /// <summary>The line for a store of documents (<see cref="Engine.DocumentStore"/>) that did not read whole.</summary>
    /// <param name="documents">The store's path as the user should see it.</param>
    public static string StoreDamaged(string documents) =>
        $"note: {documents} does not read whole (cut short or edited), so what it could not give was made again";

    /// <summary>The line for the cache files of other output folders that a build removed (<see cref="StaleCaches"/>).</summary>
    /// <param name="folders">How many output folders' files went.</param>
    /// <param name="cache">The cache folder as the user should see it.</param>
    public static string StaleRemoved(int folders, string cache) =>
        $"note: removed from {cache} the files of {folders} other output folder(s) that no build used for {StaleCaches.MaxAge.TotalDays:0} days (their next build starts over)";
}

using System.Globalization;
using System.Threading.Channels;
using SiteGen.Cli;
using SiteGen.Site;

namespace SiteGen.Preview;

/// <summary>
/// Builds the site again after each burst of changes, one build at a time, in one <see cref="BuildSession"/> kept
/// for the life of the preview (so a rebuild redoes only what the edit touched). A failed build is reported in the
/// terminal as <c>build</c> reports it and to the pages as an error; the output keeps the last good build.
/// </summary>
internal sealed class Rebuilder(BuildRequest request, ReloadEvents events, TextWriter output, TextWriter errors)
{
    /// <summary>
    /// How long the sources must stay quiet before a rebuild starts: one save is often several events (write,
    /// rename, attributes), and a checkout is hundreds; they all make one build.
    /// </summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(100);

    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public BuildSession Session { get; } = request.Session ?? throw new ArgumentException("a preview keeps one BuildSession: pass it in the request", nameof(request));

    /// <summary>
    /// True while the watcher's reports cover every change since the last build began: the last build ended (a failed one
    /// may have stopped before it listed the folders) and the watched folders stayed the same (new watchers start late).
    /// Then a rebuild is told the changed paths, and looks at those files alone.
    /// </summary>
    private bool _changesKnown;

    /// <summary>The folders of the last settings that could be read.</summary>
    public PreviewFolders Folders { get; private set; } = PreviewFolders.Read(request);

    /// <summary>Called after each build with the folders of its settings (to serve and to watch).</summary>
    public Action<PreviewFolders>? FoldersRead { get; set; }

    /// <summary>A source changed: a rebuild follows once they are quiet (thread-safe; called by the watcher).</summary>
    public void Changed(string path) => _changes.Writer.TryWrite(path);

    /// <summary>
    /// The first build. A mistake in the command line (an unknown --setting) throws, since no edit can fix it; a
    /// mistake in the input is reported, and the preview starts anyway, to show it until it is fixed.
    /// </summary>
    public async Task FirstBuildAsync(CancellationToken cancellation)
    {
        try
        {
            var summary = await SiteBuilder.BuildAsync(request, cancellation).ConfigureAwait(false);
            _changesKnown = true;
            WriteWarnings(summary, notes: true);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Built {summary.Papers} papers into {Shown(summary.OutputPath)}/: {summary.FilesProduced} files ({summary.FilesWritten} written, {summary.FilesRemoved} removed), {summary.Warnings.Length} warnings, in {summary.Elapsed.TotalSeconds:0.00} s."));
            events.Reload();
        }
        catch (Exception e) when (e is not Diagnostics.UsageException && !cancellation.IsCancellationRequested)
        {
            Failed(e);
        }
        Refresh();
    }

    /// <summary>Waits for changes and rebuilds, until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellation)
    {
        var changed = new SortedSet<string>(StringComparer.Ordinal);
        try
        {
            while (await _changes.Reader.WaitToReadAsync(cancellation).ConfigureAwait(false))
            {
                Drain(changed);
                do
                {
                    await Task.Delay(QuietPeriod, cancellation).ConfigureAwait(false);
                }
                while (Drain(changed));
                await RebuildAsync(changed, cancellation).ConfigureAwait(false);
                changed.Clear();
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Stopping: a build cut short leaves no manifest that vouches for what it did not write.
        }
    }

    private async Task RebuildAsync(SortedSet<string> changed, CancellationToken cancellation)
    {
        try
        {
            var summary = await SiteBuilder.BuildAsync(request with { ChangedFiles = _changesKnown ? [.. changed] : null }, cancellation).ConfigureAwait(false);
            _changesKnown = true;
            WriteWarnings(summary, notes: false);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Rebuilt in {summary.Elapsed.TotalMilliseconds:0} ms: {summary.FilesWritten} files written, {summary.FilesRemoved} removed, {summary.Warnings.Length} warnings ({Describe(changed)} changed)."));
            // Nothing written, nothing to see (an editor's swap file, a save without a change): the pages stay as they
            // are, unless they show an error that this build has just cleared.
            if (summary.FilesWritten > 0 || summary.FilesRemoved > 0 || events.LastBuildFailed)
            {
                events.Reload();
            }
        }
        catch (Exception e) when (!cancellation.IsCancellationRequested)
        {
            _changesKnown = false;
            Failed(e);
        }
        Refresh();
    }

    private void Failed(Exception exception)
    {
        var (_, message) = CommandLine.Describe(exception);
        errors.WriteLine(message);
        events.Error(message);
    }

    /// <summary>Reads the settings' folders again (an edit may have moved them); broken settings keep the last ones.</summary>
    private void Refresh()
    {
        try
        {
            var folders = PreviewFolders.Read(request);
            if (!folders.SameAs(Folders))
            {
                _changesKnown = false; // watched from now on: what changed before the new watchers started went unseen
            }
            Folders = folders;
        }
        catch (Exception e) when (e is Diagnostics.ContentException or Diagnostics.UsageException)
        {
            // The build has just reported it.
        }
        FoldersRead?.Invoke(Folders);
    }

    /// <summary>Warnings after every build; notes (no Host...) once, after the first, since they do not change with an edit.</summary>
    private void WriteWarnings(BuildSummary summary, bool notes)
    {
        foreach (var line in notes ? summary.Warnings.Concat(summary.Notes) : summary.Warnings)
        {
            errors.WriteLine(line);
        }
    }

    private bool Drain(SortedSet<string> changed)
    {
        var any = false;
        while (_changes.Reader.TryRead(out var path))
        {
            changed.Add(path);
            any = true;
        }
        return any;
    }

    private string Describe(SortedSet<string> changed)
    {
        var first = Shown(changed.Min ?? request.Root);
        return changed.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $"{first} and {changed.Count - 1} more") : first;
    }

    private static string Shown(string path) => SitePath.Relative(Environment.CurrentDirectory, path);
}

namespace SiteGen.Preview;

/// <summary>
/// Watches the site's sources (every input and theme folder, and statiq.json) and reports each changed path. The
/// output and cache folders are left out: the build writes there, and watching them would rebuild for ever.
/// </summary>
internal sealed class SiteWatcher(Action<string> changed) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<FileSystemWatcher> _watchers = [];
    private PreviewFolders? _folders;

    /// <summary>Watches these folders from now on; does nothing when they are the ones already watched.</summary>
    public void Watch(PreviewFolders folders)
    {
        lock (_gate)
        {
            if (_folders is { } current && current.SameAs(folders))
            {
                return;
            }
            DisposeWatchers();
            _folders = folders;
            var settings = new FileSystemWatcher(Path.GetDirectoryName(folders.SettingsFile)!, Path.GetFileName(folders.SettingsFile));
            Start(settings);
            foreach (var folder in folders.Sources.Where(Directory.Exists))
            {
                Start(new FileSystemWatcher(folder) { IncludeSubdirectories = true });
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            DisposeWatchers();
        }
    }

    private void Start(FileSystemWatcher watcher)
    {
        watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size;
        // Many files at once (a git checkout) overflow the default 8 KB of events; then one rebuild covers them all.
        watcher.InternalBufferSize = 64 * 1024;
        watcher.Changed += OnChanged;
        watcher.Created += OnChanged;
        watcher.Deleted += OnChanged;
        watcher.Renamed += (_, e) =>
        {
            Report(e.OldFullPath);
            Report(e.FullPath);
        };
        watcher.Error += (_, _) => Report(watcher.Path);
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }

    private void OnChanged(object sender, FileSystemEventArgs e) => Report(e.FullPath);

    private void Report(string path)
    {
        if (_folders is { } folders && !folders.IsWrittenByTheBuild(path))
        {
            changed(path);
        }
    }

    private void DisposeWatchers()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
        _watchers.Clear();
    }
}

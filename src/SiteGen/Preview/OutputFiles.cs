using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace SiteGen.Preview;

/// <summary>
/// The output folder as the server sees it. It may not exist yet (a first build that failed) and may move (an edit
/// of OutputPath in statiq.json), so the folder is looked up again on each request rather than fixed at start.
/// </summary>
internal sealed class OutputFiles(string folder) : IFileProvider, IDisposable
{
    private readonly Lock _gate = new();
    private string _folder = folder;
    private PhysicalFileProvider? _provider;

    public string Folder
    {
        get { lock (_gate) { return _folder; } }
        set
        {
            lock (_gate)
            {
                if (value != _folder)
                {
                    _provider?.Dispose();
                    _provider = null;
                    _folder = value;
                }
            }
        }
    }

    public IFileInfo GetFileInfo(string subpath) => Provider()?.GetFileInfo(subpath) ?? new NotFoundFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => Provider()?.GetDirectoryContents(subpath) ?? NotFoundDirectoryContents.Singleton;

    /// <summary>The server only reads: it never needs to hear of changes here.</summary>
    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    public void Dispose()
    {
        lock (_gate)
        {
            _provider?.Dispose();
            _provider = null;
        }
    }

    /// <summary>
    /// A provider over the folder once it exists (PhysicalFileProvider refuses a missing folder). It keeps out of the
    /// folder: a path that climbs above it is not found.
    /// </summary>
    private PhysicalFileProvider? Provider()
    {
        lock (_gate)
        {
            if (_provider is null && Directory.Exists(_folder))
            {
                _provider = new PhysicalFileProvider(_folder);
            }
            return _provider;
        }
    }
}

using System.Collections.Frozen;
using System.Text;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace SiteGen.Rendering;

/// <summary>
/// The partials of a theme, in memory, as Fluid's <c>{% render %}</c> and <c>{% include %}</c> look them up:
/// <c>{% render 'paper-card' %}</c> asks for <c>paper-card.liquid</c>. Fluid asks the provider whether the file
/// exists on every call, then takes the parsed template from <see cref="PreparsedTemplateCache"/>; the source
/// here is only read if the cache misses, which it does not for any file this provider knows.
/// </summary>
internal sealed class PartialFileProvider(FrozenDictionary<string, string> sources) : IFileProvider
{
    /// <summary>Fixed, so the cache key never changes and the output never depends on file times.</summary>
    private static readonly DateTimeOffset Loaded = DateTimeOffset.UnixEpoch;

    public IFileInfo GetFileInfo(string subpath) =>
        sources.TryGetValue(subpath, out var source)
            ? new InMemoryFile(subpath, source)
            : new NotFoundFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class InMemoryFile(string subpath, string source) : IFileInfo
    {
        public bool Exists => true;

        public bool IsDirectory => false;

        public long Length => Encoding.UTF8.GetByteCount(source);

        public string? PhysicalPath => null;

        public string Name => Path.GetFileName(subpath);

        public DateTimeOffset LastModified => Loaded;

        public Stream CreateReadStream() => new MemoryStream(Encoding.UTF8.GetBytes(source), writable: false);
    }
}

using System.Collections.Immutable;
using SiteGen.Engine;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// Reads the files matching <paramref name="pattern"/> in <paramref name="folder"/> of every input path.
/// When two input paths hold the same relative file, the first one wins, as in Statiq. Files come in
/// ordinal order of their names so that builds are deterministic. With <paramref name="extensions"/>, only files with one
/// of them are read; any other (but a hidden one) is named in a warning, since it was surely put there to be read. With
/// <paramref name="recursive"/>, the folder's subfolders are read too.
/// </summary>
internal sealed class ReadFiles(string folder, string pattern, IReadOnlyList<string>? extensions = null, bool recursive = false) : IModule
{
    public async Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        // An input file's document is made from the file alone (its path, time and length), whatever the basis.
        var reuse = site.Session.Reuse;
        var files = reuse.Memo<FoundFile, Document>("input files", MadeFrom.KeyAlone);
        var listings = reuse.Value("folder listings", MadeFrom.KeyAlone, () => new FolderListings(reuse.Remembers));
        var directories = site.InputFolders.Select(input => Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(input, folder)))).ToArray();
        var warnings = new List<Diagnostics.Diagnostic>();
        var keys = listings.List(site.Sources, directories, pattern, site.ChangedFiles, warnings, recursive);
        foreach (var warning in warnings)
        {
            context.Warn(warning.ToString());
        }
        if (extensions is not null)
        {
            foreach (var other in keys.Where(k => !HasExtension(k.Path) && !Path.GetFileName(k.Path).StartsWith('.')))
            {
                context.Warn($"{site.Relative(other.Path)}: warning: is not read: SiteGen reads captures saved as {string.Join(", ", extensions)}; rename it, or move it out of {folder}/");
            }
            keys = [.. keys.Where(k => HasExtension(k.Path))];
        }
        var documents = new Document[keys.Length];
        // An unchanged file (same time and length) is not read again in a long-running session: it is the same
        // document as last time, and every module that saw it can reuse its work. A new process takes the hash of its
        // bytes from the cache (else reads them for it), and decodes them only for a module whose work for them is not
        // in the cache.
        await ParallelRanges.ForAsync(keys.Length, context.ParallelOptions, i => documents[i] = files.GetOrAdd(keys[i],
            key => SourceText.Keyed(key, site.Relative(key.Path), site.Session.Documents))).ConfigureAwait(false);
        return [.. inputs, .. documents];
    }

    private bool HasExtension(string path) => extensions!.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);
}

using System.Collections.Immutable;
using SiteGen.Engine;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// Reads the files matching <paramref name="pattern"/> in <paramref name="folder"/> of every input path.
/// When two input paths hold the same relative file, the first one wins, as in Statiq. Files come in
/// ordinal order of their names so that builds are deterministic.
/// </summary>
public sealed class ReadFiles(string folder, string pattern) : IModule
{
    public async Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal); // name -> absolute path
        foreach (var input in site.InputFolders)
        {
            var directory = Path.Combine(input, folder);
            if (!Directory.Exists(directory))
            {
                continue;
            }
            foreach (var file in Directory.EnumerateFiles(directory, pattern, SearchOption.TopDirectoryOnly))
            {
                found.TryAdd(Path.GetFileName(file), file);
            }
        }
        var files = found.Values.ToArray();
        var documents = new Document[files.Length];
        await Parallel.ForAsync(0, files.Length, context.ParallelOptions, (i, _) =>
        {
            // An unchanged file (same time and length) is not read again in a long-running session: it is the same
            // document as last time, and every module that saw it can reuse its work.
            var file = new FileInfo(files[i]);
            documents[i] = site.Session.Files.GetOrAdd((file.FullName, file.LastWriteTimeUtc, file.Length),
                key => Document.Create(source: site.Relative(key.Path), content: File.ReadAllText(key.Path)));
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);
        return [.. inputs, .. documents];
    }
}

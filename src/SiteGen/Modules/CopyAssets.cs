using System.Collections.Immutable;
using SiteGen.Engine;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// Finds the files under <c>assets/</c> of the theme and of the input; a file in the input overrides the
/// theme's file at the same relative path. The bytes are copied when the document is written.
/// </summary>
public sealed class CopyAssets : IModule
{
    public const string Folder = "assets";

    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal); // destination -> file
        foreach (var root in site.InputFolders.Concat(site.ThemeFolders))
        {
            var folder = Path.Combine(root, Folder);
            if (!Directory.Exists(folder))
            {
                continue;
            }
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                var destination = Path.GetRelativePath(root, file).Replace('\\', '/');
                found.TryAdd(destination, file); // earlier roots win
            }
        }
        return Task.FromResult(found
            .Select(f => Document.Create(source: site.Relative(f.Value), destination: f.Key).With(Keys.CopyFrom, f.Value))
            .ToImmutableArray());
    }
}

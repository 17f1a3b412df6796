using System.Collections.Immutable;
using SiteGen.Engine;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// Finds the files under <c>assets/</c> of the theme and of the input; a file in the input overrides the
/// theme's file at the same relative path. The bytes are copied when the document is written.
/// </summary>
internal sealed class CopyAssets : IModule
{
    public const string Folder = "assets";

    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal); // destination -> file
        var warnings = new List<Diagnostics.Diagnostic>();
        foreach (var root in site.InputFolders.Concat(site.ThemeFolders))
        {
            foreach (var file in site.Sources.Files(Path.Combine(root, Folder), "*", recursive: true, warnings))
            {
                var destination = SitePath.Relative(root, file.Path);
                if (destination.Any(char.IsControl))
                {
                    // A line of the manifest per file: a name that holds a line break cannot be one, and no URL wants it.
                    warnings.Add(Diagnostics.Diagnostic.Warning(site.Relative(file.Path), 0, "has a control character in its name, so it is not copied; rename it"));
                    continue;
                }
                found.TryAdd(destination, file.Path); // earlier roots win
            }
        }
        foreach (var warning in warnings)
        {
            context.Warn(warning.ToString());
        }
        return Task.FromResult(found
            .Select(f => Document.Create(source: site.Relative(f.Value), destination: f.Key).With(Keys.CopyFrom, f.Value))
            .ToImmutableArray());
    }
}

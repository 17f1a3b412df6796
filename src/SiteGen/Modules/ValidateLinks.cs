using System.Collections.Immutable;
using SiteGen.Engine;
using SiteGen.Site;

namespace SiteGen.Modules;

/// <summary>
/// Checks every internal link the pages of this build hold (<see cref="Links.LinkCheck"/>) against the files the site
/// will hold: runs once every other pipeline has written, and warns once per broken link.
/// </summary>
internal sealed class ValidateLinks : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        var site = context.GetService<SiteServices>();
        var report = site.Links.Check(site.Output.WillHold, site.Output.HoldsTheSameFiles);
        foreach (var broken in report.Broken)
        {
            context.Warn(broken.ToString());
        }
        return Task.FromResult(inputs);
    }
}

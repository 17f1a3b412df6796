using System.Collections.Frozen;
using Fluid;

namespace SiteGen.Rendering;

// FLUID001: ITemplateCache is marked "for evaluation" in Fluid 2.41. It is the documented hook through which
// {% render %} and {% include %} find parsed partials (TemplateOptions.TemplateCache); without it Fluid parses
// each partial on first use instead of at load, where a syntax error gets reported with its path.
#pragma warning disable FLUID001

/// <summary>
/// The partials of a theme, parsed once when the theme loads, shared by every render on every thread.
/// Read-only: the key is the name Fluid resolved (<c>paper-card.liquid</c>); the timestamp is ignored because
/// templates do not change during a build.
/// </summary>
internal sealed class PreparsedTemplateCache(FrozenDictionary<string, IFluidTemplate> templates) : ITemplateCache
{
    public bool TryGetTemplate(string subpath, DateTimeOffset lastModified, out IFluidTemplate template) =>
        templates.TryGetValue(subpath, out template!);

    /// <summary>Never needed: every partial the file provider knows is already here.</summary>
    public void SetTemplate(string subpath, DateTimeOffset lastModified, IFluidTemplate template)
    {
    }
}

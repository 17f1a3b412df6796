using System.Text.Json;
using SiteGen.Site;

namespace SiteGen.Tests;

/// <summary>SiteGen starts fast because nothing compiles C# at run time: no Roslyn, no Razor, anywhere.</summary>
public sealed class RoslynFreeTests
{
    private static readonly string[] Forbidden = ["Microsoft.CodeAnalysis", "Microsoft.AspNetCore.Razor", "Microsoft.AspNetCore.Mvc.Razor", "RazorLight", "Statiq.Razor"];

    [Fact]
    public void NoRoslynOrRazorPackageIsInTheProgramsRuntimeDependencies()
    {
        // The program's own deps.json, as published: every library it may load at run time.
        var depsFile = Path.Combine(AppContext.BaseDirectory, "sitegen.deps.json");
        using var deps = JsonDocument.Parse(File.ReadAllText(depsFile));
        var libraries = deps.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name).ToList();

        Assert.Contains(libraries, l => l.StartsWith("Fluid.Core/", StringComparison.Ordinal)); // the file is the right one
        Assert.DoesNotContain(libraries, l => Forbidden.Any(f => l.StartsWith(f, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task NoRoslynOrRazorAssemblyIsLoadedDuringABuild()
    {
        using var output = new Site.TempFolder();
        await SiteBuilder.BuildAsync(new BuildRequest(TestPaths.RepositoryRoot, output["output"], Settings: [new("CachePath", output["cache"])]));

        var loaded = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "").ToList();
        Assert.Contains("Fluid", loaded);
        Assert.DoesNotContain(loaded, name => Forbidden.Any(f => name.StartsWith(f, StringComparison.OrdinalIgnoreCase)));
    }
}

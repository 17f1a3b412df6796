using System.Reflection;

namespace SiteGen.Scaffold;

/// <summary>The program's package id and version, from the project file (one place for each), as a new site's tool manifest names them.</summary>
internal static class ToolInfo
{
    private static readonly Assembly Program = typeof(ToolInfo).Assembly;

    /// <summary>The NuGet package id of the .NET tool (the project's PackageId).</summary>
    public static string PackageId { get; } =
        Program.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "PackageId").Value!;

    /// <summary>The version, without the source revision that the informational version may carry after a '+'.</summary>
    public static string Version { get; } =
        Program.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
}

using System.IO.Compression;
using SiteGen.Tests.Site;

namespace SiteGen.Tests.Cli;

/// <summary>
/// The front door as a new user meets it: <c>dotnet pack</c> makes the .NET tool package, with the README and the
/// licence in it; <c>dotnet tool install --tool-path DIR --add-source PKGDIR SiteGen.Tool</c> installs it; and the
/// installed <c>sitegen</c> prints its version, makes a new site and builds it.
/// </summary>
public sealed class ToolPackageTests
{
    [Fact]
    public async Task TheToolPackageInstallsAndTheInstalledToolMakesAndBuildsANewSite()
    {
        using var folder = new TempFolder();
        // The build the tests already made (Debug), packed as it is: no second build of the project beside the tests.
        var pack = await SiteGenProcess.RunExecutableAsync("dotnet", "pack", Path.Combine(TestPaths.RepositoryRoot, "src", "SiteGen"),
            "--no-build", "-c", Configuration, "-o", folder["package"]);
        Assert.True(pack.ExitCode == 0, pack.StandardOutput + pack.StandardError);
        var package = Assert.Single(Directory.GetFiles(folder["package"], "SiteGen.Tool.*.nupkg"));
        using (var zip = ZipFile.OpenRead(package))
        {
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            Assert.Contains("README.md", names);
            Assert.Contains("LICENSE", names);
            Assert.Contains("tools/net10.0/any/sitegen.dll", names);
            Assert.Contains("tools/net10.0/any/DotnetToolSettings.xml", names);
        }

        var install = await SiteGenProcess.RunExecutableAsync("dotnet", "tool", "install", "--tool-path", folder["tools"],
            "--add-source", folder["package"], "SiteGen.Tool");
        Assert.True(install.ExitCode == 0, install.StandardOutput + install.StandardError);
        var sitegen = folder[OperatingSystem.IsWindows() ? "tools/sitegen.exe" : "tools/sitegen"];

        var version = await SiteGenProcess.RunExecutableAsync(sitegen, "--version");
        Assert.Equal(0, version.ExitCode);
        Assert.Equal(Path.GetFileNameWithoutExtension(package)["SiteGen.Tool.".Length..], version.StandardOutput.Trim());

        var made = await SiteGenProcess.RunExecutableAsync(sitegen, "new", folder["site"]);
        var built = await SiteGenProcess.RunExecutableAsync(sitegen, "build", "--root", folder["site"], "--strict");
        Assert.Equal((0, 0), (made.ExitCode, built.ExitCode));
        Assert.StartsWith("Built 5 papers into ", built.StandardOutput, StringComparison.Ordinal);
    }

    /// <summary>The configuration the tests were built in, which is the one src/SiteGen was built in beside them.</summary>
    private static string Configuration =>
        typeof(ToolPackageTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .Cast<System.Reflection.AssemblyConfigurationAttribute>().Single().Configuration;
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SiteGen.Tests.Site;

namespace SiteGen.Tests.Cli;

/// <summary>`sitegen preview` as a user runs it: a port in use is a usage error, Ctrl+C stops it cleanly.</summary>
public sealed class PreviewCommandTests
{
    [Fact]
    public async Task APortInUseIsAUsageErrorWithExitCodeTwo()
    {
        using var site = new TempFolder().WithDefaultSite();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var result = await SiteGenProcess.RunAsync("preview", "--root", site.Path, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: port {port} on 127.0.0.1 is in use (another preview?); stop that program or choose another port, e.g. --port {port + 1}",
            result.StandardError.Trim());
        Assert.False(Directory.Exists(site["output"])); // it fails before building
    }

    [Fact]
    public async Task CtrlCStopsThePreviewWithExitCodeZero()
    {
        using var site = new TempFolder().WithDefaultSite();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "sitegen.dll"), "preview", "--root", site.Path, "--port", "0" })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        string? line;
        do
        {
            line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
        }
        while (line is not null && !line.StartsWith("Serving ", StringComparison.Ordinal));
        Assert.Matches(@"^Serving http://127\.0\.0\.1:\d+/ ", line);

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"still running 30 s after SIGINT; it wrote:\n{await process.StandardOutput.ReadToEndAsync()}\n{await errors}");
        }

        Assert.Equal(0, process.ExitCode);
        Assert.Equal("Stopped.", (await process.StandardOutput.ReadToEndAsync()).Trim());
        Assert.DoesNotContain("   at ", await errors);
    }

    [Fact]
    public async Task HelpExplainsThePreviewOptions()
    {
        var result = await SiteGenProcess.RunAsync("preview", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--root", "--output", "--setting", "--port", "127.0.0.1" })
        {
            Assert.Contains(option, result.StandardOutput);
        }
    }
}

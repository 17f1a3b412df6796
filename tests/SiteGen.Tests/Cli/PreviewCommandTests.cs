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
        // A program started in the background by a shell without job control ignores SIGINT, and so do its children
        // (the .NET runtime keeps an ignored SIGINT ignored, as a background job should): then no Ctrl+C can be tested.
        Assert.False(SigIntIgnored(), "this test process ignores SIGINT (started in the background by a shell, e.g. `(cmd &)`); run the tests in the foreground");
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

    /// <summary>True when SIGINT (signal 2) is in this process's ignored set (Linux: the SigIgn mask of /proc/self/status).</summary>
    private static bool SigIntIgnored()
    {
        var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal)) : null;
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << (2 - 1))) != 0;
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

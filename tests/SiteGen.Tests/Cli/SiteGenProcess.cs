using System.Diagnostics;

namespace SiteGen.Tests.Cli;

/// <summary>Runs the real program (sitegen.dll beside the tests) as a user would, capturing its streams.</summary>
public static class SiteGenProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    /// <summary>The program as built for the tests: <c>dotnet sitegen.dll ARGS</c>.</summary>
    public static Task<Result> RunAsync(params string[] args) =>
        RunExecutableAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "sitegen.dll"), .. args]);

    /// <summary>Any executable, with CI unset so that tests choose strictness themselves.</summary>
    public static async Task<Result> RunExecutableAsync(string executable, params string[] args)
    {
        using var process = StartExecutable(executable, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The program, started and left running (its streams redirected: read them, or it may block on a full pipe).</summary>
    public static Process Start(params string[] args) =>
        StartExecutable("dotnet", [Path.Combine(AppContext.BaseDirectory, "sitegen.dll"), .. args]);

    private static Process StartExecutable(string executable, string[] args)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment.Remove("CI");
        return Process.Start(start)!;
    }
}

using System.CommandLine;
using SiteGen.Preview;
using SiteGen.Site;

namespace SiteGen.Cli;

/// <summary>
/// <c>sitegen preview</c>: builds the site, serves it on http://127.0.0.1:5080/, and rebuilds and reloads the open
/// pages after each edit of the sources, until Ctrl+C.
/// </summary>
internal static class PreviewCommand
{
    public const int DefaultPort = 5080;

    public static Command Create()
    {
        var root = BuildCommand.RootOption();
        var output = BuildCommand.OutputOption();
        var settings = BuildCommand.SettingOption();
        var port = new Option<int>("--port", "-p")
        {
            Description = $"The port to serve on, on 127.0.0.1 only (default {DefaultPort}; 0 takes any free port).",
            DefaultValueFactory = _ => DefaultPort,
            HelpName = "port",
        };
        var lockTimeout = BuildCommand.LockTimeoutOption();
        var command = new Command("preview",
            "Build the site, serve it on http://127.0.0.1:5080/, and rebuild and reload the open pages after each edit of input/, theme/ or statiq.json.")
        {
            root, output, settings, port, lockTimeout,
        };
        command.SetAction((parse, cancellation) => RunAsync(
            new BuildRequest(parse.GetValue(root)!, parse.GetValue(output), Settings: BuildCommand.ParseSettings(parse.GetValue(settings) ?? []),
                LockTimeout: parse.GetValue(lockTimeout), Notify: Console.Error.WriteLine),
            parse.GetValue(port),
            cancellation));
        return command;
    }

    private static async Task<int> RunAsync(BuildRequest request, int port, CancellationToken cancellation)
    {
        var server = await PreviewServer.StartAsync(request, port, Console.Out, Console.Error, cancellation).ConfigureAwait(false);
        await using (server.ConfigureAwait(false))
        {
            Console.WriteLine($"Serving {server.Address} (watching the input and theme folders and statiq.json); Ctrl+C stops.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop cleanly.
            }
        }
        Console.WriteLine("Stopped.");
        return ExitCodes.Success;
    }
}

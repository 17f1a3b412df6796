using System.Globalization;
using SiteGen.Engine;
using SiteGen.Site;

namespace SiteGen.Cli;

/// <summary>
/// On an interactive terminal, a build that takes more than two seconds shows one line of progress on
/// standard error, rewritten in place and erased at the end. Logs (redirected output, CI) stay quiet.
/// </summary>
internal sealed class ProgressLine : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly int _modules = SitePipelines.Create().Sum(p => p.Input.Length + p.Process.Length + p.PostProcess.Length + p.Output.Length);
    private readonly Timer? _timer;
    private int _completed;
    private string _last = "";
    private bool _shown;

    public ProgressLine()
    {
        if (IsInteractive())
        {
            _timer = new Timer(_ => Show(), null, Delay, Interval);
        }
    }

    /// <summary>Pass to the engine: counts what is done and remembers the latest step.</summary>
    public void Completed(string pipeline, ModuleTiming module)
    {
        Interlocked.Increment(ref _completed);
        _last = $"{pipeline} {module.Module}";
    }

    public void Dispose()
    {
        _timer?.Dispose();
        if (_shown)
        {
            Console.Error.Write("\r\u001b[2K");
        }
    }

    private void Show()
    {
        _shown = true;
        var line = string.Create(CultureInfo.InvariantCulture, $"  building… {Volatile.Read(ref _completed)}/{_modules} steps, last: {_last}");
        Console.Error.Write("\r\u001b[2K" + line);
    }

    private static bool IsInteractive() => !Console.IsErrorRedirected && !Ci.IsRunning;
}

using System.Text;
using System.Threading.Channels;

namespace SiteGen.Preview;

/// <summary>
/// What the open pages hear about builds, as Server-Sent Events: <c>reload</c> after a rebuild that changed the
/// output, <c>error</c> with the message after a failed one. A page that connects while the last build is failed
/// hears that error at once, so a page opened (or reloaded) after a broken edit shows it too.
/// </summary>
internal sealed class ReloadEvents
{
    private readonly Lock _gate = new();
    private readonly List<Channel<string>> _pages = [];
    private string? _lastError;
    private bool _completed;

    /// <summary>True while the last build failed: the next good one must reload the pages even if it wrote nothing.</summary>
    public bool LastBuildFailed
    {
        get { lock (_gate) { return _lastError is not null; } }
    }

    /// <summary>Pages connected now (for tests and the shutdown).</summary>
    public int Pages
    {
        get { lock (_gate) { return _pages.Count; } }
    }

    public void Reload()
    {
        lock (_gate)
        {
            _lastError = null;
            Send(Format("reload", "build succeeded"));
        }
    }

    public void Error(string message)
    {
        lock (_gate)
        {
            _lastError = message;
            Send(Format("error", message));
        }
    }

    /// <summary>
    /// A new page's stream of events, already registered when this returns (so no build's event can be missed
    /// between connecting and listening). Dispose it when the page goes away.
    /// </summary>
    public Subscription Subscribe()
    {
        var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            if (_completed)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                _pages.Add(channel);
                if (_lastError is { } error)
                {
                    channel.Writer.TryWrite(Format("error", error));
                }
            }
        }
        return new Subscription(this, channel);
    }

    /// <summary>Ends every page's stream: the server is stopping, and an open stream would hold it up.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            foreach (var page in _pages)
            {
                page.Writer.TryComplete();
            }
            _pages.Clear();
        }
    }

    /// <summary>One event in the text/event-stream format: a name, then each line of the data as a <c>data:</c> line.</summary>
    internal static string Format(string name, string data)
    {
        var text = new StringBuilder("event: ").Append(name).Append('\n');
        foreach (var line in data.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            text.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
        }
        return text.Append('\n').ToString();
    }

    private void Send(string message)
    {
        foreach (var page in _pages)
        {
            page.Writer.TryWrite(message);
        }
    }

    internal sealed class Subscription(ReloadEvents events, Channel<string> channel) : IDisposable
    {
        public ChannelReader<string> Events => channel.Reader;

        public void Dispose()
        {
            lock (events._gate)
            {
                events._pages.Remove(channel);
            }
            channel.Writer.TryComplete();
        }
    }
}

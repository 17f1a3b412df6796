using System.Collections.Concurrent;

namespace SiteGen.Engine.Tests.Support;

/// <summary>
/// Runs everything posted to it on one thread, in order, like a UI thread: the host a library must not
/// assume it is free of.
/// </summary>
internal sealed class SingleThreadedSynchronizationContext : SynchronizationContext, IDisposable
{
    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = [];

    public SingleThreadedSynchronizationContext()
    {
        var thread = new Thread(() =>
        {
            SetSynchronizationContext(this);
            foreach (var (callback, state) in _queue.GetConsumingEnumerable())
            {
                callback(state);
            }
        })
        { IsBackground = true, Name = nameof(SingleThreadedSynchronizationContext) };
        thread.Start();
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        try
        {
            _queue.Add((d, state));
        }
        catch (InvalidOperationException)
        {
            // Disposed: the test is over and nobody waits for this continuation any more.
        }
    }

    /// <summary>Starts <paramref name="run"/> on the context's thread, as a UI event handler would.</summary>
    public Task<T> RunAsync<T>(Func<Task<T>> run)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(async _ =>
        {
            try
            {
                result.SetResult(await run());
            }
            catch (Exception exception)
            {
                result.SetException(exception);
            }
        }, null);
        return result.Task;
    }

    public void Dispose() => _queue.CompleteAdding();
}

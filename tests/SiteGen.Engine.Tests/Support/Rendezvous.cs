namespace SiteGen.Engine.Tests.Support;

/// <summary>
/// A meeting point that every party must reach before any goes on. Parties run one after another never
/// meet: the first waits in vain until <see cref="Patience.Timeout"/> and fails, so the test fails instead
/// of hanging.
/// </summary>
internal sealed class Rendezvous(int parties)
{
    private readonly TaskCompletionSource _everyoneArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _parties = parties;
    private int _missing = parties;

    /// <summary>Blocks the thread: meeting proves the parties ran on different threads at the same time.</summary>
    public void Arrive()
    {
        Signal();
        if (!_everyoneArrived.Task.Wait(Patience.Timeout))
        {
            throw Late();
        }
    }

    public async Task ArriveAsync()
    {
        Signal();
        try
        {
            await _everyoneArrived.Task.WaitAsync(Patience.Timeout);
        }
        catch (TimeoutException)
        {
            throw Late();
        }
    }

    private void Signal()
    {
        if (Interlocked.Decrement(ref _missing) == 0)
        {
            _everyoneArrived.SetResult();
        }
    }

    private TimeoutException Late() => new(
        $"Only {_parties - Volatile.Read(ref _missing)} of {_parties} parties arrived within {Patience.Timeout.TotalSeconds} s: they did not run at the same time.");
}

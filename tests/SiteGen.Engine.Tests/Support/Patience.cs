namespace SiteGen.Engine.Tests.Support;

/// <summary>
/// How long tests wait. Every wait has a limit, so a wrong engine fails a test instead of hanging the run.
/// </summary>
internal static class Patience
{
    /// <summary>
    /// Generous: the machine has two cores shared with other builds, and blocked workers need the thread
    /// pool to inject threads. A correct engine never comes near it; a wrong one fails after it.
    /// </summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>How long a slow step takes: long enough that a wrong engine would have started the next thing meanwhile.</summary>
    public static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(200);

    /// <summary>Runs the engine from the thread pool, so the limit holds even if it blocks the calling thread.</summary>
    public static Task<EngineResult> ExecuteWithinTimeoutAsync(this Engine engine) =>
        Task.Run(() => engine.ExecuteAsync()).WaitAsync(Timeout);
}

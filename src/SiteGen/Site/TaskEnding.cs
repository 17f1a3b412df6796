namespace SiteGen.Site;

internal static class TaskEnding
{
    /// <summary>
    /// Waits for <paramref name="task"/> to end, however it ends, without throwing its failure: a commit that is being
    /// undone first lets what it started beside it finish, so that nothing is left writing, and reports its own failure.
    /// </summary>
    public static void WaitToEnd(this Task? task) => task?.ContinueWith(static _ => { }, TaskScheduler.Default).Wait();
}

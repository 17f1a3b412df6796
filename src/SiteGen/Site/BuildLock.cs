using System.Globalization;

namespace SiteGen.Site;

/// <summary>
/// One build of an output folder at a time (as Hugo's <c>.hugo_build.lock</c>): a file in the cache folder, locked for
/// the length of a build. The operating system lets go of the lock when its process ends, however it ends, so a lock
/// left by a killed build is simply taken. A second build waits, saying once for whom, up to a time limit.
/// </summary>
internal sealed class BuildLock : IDisposable
{
    private readonly FileStream _file;

    private BuildLock(FileStream file) => _file = file;

    public static string PathFor(string manifestPath) => Path.ChangeExtension(manifestPath, ".lock");

    /// <param name="waiting">Told once, in one line, when another build holds the lock.</param>
    public static async Task<BuildLock> AcquireAsync(FileOperations files, string path, TimeSpan timeout, Action<string>? waiting,
        CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow + timeout;
        var told = false;
        BuildLock? buildLock;
        while ((buildLock = TryAcquire(files, path)) is null)
        {
            var holder = ReadOwner(path + ".owner");
            if (DateTime.UtcNow >= deadline)
            {
                throw new IOException(
                    $"another build ({holder}) still holds '{path}' after {Describe(timeout)}; wait for it to end, or stop it, or raise --lock-timeout");
            }
            if (!told)
            {
                waiting?.Invoke($"waiting for the build of {holder} to finish (up to {Describe(timeout)}, --lock-timeout)");
                told = true;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellation).ConfigureAwait(false);
        }
        return buildLock;
    }

    /// <summary>The lock, or null at once when another build holds it.</summary>
    public static BuildLock? TryAcquire(FileOperations files, string path)
    {
        files.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Unix, a share mode on Windows.
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            File.WriteAllText(path + ".owner", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            return new BuildLock(file);
        }
        catch (IOException exception) when (IsHeldElsewhere(exception))
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();

    /// <summary>EWOULDBLOCK from flock on Unix; a sharing violation on Windows.</summary>
    private static bool IsHeldElsewhere(IOException exception) => exception.HResult is 11 or 35 or unchecked((int)0x80070020);

    private static string ReadOwner(string owner)
    {
        try
        {
            return "pid " + File.ReadAllText(owner).Trim();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "another process";
        }
    }

    private static string Describe(TimeSpan time) =>
        time.TotalMinutes >= 1 && time.Seconds == 0 ? $"{time.TotalMinutes:0} min" : $"{time.TotalSeconds:0.#} s";
}

namespace SiteGen.BrowserTests;

/// <summary>
/// The browser the tests drive: Debian's chromium, installed by <c>.ci/run</c>. Playwright never downloads one
/// (the machines that run the tests cannot fetch browser builds), so a missing browser is a failure that says
/// how to install it, not a skipped test.
/// </summary>
public static class Chromium
{
    /// <summary>Set this environment variable to drive another Chromium-based browser (GitHub's runners have Google Chrome).</summary>
    public const string PathVariable = "CHROMIUM_PATH";

    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>The browser's executable.</summary>
    /// <exception cref="InvalidOperationException">It is not installed.</exception>
    public static string ExecutablePath()
    {
        var path = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } chosen ? chosen : DefaultPath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {path}, and it is not there. Install it with `apt-get install -y chromium` " +
                $"(`bash .ci/run` does), or set {PathVariable} to a Chromium or Chrome executable.");
        }
        return path;
    }
}

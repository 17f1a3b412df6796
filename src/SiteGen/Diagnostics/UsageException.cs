namespace SiteGen.Diagnostics;

/// <summary>The command line was used wrongly (unknown setting, bad folder...): exit code 2, one line, no stack trace.</summary>
internal sealed class UsageException(string message) : Exception(message);

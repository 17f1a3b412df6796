namespace SiteGen.Cli;

/// <summary>The exit codes, as docs/command-line.md documents them.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The input has a mistake (or warnings under --strict).</summary>
    public const int ContentError = 1;

    /// <summary>The command line was used wrongly.</summary>
    public const int UsageError = 2;
}

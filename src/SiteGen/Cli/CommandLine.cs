using System.CommandLine;
using SiteGen.Diagnostics;
using SiteGen.Engine;

namespace SiteGen.Cli;

/// <summary>
/// The command line: parses, runs, and turns every failure into one line and an exit code. A user's
/// mistake never shows a stack trace; a bug in SiteGen does, since then the trace is what helps.
/// </summary>
internal static class CommandLine
{
    /// <summary>Every command with its options and their descriptions: the one source of <c>--help</c> and of the manual's copy of it.</summary>
    public static RootCommand CreateRoot() => new(
        "SiteGen builds a static website from research-paper listings copied from Hugging Face papers pages, the Hugging Face API " +
        "and hand-written YAML-fronted Markdown papers: a page per paper, tag and author-count indexes, feeds and search.\n" +
        "Start with: sitegen new my-papers")
    {
        NewCommand.Create(),
        BuildCommand.Create(),
        PreviewCommand.Create(),
        CheckCommand.Create(),
        ImportCommand.Create(),
        FetchCommand.Create(),
    };

    public static async Task<int> RunAsync(string[] args)
    {
        var root = CreateRoot();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line: the mistake that names what the user typed, if one does ("Unrecognized ... 'nope'"), else the first.
            var error = parse.Errors.FirstOrDefault(e => e.Message.Contains('\'')) ?? parse.Errors[0];
            var command = parse.CommandResult.Command == root ? "sitegen" : $"sitegen {parse.CommandResult.Command.Name}";
            Console.Error.WriteLine($"error: {error.Message.TrimEnd('.')}; run '{command} --help' to see what it takes");
            return ExitCodes.UsageError;
        }
        try
        {
            // Our own handler below turns exceptions into one line and an exit code.
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            return Report(exception);
        }
    }

    private static int Report(Exception exception)
    {
        var (exitCode, message) = Describe(exception);
        Console.Error.WriteLine(message);
        return exitCode;
    }

    /// <summary>
    /// What a failure means to the user: the exit code and the lines to print. The preview server prints the same
    /// lines when a rebuild fails, and keeps serving.
    /// </summary>
    internal static (int ExitCode, string Message) Describe(Exception exception) => exception switch
    {
        UsageException usage => (ExitCodes.UsageError, $"error: {usage.Message}"),
        ContentException content => (ExitCodes.ContentError, content.Diagnostic.ToString()),
        PipelineFailedException { InnerException: ContentException content } => (ExitCodes.ContentError, content.Diagnostic.ToString()),
        PipelineFailedException { InnerException: IOException or UnauthorizedAccessException } io =>
            (ExitCodes.ContentError, $"error: {io.InnerException!.Message} (pipeline {io.Pipeline}, module {io.Module})"),
        WarningsAsErrorsException strict => (ExitCodes.ContentError, string.Join('\n',
            [.. strict.Warnings, $"error: {strict.Warnings.Length} warning(s) and --strict (or CI=true): nothing was written; fix the warnings above"])),
        Links.BrokenLinksException links => (ExitCodes.ContentError, string.Join('\n',
            [.. links.Warnings, $"error: {links.Warnings.Length} warning(s) and --strict (or CI=true): nothing was written; fix the links above"])),
        Site.ReuseMismatchException mismatch => (ExitCodes.ContentError, $"error: {mismatch.Message}"),
        PipelineFailedException { InnerException: StoredWorkMismatchException stored } => (ExitCodes.ContentError, $"error: {stored.Message}"),
        Fetch.FetchFailedException fetch => (ExitCodes.ContentError, string.Join('\n', fetch.Lines)),
        IOException or UnauthorizedAccessException => (ExitCodes.ContentError, $"error: {exception.Message}"),
        // Not a bug but the machine's limit (or DOTNET_GCHeapHardLimit's): the build stopped before its commit, so the output is as it was.
        OutOfMemoryException or PipelineFailedException { InnerException: OutOfMemoryException } =>
            (ExitCodes.ContentError, $"error: SiteGen ran out of memory{(exception is PipelineFailedException failed ? $" (pipeline {failed.Pipeline}, module {failed.Module})" : "")}; "
                + "nothing was written. A build holds about 20 KB a paper: run it with more memory, or raise DOTNET_GCHeapHardLimit if it is set"),
        _ => (ExitCodes.ContentError, $"error: SiteGen failed unexpectedly; this is a bug, please report it with the trace below.\n{exception}"),
    };
}

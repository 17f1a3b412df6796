using System.CommandLine;
using SiteGen.Diagnostics;
using SiteGen.Engine;

namespace SiteGen.Cli;

/// <summary>
/// The command line: parses, runs, and turns every failure into one line and an exit code. A user's
/// mistake never shows a stack trace; a bug in SiteGen does, since then the trace is what helps.
/// </summary>
public static class CommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand(
            "SiteGen builds a static website from research-paper listings copied from Hugging Face papers pages " +
            "and from hand-written YAML-fronted Markdown papers: a page per paper, tag and author-count indexes.\n" +
            "Start with: sitegen build")
        {
            BuildCommand.Create(),
            CheckCommand.Create(),
            ImportCommand.Create(),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine($"error: {error.Message}");
            }
            Console.Error.WriteLine("Run 'sitegen --help' to see the commands and their options.");
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
        switch (exception)
        {
            case UsageException usage:
                Console.Error.WriteLine($"error: {usage.Message}");
                return ExitCodes.UsageError;
            case ContentException content:
                Console.Error.WriteLine(content.Diagnostic);
                return ExitCodes.ContentError;
            case PipelineFailedException { InnerException: ContentException content }:
                Console.Error.WriteLine(content.Diagnostic);
                return ExitCodes.ContentError;
            case PipelineFailedException { InnerException: IOException or UnauthorizedAccessException } io:
                Console.Error.WriteLine($"error: {io.InnerException!.Message} (pipeline {io.Pipeline}, module {io.Module})");
                return ExitCodes.ContentError;
            case WarningsAsErrorsException strict:
                foreach (var warning in strict.Warnings)
                {
                    Console.Error.WriteLine(warning);
                }
                Console.Error.WriteLine($"error: {strict.Warnings.Length} warning(s) and --strict (or CI=true): nothing was written; fix the warnings above");
                return ExitCodes.ContentError;
            case Links.BrokenLinksException links:
                foreach (var warning in links.Warnings)
                {
                    Console.Error.WriteLine(warning);
                }
                Console.Error.WriteLine(links.Written
                    ? $"error: {links.Warnings.Length} warning(s) and --strict (or CI=true): the site was written, but the build fails; fix the links above (sitegen check --strict finds them without writing)"
                    : $"error: {links.Warnings.Length} warning(s) and --strict (or CI=true); fix the links above");
                return ExitCodes.ContentError;
            case IOException or UnauthorizedAccessException:
                Console.Error.WriteLine($"error: {exception.Message}");
                return ExitCodes.ContentError;
            default:
                Console.Error.WriteLine($"error: SiteGen failed unexpectedly; this is a bug, please report it with the trace below.\n{exception}");
                return ExitCodes.ContentError;
        }
    }
}

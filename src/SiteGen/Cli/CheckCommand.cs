using System.CommandLine;
using System.Globalization;
using SiteGen.Site;

namespace SiteGen.Cli;

/// <summary>
/// <c>sitegen check</c>: everything <c>build</c> validates, without writing anything. It runs the same pipelines with a
/// dry-run output folder, so every page is rendered (none is kept from the last build: its links could not be
/// checked) and every internal link is found as build finds it and resolved against the files the build would make.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var root = new Option<string>("--root", "-r")
        {
            Description = "The site folder: the one that holds statiq.json, input/ and theme/.",
            DefaultValueFactory = _ => ".",
            HelpName = "folder",
        };
        var strict = new Option<bool>("--strict")
        {
            Description = "Treat warnings as errors (exit 1), broken links among them. On when CI=true.",
        };
        var settings = BuildCommand.SettingOption();
        var command = new Command("check",
            "Check the site as build would make it: front matter, listings, templates and every internal link; writes nothing in the output folder.")
        {
            root, strict, settings,
        };
        command.SetAction((parse, cancellation) => RunAsync(
            new BuildRequest(
                parse.GetValue(root)!,
                Strict: parse.GetValue(strict) || Ci.IsRunning,
                Settings: BuildCommand.ParseSettings(parse.GetValue(settings) ?? []),
                DryRun: true),
            cancellation));
        return command;
    }

    private static async Task<int> RunAsync(BuildRequest request, CancellationToken cancellation)
    {
        BuildSummary summary;
        using (var progress = new ProgressLine())
        {
            summary = await SiteBuilder.BuildAsync(request with { Progress = progress.Completed }, cancellation).ConfigureAwait(false);
        }
        foreach (var line in summary.Warnings.Concat(summary.Notes))
        {
            Console.Error.WriteLine(line);
        }
        var links = summary.Links;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Checked {Counted.Of(summary.Papers, "paper")}: {Counted.Of(summary.FilesProduced, "file")} would be written, {Counted.Of(links.Links, "internal link")} on {Counted.Of(links.Pages, "page")}, {links.Broken.Length} broken, {Counted.Of(summary.Warnings.Length, "warning")}, in {summary.Elapsed.TotalSeconds:0.00} s. Nothing was written."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  Link check: reading pages {links.ReadingTime.TotalMilliseconds:0} ms (all threads), resolving {links.CheckingTime.TotalMilliseconds:0} ms"));
        foreach (var capture in summary.Captures)
        {
            Console.WriteLine("  " + capture);
        }
        return ExitCodes.Success;
    }
}

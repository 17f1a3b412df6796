using System.CommandLine;
using System.Globalization;
using SiteGen.Import;
using SiteGen.Site;

namespace SiteGen.Cli;

/// <summary>
/// <c>sitegen import FILE...</c>: writes each paper of the given listings to <c>input/papers/{slug}.md</c>, to curate
/// by hand. A page that is already there is kept unless <c>--force</c>; the report names every page.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Listing files: text saved from Hugging Face papers pages.",
            Arity = ArgumentArity.OneOrMore,
            HelpName = "FILE",
        };
        var root = new Option<string>("--root", "-r")
        {
            Description = "The site folder: the one that holds statiq.json and input/. Pages go to its input/papers/.",
            DefaultValueFactory = _ => ".",
            HelpName = "folder",
        };
        var force = new Option<bool>("--force", "-f")
        {
            Description = "Overwrite pages that already exist (by default they are kept, with whatever was curated in them).",
        };
        var captureYear = new Option<int?>("--capture-year")
        {
            Description = "The year the listings were saved, for dates shown without a year (default: the ListingCaptureYears setting, else inferred).",
            HelpName = "year",
        };
        var command = new Command("import", "Write each paper of the given listings to input/papers/{slug}.md, to curate by hand.")
        {
            files, root, force, captureYear,
        };
        command.SetAction(parse => Run(
            parse.GetValue(root)!,
            parse.GetValue(files) ?? [],
            parse.GetValue(captureYear),
            parse.GetValue(force)));
        return command;
    }

    private static int Run(string root, string[] files, int? captureYear, bool force)
    {
        if (captureYear is < 1 or > 9999)
        {
            throw new Diagnostics.UsageException($"--capture-year {captureYear} is not a year; give it as four digits, e.g. --capture-year 2025");
        }
        var plan = ListingImporter.Plan(root, files, captureYear, SiteBuilder.ReadEnvironment());
        foreach (var warning in plan.Warnings)
        {
            Console.Error.WriteLine(warning);
        }
        var written = ListingImporter.Write(plan, force).Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var page in plan.Pages)
        {
            Console.WriteLine(written.Contains(page.Path)
                ? $"{(page.Exists ? "overwrote" : "wrote")} {Shown(page.Path)}"
                : $"kept {Shown(page.Path)} (it exists; --force overwrites it)");
        }
        var kept = plan.Pages.Length - written.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Imported {Counted.Of(plan.Pages.Length, "paper")} from {Counted.Of(plan.Listings, "listing")}: {written.Count} written, {kept} kept, {Counted.Of(plan.Warnings.Length, "warning")}."));
        return ExitCodes.Success;
    }

    /// <summary>A path as the user would type it: relative to the current folder, forward slashes.</summary>
    private static string Shown(string path) => SitePath.Relative(Environment.CurrentDirectory, path);
}

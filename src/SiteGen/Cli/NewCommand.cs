using System.CommandLine;
using SiteGen.Diagnostics;
using SiteGen.Scaffold;

namespace SiteGen.Cli;

/// <summary>
/// <c>sitegen new [FOLDER]</c>: makes a site that builds as it is (<see cref="NewSite"/>). The folder must be empty or
/// new, unless <c>--force</c>; even then no file is ever overwritten: one that exists is kept, and the report says so.
/// </summary>
internal static class NewCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder")
        {
            Description = "The folder of the new site; it must be empty or not exist yet (default: the current folder).",
            DefaultValueFactory = _ => ".",
            HelpName = "FOLDER",
        };
        var theme = new Option<bool>("--theme")
        {
            Description = "Also copy the built-in theme into theme/, to edit it (without it the site uses the built-in theme, and a file in theme/ replaces the built-in one of the same name).",
        };
        var force = new Option<bool>("--force", "-f")
        {
            Description = "Write into a folder that is not empty: the files that are missing are added, and none is overwritten.",
        };
        var command = new Command("new", "Make a new site in FOLDER: settings, a sample listing, tags, an about page, and a GitHub Pages workflow that adds each day's papers.")
        {
            folder, theme, force,
        };
        command.SetAction(parse => Run(parse.GetValue(folder)!, parse.GetValue(theme), parse.GetValue(force)));
        return command;
    }

    private static int Run(string folder, bool withTheme, bool force)
    {
        var full = Path.GetFullPath(folder);
        if (File.Exists(full))
        {
            throw new UsageException($"'{folder}' is a file; name a folder for the new site");
        }
        if (!force && Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            throw new UsageException($"'{folder}' is not empty; choose an empty or new folder, or add --force to add the site's files that are missing (none is overwritten)");
        }

        var written = 0;
        foreach (var (path, bytes) in NewSite.Files(withTheme))
        {
            var target = Path.Combine(full, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                // CreateNew: a file that appeared since the check above is kept all the same.
                using var stream = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
                stream.Write(bytes);
                Console.WriteLine($"created {Shown(folder, path)}");
                written++;
            }
            catch (IOException) when (File.Exists(target) || Directory.Exists(target))
            {
                Console.WriteLine($"kept {Shown(folder, path)} (it exists)");
            }
        }
        var here = Path.GetFullPath(folder) == Path.GetFullPath(".");
        var shown = here ? "the current folder" : Path.TrimEndingDirectorySeparator(folder);
        Console.WriteLine($"Made a site in {shown}: {Counted.Of(written, "file")} written. Next: {(here ? "" : $"cd {shown} && ")}sitegen preview");
        return ExitCodes.Success;
    }

    private static string Shown(string folder, string path) => folder is "." or "./" ? path : Path.Combine(folder, path).Replace('\\', '/');
}

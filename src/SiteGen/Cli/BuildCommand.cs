using System.CommandLine;
using System.Globalization;
using SiteGen.Diagnostics;
using SiteGen.Engine;
using SiteGen.Site;

namespace SiteGen.Cli;

/// <summary><c>sitegen build</c>: builds the site and reports what it did in a few lines.</summary>
internal static class BuildCommand
{
    public static Command Create()
    {
        var root = RootOption();
        var output = OutputOption();
        var strict = new Option<bool>("--strict")
        {
            Description = "Treat warnings as errors: fail, and write nothing, if the input has any problem. On when CI=true.",
        };
        var settings = SettingOption();
        var verbose = new Option<bool>("--verbose", "-v")
        {
            Description = "Also print how long each module of each pipeline took.",
        };
        var lockTimeout = LockTimeoutOption();
        var command = new Command("build", "Build the site from input/ and theme/ into the output folder.")
        {
            root, output, strict, settings, verbose, lockTimeout,
        };
        command.SetAction((parse, cancellation) => RunAsync(
            new BuildRequest(
                parse.GetValue(root)!,
                parse.GetValue(output),
                parse.GetValue(strict) || Ci.IsRunning,
                ParseSettings(parse.GetValue(settings) ?? []),
                LockTimeout: parse.GetValue(lockTimeout),
                Notify: Console.Error.WriteLine),
            parse.GetValue(verbose),
            cancellation));
        return command;
    }

    /// <summary>--lock-timeout, as build and preview take it: seconds, or a number with s, m or h.</summary>
    internal static Option<TimeSpan?> LockTimeoutOption() => new("--lock-timeout")
    {
        Description = "How long to wait for another build of the same output folder to end before failing (default 10m): 90, 90s, 10m, 1h.",
        HelpName = "time",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : "";
            var unit = text.Length > 0 && char.IsAsciiLetter(text[^1]) ? char.ToLowerInvariant(text[^1]) : 's';
            var number = unit == 's' && text.Length > 0 && char.IsAsciiDigit(text[^1]) ? text : text[..Math.Max(0, text.Length - 1)];
            if (!double.TryParse(number, NumberStyles.None | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                || unit is not ('s' or 'm' or 'h') || value > 24 * 3600)
            {
                result.AddError($"--lock-timeout '{text}' is not a time; write it as 90, 90s, 10m or 1h");
                return null;
            }
            return unit switch { 'h' => TimeSpan.FromHours(value), 'm' => TimeSpan.FromMinutes(value), _ => TimeSpan.FromSeconds(value) };
        },
    };

    /// <summary>--root, as build and preview take it.</summary>
    internal static Option<string> RootOption() => new("--root", "-r")
    {
        Description = "The site folder: the one that holds statiq.json, input/ and theme/.",
        DefaultValueFactory = _ => ".",
        HelpName = "folder",
    };

    /// <summary>--output, as build and preview take it.</summary>
    internal static Option<string?> OutputOption() => new("--output", "-o")
    {
        Description = "Where to write the site (default: the OutputPath setting, 'output' under the site folder).",
        HelpName = "folder",
    };

    /// <summary>--setting Key=Value, as build and preview take it (see <see cref="ParseSettings"/>).</summary>
    internal static Option<string[]> SettingOption() => new("--setting", "-s")
    {
        Description = "Override a setting of statiq.json, e.g. --setting SiteTitle=\"My papers\". Repeatable.",
        HelpName = "Key=Value",
        // One value per --setting: a --setting with none is a mistake, not nothing to do.
        Arity = ArgumentArity.OneOrMore,
    };

    private static async Task<int> RunAsync(BuildRequest request, bool verbose, CancellationToken cancellation)
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
        Report(summary, verbose);
        return ExitCodes.Success;
    }

    private static void Report(BuildSummary summary, bool verbose)
    {
        var inv = CultureInfo.InvariantCulture;
        var output = Path.GetRelativePath(Environment.CurrentDirectory, summary.OutputPath);
        Console.WriteLine(string.Create(inv,
            $"Built {Counted.Of(summary.Papers, "paper")} into {output}/: {Counted.Of(summary.FilesProduced, "file")} ({summary.FilesWritten} written, {summary.FilesRemoved} removed), {Counted.Of(summary.Warnings.Length, "warning")}, in {summary.Elapsed.TotalSeconds:0.00} s."));
        Console.WriteLine(summary.UpToDate
            ? "  Up to date: no input, setting or output file changed since the last build."
            : "  " + string.Join("  ", summary.Pipelines.Select(p => string.Create(inv, $"{p.Name} {p.Elapsed.TotalMilliseconds:0} ms"))));
        if (!verbose)
        {
            return;
        }
        Console.WriteLine(string.Create(inv,
            $"  Link check: {summary.Links.Links} internal links on {summary.Links.Pages} pages, {summary.Links.Broken.Length} broken; reading pages {summary.Links.ReadingTime.TotalMilliseconds:0} ms (all threads), resolving {summary.Links.CheckingTime.TotalMilliseconds:0} ms"));
        // The process's own figures, for whoever measures a build: the collector's pauses stop every thread, so they
        // cost wall time beyond their share of the CPU.
        using (var self = System.Diagnostics.Process.GetCurrentProcess())
        {
            Console.WriteLine(string.Create(inv,
                $"  Memory: peak {Size(self.PeakWorkingSet64)}, {Size(GC.GetTotalAllocatedBytes())} allocated; collections {GC.CollectionCount(0)} / {GC.CollectionCount(1)} / {GC.CollectionCount(2)} (gen0 / gen1 / gen2), paused {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms")
                + (summary.Collector is { } collector ? "; " + collector : ""));
        }
        if (summary.Cache.Length > 0)
        {
            Console.WriteLine("  Cache: " + Size(summary.Cache.Sum(f => f.Bytes)) + " ("
                + string.Join(", ", summary.Cache.Select(f => $"{Path.GetRelativePath(Environment.CurrentDirectory, f.Path)} {Size(f.Bytes)}")) + ")");
        }
        foreach (var capture in summary.Captures)
        {
            Console.WriteLine("  " + capture);
        }
        foreach (var pipeline in summary.Pipelines)
        {
            foreach (var module in pipeline.Modules)
            {
                Console.WriteLine(string.Create(inv,
                    $"  {pipeline.Name,-13} {module.Phase,-11} {module.Module,-24} {module.Elapsed.TotalMilliseconds,8:0.0} ms  {module.DocumentsOut,7} documents"));
            }
        }
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MB"),
    };

    internal static List<KeyValuePair<string, string>> ParseSettings(string[] pairs)
    {
        var settings = new List<KeyValuePair<string, string>>(pairs.Length);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                throw new UsageException($"--setting '{pair}' is not Key=Value; write it as --setting SiteTitle=\"My papers\"");
            }
            settings.Add(new(pair[..equals].Trim(), pair[(equals + 1)..]));
        }
        return settings;
    }
}

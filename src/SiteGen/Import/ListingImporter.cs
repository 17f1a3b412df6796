using System.Collections.Immutable;
using System.Text;
using SiteGen.Diagnostics;
using SiteGen.Listings;
using SiteGen.Papers;
using SiteGen.Settings;
using SiteGen.Site;
using SiteGen.Tags;

namespace SiteGen.Import;

/// <summary>
/// <c>sitegen import</c>: turns listing files into hand-written papers, <c>input/papers/{slug}.md</c>, that a person
/// can then curate. The papers are made exactly as a build makes them from <c>input/listings/</c> (the same parser,
/// merge and tag matcher, the same writer as <c>/papers/{slug}.md</c>), so importing a listing and building gives
/// the same papers as building with the listing in <c>input/listings/</c>.
/// </summary>
internal static class ListingImporter
{
    public const string PapersFolder = "papers";

    /// <summary>
    /// Reads and parses every listing and works out each paper's page. Nothing is written, so a mistake in the last
    /// file leaves the site as it was.
    /// </summary>
    /// <param name="root">The site folder (statiq.json, input/).</param>
    /// <param name="files">Listing files, as the user named them; their order is the merge order.</param>
    /// <param name="captureYear">The year for dates shown without one, for every file; null to use <c>ListingCaptureYears</c>.</param>
    /// <param name="environment">Environment variables, for <c>SITEGEN_Key</c> settings.</param>
    /// <exception cref="UsageException">The site folder or a listing file does not exist.</exception>
    /// <exception cref="ContentException">A listing cannot be read, or statiq.json / tags.yml has a mistake.</exception>
    public static ImportPlan Plan(string root, IReadOnlyList<string> files, int? captureYear, IDictionary<string, string?> environment)
    {
        root = Path.GetFullPath(root);
        if (!Directory.Exists(root))
        {
            throw new UsageException($"the site folder '{root}' does not exist; pass --root with the folder that holds statiq.json and input/");
        }
        var warnings = new List<Diagnostic>();
        var settings = SettingsLoader.Load(root, [], environment, warnings);
        var inputFolders = settings.InputPaths.Select(p => Path.GetFullPath(p, root)).ToArray();
        var matcher = new TagMatcher(TagVocabularyFile.Load(root, inputFolders).Vocabulary);

        var papers = new List<Paper>();
        foreach (var file in files)
        {
            var parsed = CaptureReader.Read(file, ReadListing(file), captureYear ?? settings.CaptureYearOf(Path.GetFileName(file)));
            warnings.AddRange(parsed.Warnings);
            papers.AddRange(parsed.Entries.Select(PaperFactory.FromListingEntry));
        }
        var merged = PaperMerger.Merge(papers);
        warnings.AddRange(merged.Warnings);

        var pages = merged.Papers
            .Select(paper => paper with { Tags = matcher.Apply(paper) })
            .Select(paper => PageOf(paper, inputFolders))
            .ToImmutableArray();
        return new ImportPlan(files.Count, pages, [.. warnings]);
    }

    /// <summary>Writes the pages that do not exist yet, and with <paramref name="force"/> those that do.</summary>
    /// <returns>The pages written.</returns>
    public static ImmutableArray<ImportedPage> Write(ImportPlan plan, bool force)
    {
        var written = ImmutableArray.CreateBuilder<ImportedPage>();
        foreach (var page in plan.Pages.Where(p => force || !p.Exists))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(page.Path)!);
            // The bytes the build serves at /papers/{slug}.md; written beside and moved, so no half page is left.
            var temporary = page.Path + ".tmp";
            File.WriteAllBytes(temporary, Encoding.UTF8.GetBytes(FrontMatter.Write(page.Paper)));
            File.Move(temporary, page.Path, overwrite: true);
            written.Add(page);
        }
        return written.DrainToImmutable();
    }

    /// <summary>
    /// The page of a paper in the first input folder, unless a later input folder already has one with its name:
    /// that page is the one the build reads, so it is the one to keep or overwrite.
    /// </summary>
    private static ImportedPage PageOf(Paper paper, string[] inputFolders)
    {
        var name = paper.Slug + ".md"; // a slug is lowercase ASCII letters, digits and hyphens: it cannot leave the folder
        var existing = inputFolders.Select(f => Path.Combine(f, PapersFolder, name)).FirstOrDefault(File.Exists);
        return new ImportedPage(paper, existing ?? Path.Combine(inputFolders[0], PapersFolder, name), existing is not null);
    }

    /// <summary>The listing's text; a file that is not UTF-8 text is an error at its first bad byte, not a page of U+FFFD.</summary>
    private static string ReadListing(string file)
    {
        if (Directory.Exists(file))
        {
            throw new UsageException($"'{file}' is a folder; name the listing files in it, e.g. {Path.Combine(file, "*.txt")}");
        }
        if (!File.Exists(file))
        {
            throw new UsageException($"listing file '{file}' does not exist; check the path");
        }
        return SourceText.Read(file, file);
    }
}

using SiteGen.Site;

namespace SiteGen.Tags;

/// <summary>Finds and loads <c>tags.yml</c> as the build and <c>import</c> both need it: the first input folder that has one wins.</summary>
internal static class TagVocabularyFile
{
    /// <param name="root">The site folder; paths in errors are relative to it.</param>
    /// <param name="inputFolders">Absolute input folders, in priority order.</param>
    /// <returns>The vocabulary (empty when no folder has the file) and the file's text (empty then), which builds fingerprint.</returns>
    /// <param name="warnings">A tags.yml that is a symbolic link out of the site, which is not read.</param>
    public static (TagVocabulary Vocabulary, string Text) Load(string root, IReadOnlyList<string> inputFolders, List<Diagnostics.Diagnostic>? warnings = null)
    {
        var sources = new Site.SourceTree(root, inputFolders);
        var path = inputFolders.Select(f => sources.Find(f, TagVocabulary.FileName, warnings)?.Path).FirstOrDefault(p => p is not null);
        if (path is null)
        {
            return (TagVocabulary.Empty, "");
        }
        var display = SitePath.Relative(root, path);
        var text = Site.SourceText.Read(path, display);
        return (TagVocabulary.Load(display, text), text);
    }
}

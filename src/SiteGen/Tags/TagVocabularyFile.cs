namespace SiteGen.Tags;

/// <summary>Finds and loads <c>tags.yml</c> as the build and <c>import</c> both need it: the first input folder that has one wins.</summary>
public static class TagVocabularyFile
{
    /// <param name="root">The site folder; paths in errors are relative to it.</param>
    /// <param name="inputFolders">Absolute input folders, in priority order.</param>
    /// <returns>The vocabulary (empty when no folder has the file) and the file's text (empty then), which builds fingerprint.</returns>
    public static (TagVocabulary Vocabulary, string Text) Load(string root, IEnumerable<string> inputFolders)
    {
        var path = inputFolders.Select(f => Path.Combine(f, TagVocabulary.FileName)).FirstOrDefault(File.Exists);
        if (path is null)
        {
            return (TagVocabulary.Empty, "");
        }
        var text = File.ReadAllText(path);
        return (TagVocabulary.Load(Path.GetRelativePath(root, path).Replace('\\', '/'), text), text);
    }
}

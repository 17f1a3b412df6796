namespace SiteGen.Site;

/// <summary>What is at a path, without following a symbolic link there (lstat).</summary>
internal enum EntryKind
{
    Missing,
    File,
    Directory,
    Link,
}

internal static class Entries
{
    public static EntryKind KindOf(string path) => KindOf(new FileInfo(path));

    /// <summary>What <paramref name="entry"/> is, as it was when it was first asked about (a FileInfo keeps its status).</summary>
    public static EntryKind KindOf(FileInfo entry)
    {
        var attributes = entry.Attributes;
        // FileSystemInfo answers -1 (every flag) for a path where nothing is; a symbolic link, dangling or not, is a
        // reparse point whatever it points to.
        return (int)attributes == -1 ? EntryKind.Missing
            : attributes.HasFlag(FileAttributes.ReparsePoint) ? EntryKind.Link
            : attributes.HasFlag(FileAttributes.Directory) ? EntryKind.Directory
            : EntryKind.File;
    }
}

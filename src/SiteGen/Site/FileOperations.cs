namespace SiteGen.Site;

/// <summary>
/// Every change a build makes on disk, in the output and cache folders: made folders, new files, renames and deletes.
/// They all go through one object so that tests can fail any one of them (a full disk, a read-only folder, a path that
/// turned into a folder) and check that the next build still ends where a cold build does. Reads do not go through it.
/// </summary>
internal class FileOperations : Engine.IStoreFiles
{
    /// <summary>The real file system.</summary>
    public static FileOperations Disk { get; } = new();

    public virtual void CreateDirectory(string path) => Directory.CreateDirectory(path);

    /// <summary>
    /// A new file, for writing; fails if anything (a file, a folder, a symbolic link) is at <paramref name="path"/>.
    /// <paramref name="buffered"/> false: for a file written whole at once (a page), which a buffer would only copy; a
    /// 64 KB buffer for each page was 40% of all that a cold build allocated.
    /// </summary>
    public virtual Stream CreateNew(string path, bool buffered = true) =>
        new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: buffered ? 1 << 16 : 0);

    Stream Engine.IStoreFiles.CreateNew(string path) => CreateNew(path);

    /// <summary>An existing file, for writing at its end (a cache file that grows).</summary>
    public virtual Stream OpenAppend(string path) =>
        new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 1 << 16);

    void Engine.IStoreFiles.WriteAtomically(string path, Action<Stream> write) => WriteAtomically(path, write);

    void Engine.IStoreFiles.Delete(string path) => TryDelete(path);

    /// <summary>Renames a file, a folder or a symbolic link (never what it points to); nothing may be at <paramref name="destination"/>.</summary>
    public virtual void Move(string source, string destination)
    {
        if (Directory.Exists(source)) // a folder, or a link to one: Directory.Move renames the link itself
        {
            Directory.Move(source, destination);
        }
        else
        {
            File.Move(source, destination, overwrite: false);
        }
    }

    /// <summary>Renames a file over another one in one step (a cache file written beside its old self).</summary>
    public virtual void Replace(string source, string destination) => File.Move(source, destination, overwrite: true);

    /// <summary>Deletes a file or a symbolic link (never what it points to).</summary>
    public virtual void DeleteFile(string path) => File.Delete(path);

    /// <summary>Deletes an empty folder.</summary>
    public virtual void DeleteDirectory(string path) => Directory.Delete(path);

    /// <summary>Deletes a folder of SiteGen's own with everything in it; symbolic links in it are removed, not followed.</summary>
    public virtual void DeleteTree(string path) => Directory.Delete(path, recursive: true);

    /// <summary>
    /// Writes a cache file so that it is either the old file or the whole new one, whatever happens: into a new file
    /// beside it (<paramref name="temporary"/>, by default the path and <c>.partial</c>), which then replaces it.
    /// </summary>
    public void WriteAtomically(string path, Action<Stream> write, string? temporary = null)
    {
        CreateDirectory(Path.GetDirectoryName(path)!);
        temporary ??= path + ".partial";
        if (File.Exists(temporary))
        {
            DeleteFile(temporary);
        }
        try
        {
            using (var stream = CreateNew(temporary))
            {
                write(stream);
            }
            Replace(temporary, path);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Deletes a file if it is there; a failure is ignored (what is left is only ever SiteGen's own leftover).</summary>
    public void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path) || new FileInfo(path).LinkTarget is not null)
            {
                DeleteFile(path);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
        }
    }
}

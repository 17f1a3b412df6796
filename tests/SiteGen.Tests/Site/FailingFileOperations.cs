using SiteGen.Site;

namespace SiteGen.Tests.Site;

/// <summary>
/// The disk, except that the <see cref="FailAt"/>-th change (a folder made, a file created or appended to, a rename, a delete; counted
/// from 1) fails as a full disk would, and with <see cref="Persistent"/> every change after it too. Counts them all.
/// </summary>
internal sealed class FailingFileOperations(int failAt = 0, bool persistent = false) : FileOperations
{
    private int _count;

    public int FailAt { get; } = failAt;

    public bool Persistent { get; } = persistent;

    /// <summary>How many changes were asked for so far.</summary>
    public int Count => _count;

    /// <summary>True once a change has failed.</summary>
    public bool Failed { get; private set; }

    public override void CreateDirectory(string path)
    {
        // Making a folder that exists changes nothing, and is not counted: the build asks for it whenever it writes there.
        if (!Directory.Exists(path))
        {
            Next("create folder", path);
        }
        base.CreateDirectory(path);
    }

    public override Stream CreateNew(string path, bool buffered = true)
    {
        Next("create", path);
        return base.CreateNew(path, buffered);
    }

    public override Stream OpenAppend(string path)
    {
        Next("append", path);
        return base.OpenAppend(path);
    }

    public override void Move(string source, string destination)
    {
        Next("move", source);
        base.Move(source, destination);
    }

    public override void Replace(string source, string destination)
    {
        Next("replace", destination);
        base.Replace(source, destination);
    }

    public override void DeleteFile(string path)
    {
        Next("delete", path);
        base.DeleteFile(path);
    }

    public override void DeleteDirectory(string path)
    {
        Next("delete folder", path);
        base.DeleteDirectory(path);
    }

    public override void DeleteTree(string path)
    {
        Next("delete tree", path);
        base.DeleteTree(path);
    }

    private void Next(string what, string path)
    {
        var n = Interlocked.Increment(ref _count);
        if (FailAt > 0 && (n == FailAt || (Persistent && n > FailAt)))
        {
            Failed = true;
            throw new IOException($"No space left on device (injected: change {n}, {what} {path})");
        }
    }
}

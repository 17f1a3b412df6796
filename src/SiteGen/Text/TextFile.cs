using System.Buffers;
using System.Text;
using Microsoft.Win32.SafeHandles;
using SiteGen.Engine;

namespace SiteGen.Text;

/// <summary>
/// Where a one-off build puts what it would otherwise hold for every paper until its pages are written: the abstracts
/// (at 100,000 papers, as strings, 3.4 KB of the 10.8 KB a paper held) and the cards of the list pages (1.05 KB). Each is
/// written once as UTF-8 and read back (from the system's file cache, as a rule) each time a step reads it: an abstract
/// about ten times, a card about five. One file in the cache folder, for one build: deleted when it is closed, and by
/// the next build if a process that was killed left it.
/// </summary>
internal sealed class TextFile : IDisposable, IByteFile
{
    private readonly SafeFileHandle _file;
    private readonly string _path;
    private long _length;

    private TextFile(SafeFileHandle file, string path) => (_file, _path) = (file, path);

    public static TextFile Create(string path)
    {
        File.Delete(path);
        return new TextFile(File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose), path);
    }

    /// <summary>Writes <paramref name="text"/> to the file (from any thread), and returns it as kept there.</summary>
    public StoredText Keep(string text)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            return Keep(bytes.AsSpan(0, Encoding.UTF8.GetBytes(text, bytes)), text.Length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Writes <paramref name="utf8"/> to the file (from any thread), and returns it as kept there.</summary>
    public StoredText Keep(ReadOnlySpan<byte> utf8) => Keep(utf8, length: -1);

    private StoredText Keep(ReadOnlySpan<byte> utf8, int length)
    {
        var offset = Interlocked.Add(ref _length, utf8.Length) - utf8.Length;
        RandomAccess.Write(_file, utf8, offset);
        return new StoredText(this, offset, utf8.Length, length);
    }

    /// <summary>Fills <paramref name="bytes"/> from <paramref name="offset"/>, with what <see cref="Keep"/> wrote there.</summary>
    public void Read(long offset, Span<byte> bytes) => ByteFiles.ReadExactly(_file, offset, bytes, _path);

    public void Dispose() => _file.Dispose();
}

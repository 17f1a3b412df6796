using System.Security.Cryptography;
using System.Text;

namespace SiteGen.Benchmarks.Generation;

/// <summary>Writing, copying and fingerprinting the files of a generated site.</summary>
internal static class FileTree
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes UTF-8 text without a byte-order mark, creating the folders on the way.</summary>
    public static void Write(string root, string relativePath, string text)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, Utf8);
    }

    /// <summary>Copies every file under <paramref name="from"/> to the same relative path under <paramref name="to"/>.</summary>
    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    /// <summary>True when <paramref name="folder"/> is missing or holds nothing.</summary>
    public static bool IsEmptyOrMissing(string folder) =>
        !Directory.Exists(folder) || !Directory.EnumerateFileSystemEntries(folder).Any();

    /// <summary>
    /// SHA-256 over every file under <paramref name="root"/>: relative paths (with '/') in ordinal order, each
    /// followed by its length and bytes. Equal trees give equal hashes, whatever the file system's order.
    /// </summary>
    public static (int Files, string Sha256) Fingerprint(string root)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(root, f).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToArray();
        foreach (var (full, relative) in files)
        {
            var bytes = File.ReadAllBytes(full);
            hash.AppendData(Encoding.UTF8.GetBytes($"{relative}\0{bytes.Length}\0"));
            hash.AppendData(bytes);
        }
        return (files.Length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}

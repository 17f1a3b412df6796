namespace SiteGen.Site;

/// <summary>
/// A memo key for what was read from one input file: its path and text (and the setting that shapes how it
/// is read, such as a listing's capture year). Hashing uses the text's length, not its characters: a rebuild
/// looks up every listing and page, and hashing megabytes of unchanged text each time would cost more than
/// the lookup saves. Equality still compares the text, so a same-length edit is never mistaken for the old
/// text; an unchanged file's text is the very string the last build read, which compares by reference at once.
/// </summary>
public readonly struct SourceText(string path, string text, int? setting = null) : IEquatable<SourceText>
{
    public string Path { get; } = path;

    public string Text { get; } = text;

    public int? Setting { get; } = setting;

    public bool Equals(SourceText other) =>
        Setting == other.Setting
        && string.Equals(Path, other.Path, StringComparison.Ordinal)
        && (ReferenceEquals(Text, other.Text) || string.Equals(Text, other.Text, StringComparison.Ordinal));

    public override bool Equals(object? obj) => obj is SourceText other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Path, Text.Length, Setting);
}

namespace SiteGen.Diagnostics;

/// <summary>
/// A mistake in the user's input that stops the build. The command line prints <see cref="Diagnostic"/>
/// as one line and exits 1, with no stack trace.
/// </summary>
internal sealed class ContentException(Diagnostic diagnostic) : Exception(diagnostic.ToString())
{
    public Diagnostic Diagnostic { get; } = diagnostic;

    public ContentException(string path, int line, int column, string message)
        : this(Diagnostic.Error(path, line, column, message))
    {
    }
}

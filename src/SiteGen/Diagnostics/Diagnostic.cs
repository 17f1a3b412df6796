namespace SiteGen.Diagnostics;

internal enum Severity
{
    Warning,
    Error,
}

/// <summary>
/// A problem in the input, printed the way compilers print them so editors can jump to it:
/// <c>path:line:column: error: what is wrong; how to fix it</c>. Line and column are 1-based; 0 leaves them out.
/// </summary>
internal sealed record Diagnostic(string Path, int Line, int Column, Severity Severity, string Message)
{
    public static Diagnostic Warning(string path, int line, string message, int column = 0) =>
        new(path, line, column, Severity.Warning, message);

    public static Diagnostic Error(string path, int line, int column, string message) =>
        new(path, line, column, Severity.Error, message);

    public override string ToString()
    {
        var where = Line <= 0 ? Path : Column <= 0 ? $"{Path}:{Line}" : $"{Path}:{Line}:{Column}";
        var severity = Severity == Severity.Error ? "error" : "warning";
        return $"{where}: {severity}: {Message}";
    }
}

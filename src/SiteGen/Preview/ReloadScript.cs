using System.Text;

namespace SiteGen.Preview;

/// <summary>
/// The live-reload script (<c>reload.js</c>, embedded in the program) and the one tag that loads it, which the
/// preview server adds to each HTML page it serves. Files on disk never get it: the output stays exactly what
/// <c>build</c> writes.
/// </summary>
internal static class ReloadScript
{
    public const string Url = "/_sitegen/reload.js";

    public const string EventsUrl = "/_sitegen/events";

    public static readonly byte[] Tag = Encoding.UTF8.GetBytes($"<script src=\"{Url}\"></script>\n");

    public static byte[] Script { get; } = Load();

    /// <summary>
    /// The page with the tag before its last <c>&lt;/body&gt;</c> (the theme writes it in lower case), or at its end
    /// when it has none: a browser runs a script there too.
    /// </summary>
    public static byte[] InjectInto(ReadOnlySpan<byte> html)
    {
        var end = html.LastIndexOf("</body>"u8);
        if (end < 0)
        {
            end = html.Length;
        }
        var page = new byte[html.Length + Tag.Length];
        html[..end].CopyTo(page);
        Tag.CopyTo(page.AsSpan(end));
        html[end..].CopyTo(page.AsSpan(end + Tag.Length));
        return page;
    }

    private static byte[] Load()
    {
        using var stream = typeof(ReloadScript).Assembly.GetManifestResourceStream("SiteGen.Preview.reload.js")
            ?? throw new InvalidOperationException("reload.js is not embedded in the program; see SiteGen.csproj");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}

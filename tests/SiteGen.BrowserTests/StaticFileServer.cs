using System.Net;
using System.Net.Sockets;

namespace SiteGen.BrowserTests;

/// <summary>
/// Serves a built site on 127.0.0.1 the way a static host does: a folder's <c>index.html</c> for the folder, the
/// site's <c>404.html</c> with status 404 for anything missing. Small on purpose: what the tests check is the
/// site, not the server.
/// </summary>
public sealed class StaticFileServer : IAsyncDisposable
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json",
        [".md"] = "text/markdown; charset=utf-8",
        [".xml"] = "application/xml",
        [".txt"] = "text/plain; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
    };

    private readonly string folder;
    private readonly HttpListener listener = new();
    private readonly Task serving;

    public StaticFileServer(string folder)
    {
        this.folder = Path.GetFullPath(folder);
        Port = FreePort();
        BaseUrl = $"http://127.0.0.1:{Port}/";
        listener.Prefixes.Add(BaseUrl);
        listener.Start();
        serving = ServeAsync();
    }

    public int Port { get; }

    /// <summary><c>http://127.0.0.1:PORT/</c>, ending in a slash.</summary>
    public string BaseUrl { get; }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        try
        {
            await serving.ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
            // Stopping the listener ends the pending GetContextAsync with one of these.
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            var context = await listener.GetContextAsync().ConfigureAwait(false);
            _ = Task.Run(() => Respond(context));
        }
    }

    private void Respond(HttpListenerContext context)
    {
        using var response = context.Response;
        var file = Resolve(context.Request.Url!.AbsolutePath);
        if (file is null)
        {
            response.StatusCode = 404;
            file = Path.Combine(folder, "404.html");
        }
        var bytes = File.Exists(file) ? File.ReadAllBytes(file) : [];
        response.ContentType = ContentTypes.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
    }

    /// <summary>The file for a URL path, or null when there is none (or the path climbs out of the folder).</summary>
    private string? Resolve(string urlPath)
    {
        var relative = Uri.UnescapeDataString(urlPath).TrimStart('/');
        var path = Path.GetFullPath(Path.Combine(folder, relative));
        if (!path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) && path != folder)
        {
            return null;
        }
        if (Directory.Exists(path))
        {
            path = Path.Combine(path, "index.html");
        }
        return File.Exists(path) ? path : null;
    }

    /// <summary>A port nobody listens on now: the OS picks it for a listener we close at once.</summary>
    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}

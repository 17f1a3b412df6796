using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SiteGen.Diagnostics;
using SiteGen.Site;

namespace SiteGen.Preview;

/// <summary>
/// <c>sitegen preview</c>'s server: builds the site, serves the output folder on the loopback address only (Kestrel,
/// from the shared framework), rebuilds when a source changes, and tells the open pages to reload (or shows them the
/// error). HTML pages are served with the live-reload script added; every other file as it is on disk.
/// </summary>
internal sealed class PreviewServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ReloadEvents _events;
    private readonly Rebuilder _rebuilder;
    private readonly SiteWatcher _watcher;
    private readonly OutputFiles _files;
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    private PreviewServer(WebApplication app, ReloadEvents events, Rebuilder rebuilder, SiteWatcher watcher, OutputFiles files)
    {
        _app = app;
        _events = events;
        _rebuilder = rebuilder;
        _watcher = watcher;
        _files = files;
    }

    /// <summary>Where the server listens, such as <c>http://127.0.0.1:5080/</c>.</summary>
    public Uri Address { get; private set; } = null!;

    public ReloadEvents Events => _events;

    /// <summary>
    /// Builds the site, starts serving it on 127.0.0.1:<paramref name="port"/> (0: any free port), and starts
    /// watching. The request's session is kept for every rebuild. A port in use is a <see cref="UsageException"/>.
    /// </summary>
    public static async Task<PreviewServer> StartAsync(BuildRequest request, int port, TextWriter output, TextWriter errors, CancellationToken cancellation = default)
    {
        if (port is < 0 or > IPEndPoint.MaxPort)
        {
            throw new UsageException($"--port {port} is not a TCP port; give one from 1 to 65535, e.g. --port 5080");
        }
        request = request with { Session = request.Session ?? new BuildSession() };
        var events = new ReloadEvents();
        var rebuilder = new Rebuilder(request, events, output, errors);
        var files = new OutputFiles(rebuilder.Folders.Output);
        var app = CreateApp(port, files, events);
        var server = new PreviewServer(app, events, rebuilder, new SiteWatcher(rebuilder.Changed), files);
        try
        {
            // Bind before building: a port in use should fail at once, not after a long first build.
            await app.StartAsync(cancellation).ConfigureAwait(false);
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new UsageException($"port {port} on 127.0.0.1 is in use (another preview?); stop that program or choose another port, e.g. --port {port + 1}");
        }
        server.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        try
        {
            // The watcher starts before the first build, so that an edit made during it is not lost.
            rebuilder.FoldersRead = server.Follow;
            server.Follow(rebuilder.Folders);
            await rebuilder.FirstBuildAsync(cancellation).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        server._loop = rebuilder.RunAsync(server._stopping.Token);
        return server;
    }

    /// <summary>Stops watching, lets a running build end (cancelled), stops the server, and writes what the session still holds.</summary>
    public async ValueTask DisposeAsync()
    {
        _watcher.Dispose();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        // Event streams never end by themselves; the server would wait for them.
        _events.Complete();
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _rebuilder.Session.FlushAsync().ConfigureAwait(false);
        _files.Dispose();
        _stopping.Dispose();
    }

    /// <summary>Serves and watches the folders the settings name now.</summary>
    private void Follow(PreviewFolders folders)
    {
        _files.Folder = folders.Output;
        _watcher.Watch(folders);
    }

    private static WebApplication CreateApp(int port, OutputFiles files, ReloadEvents events)
    {
        // The empty builder: no configuration files, no logging to the console, nothing trimming cannot see.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Loopback only: the preview is for this machine, never for the network.
            kestrel.Listen(IPAddress.Loopback, port);
        });
        var app = builder.Build();
        var pages = new PreviewRequests(files, events);
        app.Use(LoopbackHost.CheckAsync);
        app.Use(pages.HandleAsync);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = ContentTypes(),
            ServeUnknownFileTypes = true,
            DefaultContentType = "application/octet-stream",
            // Always ask again: a rebuild may have changed any file (the answer is a quick 304 when it did not).
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.Run(pages.NotFoundAsync);
        return app;
    }

    /// <summary>The usual types, and Markdown for the papers' <c>.md</c> pages, as static hosts serve them.</summary>
    private static FileExtensionContentTypeProvider ContentTypes()
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".md"] = "text/markdown; charset=utf-8";
        return types;
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace SiteGen.Preview;

/// <summary>
/// What the preview server answers besides plain files: the live-reload script and its event stream, HTML pages with
/// the script added (<c>/x/</c> is <c>/x/index.html</c>, <c>/x</c> redirects to <c>/x/</c>, as static hosts do), and
/// the site's 404 page for anything missing.
/// </summary>
internal sealed class PreviewRequests(OutputFiles files, ReloadEvents events)
{
    private const string HtmlType = "text/html; charset=utf-8";

    public async Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path == ReloadScript.EventsUrl)
        {
            await StreamEventsAsync(context).ConfigureAwait(false);
            return;
        }
        if (path == ReloadScript.Url)
        {
            context.Response.ContentType = "text/javascript; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.Body.WriteAsync(ReloadScript.Script, context.RequestAborted).ConfigureAwait(false);
            return;
        }
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            if (path.EndsWith('/') || path.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
            {
                var page = files.GetFileInfo(path.EndsWith('/') ? path + "index.html" : path);
                if (page.Exists && !page.IsDirectory)
                {
                    await ServePageAsync(context, page, StatusCodes.Status200OK).ConfigureAwait(false);
                    return;
                }
                if (path.EndsWith('/'))
                {
                    // A folder without a page is not found, as on a static host; and a file named as a folder
                    // (/index.html/) must not reach the file server, which would try to open it as one.
                    await NotFoundAsync(context).ConfigureAwait(false);
                    return;
                }
            }
            else if (files.GetDirectoryContents(path).Exists)
            {
                context.Response.Redirect(context.Request.PathBase + path + "/" + context.Request.QueryString);
                return;
            }
        }
        await next(context).ConfigureAwait(false);
    }

    /// <summary>The end of the line: the site's own 404 page (with the script, so it too reloads), or a line of text.</summary>
    public async Task NotFoundAsync(HttpContext context)
    {
        var page = files.GetFileInfo(Site.Urls.NotFound);
        if (page.Exists)
        {
            await ServePageAsync(context, page, StatusCodes.Status404NotFound).ConfigureAwait(false);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("Not found (and the site has no 404.html yet).\n", context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task ServePageAsync(HttpContext context, IFileInfo page, int status)
    {
        byte[] html;
        try
        {
            html = ReloadScript.InjectInto(await File.ReadAllBytesAsync(page.PhysicalPath!, context.RequestAborted).ConfigureAwait(false));
        }
        catch (FileNotFoundException)
        {
            // Removed by a rebuild between the look and the read.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = HtmlType;
        response.ContentLength = html.Length;
        response.Headers.CacheControl = "no-store";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(html, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One page's stream of build events. It is registered before the headers go out, so once the page (or a test)
    /// sees the response start, no later build's event can pass it by.
    /// </summary>
    private async Task StreamEventsAsync(HttpContext context)
    {
        using var subscription = events.Subscribe();
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        var aborted = context.RequestAborted;
        try
        {
            // How soon the browser tries again when the server restarts.
            await response.WriteAsync("retry: 1000\n\n", aborted).ConfigureAwait(false);
            await response.Body.FlushAsync(aborted).ConfigureAwait(false);
            await foreach (var message in subscription.Events.ReadAllAsync(aborted).ConfigureAwait(false))
            {
                await response.WriteAsync(message, aborted).ConfigureAwait(false);
                await response.Body.FlushAsync(aborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The page went away.
        }
    }
}

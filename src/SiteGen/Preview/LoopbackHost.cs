using Microsoft.AspNetCore.Http;

namespace SiteGen.Preview;

/// <summary>
/// The preview answers only requests addressed to this machine by name: a <c>Host</c> of 127.0.0.1, localhost or [::1]
/// (any port). Listening on the loopback address is not enough: a web page the user visits can point a name of its own at
/// 127.0.0.1 (DNS rebinding) and read the preview through it; the Host header then names that page's host. Vite and
/// webpack-dev-server check it for the same reason.
/// </summary>
internal static class LoopbackHost
{
    public static bool IsAllowed(HostString host) =>
        host.HasValue && (host.Host is "127.0.0.1" or "[::1]" || host.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase));

    public static async Task CheckAsync(HttpContext context, RequestDelegate next)
    {
        if (IsAllowed(context.Request.Host))
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(
            $"Forbidden: the preview answers only requests for 127.0.0.1, localhost or [::1], and this one was for '{context.Request.Host.Value}', so that no other web page can read it through a name of its own.\n",
            context.RequestAborted).ConfigureAwait(false);
    }
}

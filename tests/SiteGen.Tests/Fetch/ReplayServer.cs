using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace SiteGen.Tests.Fetch;

/// <summary>
/// A server on 127.0.0.1 that answers the API's requests from a script (saved responses of the corpus, 429s, 500s, slow or
/// cut-off answers, HTML), and counts what it was asked and how many requests it served at once.
/// </summary>
public sealed class ReplayServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Queue<Answer>> _script = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();
    private int _running;
    private int _mostAtOnce;

    /// <summary>One answer: a status, a body, a pause before it (a slow server), and headers.</summary>
    public sealed record Answer(int Status, byte[] Body, TimeSpan Delay = default, string ContentType = "application/json", int? RetryAfter = null);

    private ReplayServer(WebApplication app) => _app = app;

    public static async Task<ReplayServer> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new ReplayServer(app);
        app.Run(server.AnswerAsync);
        await app.StartAsync();
        return server;
    }

    public Uri Address => new(_app.Urls.First() + "/");

    /// <summary>Every request's path and query, in order.</summary>
    public IReadOnlyCollection<string> Requests => _requests;

    public int MostAtOnce => _mostAtOnce;

    /// <summary>The answers to give to <paramref name="pathAndQuery"/>, one per request; the last is given again and again.</summary>
    public void Script(string pathAndQuery, params Answer[] answers) => _script[pathAndQuery] = new Queue<Answer>(answers);

    public static Answer Json(byte[] body) => new(200, body);

    public static Answer Status(int status, int? retryAfter = null) => new(status, "{\"error\":\"x\"}"u8.ToArray(), RetryAfter: retryAfter);

    private async Task AnswerAsync(HttpContext context)
    {
        var key = context.Request.Path + context.Request.QueryString;
        _requests.Enqueue(key);
        var now = Interlocked.Increment(ref _running);
        InterlockedMax(ref _mostAtOnce, now);
        try
        {
            if (!_script.TryGetValue(key, out var answers) || answers.Count == 0)
            {
                context.Response.StatusCode = 404;
                return;
            }
            Answer answer;
            lock (answers)
            {
                answer = answers.Count > 1 ? answers.Dequeue() : answers.Peek();
            }
            if (answer.Delay > TimeSpan.Zero)
            {
                await Task.Delay(answer.Delay, context.RequestAborted);
            }
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = answer.ContentType;
            if (answer.RetryAfter is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            await context.Response.Body.WriteAsync(answer.Body, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

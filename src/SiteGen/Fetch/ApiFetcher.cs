using System.Globalization;
using System.Net;
using System.Text.Json;
using SiteGen.Listings;
using SiteGen.Site;

namespace SiteGen.Fetch;

/// <summary>
/// Downloads the Hugging Face API's JSON into a folder of the site's listings, the bytes exactly as served, so that the next
/// build reads them. At most two requests at a time, each with a timeout; 429 and 5xx answers (and timeouts) are tried
/// again with a growing pause, or the one the server asks for (<c>Retry-After</c>). An answer that is not the API's JSON
/// (an error page, a cut-off body) is a failure that names the URL and the status. A file is written whole, through a
/// temporary file, or not at all; a file already there is kept unless told otherwise, so a fetch stopped half way resumes.
/// </summary>
internal sealed class ApiFetcher(HttpClient client, FetchOptions options)
{
    /// <summary>Fetches every target; reports each one as it ends. Throws <see cref="FetchFailedException"/> if any failed.</summary>
    public async Task<FetchReport> RunAsync(IReadOnlyList<FetchTarget> targets, Action<FetchTarget, string> told, CancellationToken cancellation)
    {
        Directory.CreateDirectory(options.Folder);
        using var gate = new SemaphoreSlim(options.Parallel);
        var results = new FetchResult[targets.Count];
        await Task.WhenAll(targets.Select(async (target, i) =>
        {
            await gate.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                results[i] = await FetchAsync(target, cancellation).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
            told(target, results[i].Message);
        })).ConfigureAwait(false);
        var report = new FetchReport(results);
        if (report.Failed.Count > 0)
        {
            throw new FetchFailedException([.. report.Failed.Select(f => f.Message)]);
        }
        return report;
    }

    private async Task<FetchResult> FetchAsync(FetchTarget target, CancellationToken cancellation)
    {
        var path = Path.Combine(options.Folder, target.FileName);
        if (File.Exists(path) && !options.Force)
        {
            return new(target, FetchOutcome.Kept, $"{target.Label}: kept {target.FileName} (fetched before; --force fetches it again)");
        }
        var url = new Uri(options.ApiBase, target.Path);
        var (bytes, failure) = await GetAsync(url, cancellation).ConfigureAwait(false);
        if (failure is not null)
        {
            return new(target, FetchOutcome.Failed, $"error: {url}: {failure}; nothing written for it");
        }
        var (wrong, empty) = Check(target, bytes!);
        if (wrong is not null)
        {
            return new(target, FetchOutcome.Failed, $"error: {url}: {wrong}; nothing written for it");
        }
        if (empty && target.Kind == FetchKind.Day)
        {
            return new(target, FetchOutcome.Empty, $"{target.Label}: no papers that day (a weekend or a holiday); nothing written");
        }
        options.Files.WriteAtomically(path, stream => stream.Write(bytes));
        return new(target, FetchOutcome.Written, string.Create(CultureInfo.InvariantCulture, $"{target.Label}: wrote {target.FileName} ({bytes!.Length:N0} bytes)"));
    }

    /// <summary>The body of a 200 answer, or why there is none, after the retries.</summary>
    private async Task<(byte[]? Bytes, string? Failure)> GetAsync(Uri url, CancellationToken cancellation)
    {
        string failure = "";
        for (var attempt = 1; attempt <= options.Attempts; attempt++)
        {
            TimeSpan? wait = null;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
                timeout.CancelAfter(options.Timeout);
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return (await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false), null);
                }
                failure = string.Create(CultureInfo.InvariantCulture, $"{(int)response.StatusCode} {response.ReasonPhrase}");
                if (response.StatusCode != HttpStatusCode.TooManyRequests && (int)response.StatusCode < 500)
                {
                    return (null, failure); // 404, 401...: asking again will not help
                }
                wait = RetryAfter(response);
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                failure = string.Create(CultureInfo.InvariantCulture, $"no answer within {options.Timeout.TotalSeconds:0.#} s (--timeout)");
            }
            catch (HttpRequestException e)
            {
                failure = e.Message;
            }
            if (attempt < options.Attempts)
            {
                await Task.Delay(wait ?? options.RetryDelay * Math.Pow(2, attempt - 1), cancellation).ConfigureAwait(false);
            }
        }
        return (null, string.Create(CultureInfo.InvariantCulture, $"{failure} ({options.Attempts} tries)"));
    }

    /// <summary>The pause a 429 or 503 asks for, at most a minute.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var retry = response.Headers.RetryAfter;
        var wait = retry?.Delta ?? (retry?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        return wait is { } w ? TimeSpan.FromTicks(Math.Clamp(w.Ticks, 0, TimeSpan.FromMinutes(1).Ticks)) : null;
    }

    /// <summary>Why an answer is not what the API gives for the target (null when it is), and whether it is an empty list.</summary>
    private static (string? Wrong, bool Empty) Check(FetchTarget target, byte[] bytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            return (bytes.AsSpan().TrimStart(" \t\r\n"u8).StartsWith("<"u8)
                ? "the answer is HTML, not the API's JSON (a login or error page?)"
                : $"the answer is not whole JSON ({e.Message.Split(". ")[0]}): cut off on the way?", false);
        }
        using (document)
        {
            var root = document.RootElement;
            var right = target.Kind switch
            {
                FetchKind.Paper => root.ValueKind == JsonValueKind.Object && ApiCaptureReader.HasPapers(root),
                _ => root.ValueKind == JsonValueKind.Array && ApiCaptureReader.HasPapers(root),
            };
            var empty = root.ValueKind == JsonValueKind.Array && root.GetArrayLength() == 0;
            return (right ? null : $"the answer is JSON, but not {(target.Kind == FetchKind.Paper ? "a paper" : "a list of papers")} as the API gives", empty);
        }
    }
}

/// <summary>How <see cref="ApiFetcher"/> works.</summary>
/// <param name="Folder">Where files go (<c>input/listings/hf</c>).</param>
internal sealed record FetchOptions(string Folder, Uri ApiBase)
{
    public static readonly Uri DefaultApiBase = new("https://huggingface.co/");

    public bool Force { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The first pause before a try again; each next one is twice as long.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public int Attempts { get; init; } = 5;

    public int Parallel { get; init; } = 2;

    public FileOperations Files { get; init; } = FileOperations.Disk;
}

internal enum FetchOutcome
{
    Written,
    Kept,
    Empty,
    Failed,
}

internal sealed record FetchResult(FetchTarget Target, FetchOutcome Outcome, string Message);

internal sealed record FetchReport(IReadOnlyList<FetchResult> Results)
{
    public IReadOnlyList<FetchResult> Failed => [.. Results.Where(r => r.Outcome == FetchOutcome.Failed)];

    public int Count(FetchOutcome outcome) => Results.Count(r => r.Outcome == outcome);
}

/// <summary>Some requests failed: one line each, naming the URL and why.</summary>
internal sealed class FetchFailedException(IReadOnlyList<string> lines) : Exception(string.Join('\n', lines))
{
    public IReadOnlyList<string> Lines { get; } = lines;
}

using SiteGen.Preview;

namespace SiteGen.Tests.Preview;

/// <summary>A page's view of the preview's Server-Sent Events, read as a browser would, one event at a time.</summary>
public sealed class EventStream : IDisposable
{
    /// <summary>Long enough for a rebuild on a busy two-core machine; a test that passes does not wait for it.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private EventStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    /// <summary>Connects; once this returns the server has registered the page, so no later build's event is missed.</summary>
    public static async Task<EventStream> OpenAsync(HttpClient client, Uri server)
    {
        var response = await client.GetAsync(new Uri(server, ReloadScript.EventsUrl), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new EventStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>The next named event and its data (lines joined with \n); fails after <see cref="Timeout"/>.</summary>
    public async Task<(string Name, string Data)> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        string? name = null;
        var data = new List<string>();
        while (true)
        {
            var line = await _reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("the server ended the event stream");
            if (line.Length == 0)
            {
                if (name is not null)
                {
                    return (name, string.Join('\n', data));
                }
                continue;
            }
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Add(line["data: ".Length..]);
            }
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}

using System.Collections.Concurrent;

namespace SiteGen.Engine.Tests.Support;

/// <summary>What happened, in the order it happened, written to by modules on any thread.</summary>
internal sealed class EventLog
{
    private readonly ConcurrentQueue<string> _events = new();

    public IReadOnlyList<string> Events => [.. _events];

    public void Add(string @event) => _events.Enqueue(@event);

    /// <summary>Where <paramref name="event"/> happened; failing, with the whole log, when it never did.</summary>
    public int IndexOf(string @event)
    {
        var events = Events;
        var index = events.ToList().IndexOf(@event);
        Assert.True(index >= 0, $"'{@event}' never happened. The log: {string.Join(", ", events)}");
        return index;
    }

    public override string ToString() => string.Join(", ", Events);
}

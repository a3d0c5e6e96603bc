using Fedi.Testing;

namespace Fedi.System.Tests.Streams;

/// <summary>One viewer's socket on one stream, named for assertion messages (<c>follower:list</c>).</summary>
public sealed class StreamProbe(string name, WebSocketClient socket) : IAsyncDisposable
{
    /// <summary>Deadline for something that must come; never reached when things work.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    public string Name { get; } = name;

    /// <summary>Waits for the first <paramref name="eventName"/> event about <paramref name="statusId"/>.</summary>
    public Task<StreamingEvent> WaitForAsync(string eventName, string statusId) =>
        socket.WaitForEventAsync(eventName, e => IsAbout(e, statusId), Deadline);

    /// <summary>
    /// Every frame up to the first event about one of <paramref name="sentinelIds"/>: the sentinels are posted
    /// after the status under test was fanned out, so whatever that status sent this stream is in here.
    /// </summary>
    public async Task<IReadOnlyList<StreamingEvent>> ReadUntilSentinelAsync(IReadOnlyCollection<string> sentinelIds)
    {
        var seen = new List<StreamingEvent>();
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"{Name}: no sentinel within {Deadline}; saw [{string.Join(", ", seen)}]");
            var frame = new StreamingEvent(await socket.ReceiveJsonAsync(left));
            if (sentinelIds.Any(id => IsAbout(frame, id))) return seen;
            seen.Add(frame);
        }
    }

    /// <summary>An update of the status, a conversation whose last status it is, or its delete.</summary>
    public static bool IsAbout(StreamingEvent e, string statusId) =>
        e.Event == "delete" ? e.PayloadText == statusId
            : e.Payload?["id"]?.ToString() == statusId || e.Payload?["last_status"]?["id"]?.ToString() == statusId;

    public ValueTask DisposeAsync() => socket.DisposeAsync();
}

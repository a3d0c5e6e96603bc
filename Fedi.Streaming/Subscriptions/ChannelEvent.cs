using System.Text.Json;
using Fedi.Core.Contracts;

namespace Fedi.Streaming.Subscriptions;

/// <summary>
/// One decoded message from a Redis channel, handed to every listener of that channel. Frames are encoded
/// here once per stream name (WebSocket) or once at all (SSE), not once per connection. A channel's
/// messages are dispatched one at a time on one thread, so the caches need no locking.
/// </summary>
public sealed class ChannelEvent(string channel, StreamMessage message)
{
    private byte[]? _eventSourceFrame;
    private List<(string StreamName, byte[] Frame)>? _webSocketFrames;
    private bool _languageRead;
    private string? _language;

    public string Channel { get; } = channel;
    public string Event => message.Event;

    /// <summary>The entity JSON (or the bare id for deletes); null for kill and filters_changed.</summary>
    public string? Payload => message.Payload;

    /// <summary>Status events are the ones public and hashtag streams filter per viewer.</summary>
    public bool IsStatus => Event is StreamEvents.Update or StreamEvents.StatusUpdate;

    /// <summary>The status's <c>language</c>, read from the payload on first use; null when absent or unreadable.</summary>
    public string? Language
    {
        get
        {
            if (_languageRead) return _language;
            _languageRead = true;
            _language = ReadLanguage(Payload);
            return _language;
        }
    }

    public byte[] WebSocketFrame(string streamNameJson)
    {
        _webSocketFrames ??= new List<(string, byte[])>(1);
        foreach (var (name, frame) in _webSocketFrames)
        {
            if (name == streamNameJson) return frame;
        }
        var encoded = StreamFrames.WebSocket(streamNameJson, Event, Payload ?? "");
        _webSocketFrames.Add((streamNameJson, encoded));
        return encoded;
    }

    public byte[] EventSourceFrame() => _eventSourceFrame ??= StreamFrames.EventSource(Event, Payload ?? "");

    private static string? ReadLanguage(string? payload)
    {
        if (payload is null) return null;
        try
        {
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("language", out var language)
                && language.ValueKind == JsonValueKind.String ? language.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

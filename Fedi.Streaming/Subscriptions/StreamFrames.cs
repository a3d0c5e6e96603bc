using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Fedi.Streaming.Subscriptions;

/// <summary>The bytes clients receive, in Mastodon's shapes (mastodon.md §4.6).</summary>
public static class StreamFrames
{
    // Like JSON.stringify: non-ASCII and HTML characters stay as they are; statuses are mostly HTML,
    // and \u003C escapes would only make every frame bigger.
    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The frame's <c>stream</c> array, encoded once per subscription: <c>["hashtag","foo"]</c>.</summary>
    public static string StreamNameJson(IReadOnlyList<string> streamName) =>
        Json(w =>
        {
            w.WriteStartArray();
            foreach (var part in streamName) w.WriteStringValue(part);
            w.WriteEndArray();
        });

    /// <summary><c>{"stream":[…],"event":"update","payload":"&lt;entity JSON as a string&gt;"}</c>.</summary>
    public static byte[] WebSocket(string streamNameJson, string eventName, string payload) =>
        // Sized for the escaped payload up front: a status is ~1-3 KB, and growing from 256 bytes copied it four times.
        JsonBytes(payload.Length + payload.Length / 8 + streamNameJson.Length + eventName.Length + 48, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("stream");
            w.WriteRawValue(streamNameJson, skipInputValidation: true);
            w.WriteString("event", eventName);
            w.WriteString("payload", payload);
            w.WriteEndObject();
        });

    /// <summary><c>event: name\ndata: payload\n\n</c>; a payload line break starts another data line, as SSE requires.</summary>
    public static byte[] EventSource(string eventName, string payload)
    {
        var text = new StringBuilder(payload.Length + eventName.Length + 16);
        text.Append("event: ").Append(eventName).Append('\n');
        foreach (var line in payload.Split('\n')) text.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
        text.Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>An error sent on the socket: <c>{"error":"…","status":400}</c>; Mastodon omits status on unsubscribe errors.</summary>
    public static byte[] Error(string message, int? status) =>
        JsonBytes(w =>
        {
            w.WriteStartObject();
            w.WriteString("error", message);
            if (status is { } code) w.WriteNumber("status", code);
            w.WriteEndObject();
        });

    public static readonly byte[] EventSourceOpening = ":)\n"u8.ToArray();
    public static readonly byte[] EventSourceHeartbeat = ":thump\n\n"u8.ToArray();

    private static byte[] JsonBytes(Action<Utf8JsonWriter> write) => JsonBytes(256, write);

    private static byte[] JsonBytes(int capacity, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(capacity);
        using (var writer = new Utf8JsonWriter(buffer, Writer)) write(writer);
        return buffer.WrittenSpan.ToArray();
    }

    private static string Json(Action<Utf8JsonWriter> write) => Encoding.UTF8.GetString(JsonBytes(write));
}
